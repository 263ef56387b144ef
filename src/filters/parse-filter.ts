import type { CompareOp, FilterExpr, FilterLiteral, InExpr, IsNullExpr, Operand } from "./filter-expr.js";
import { filterParseError } from "./parse-error.js";
import { type Token, tokenize } from "./tokenize.js";

const OPERATORS = "an operator (=, !=, <>, <, <=, >, >=, IN, NOT IN, IS)";
const OPERAND = 'a column, a literal or "("';
const CONDITION = 'a condition (a column, a literal, NOT or "(")';

/**
 * Parses the SQL-WHERE subset Python Metaxy accepts into the filter IR: comparisons
 * (`= != <> < <= > >=`, column or literal on either side), `AND`/`OR`/`NOT` (precedence
 * NOT > AND > OR), parentheses, `[NOT] IN (literals)` with a column on the left, `IS [NOT] NULL`,
 * `= NULL`/`!= NULL` as null checks, literals (`'it''s'`, `42`, `-1.5e3`, `TRUE`, `FALSE`, `NULL`;
 * integers beyond 2^53 stay exact as bigint), bare or `"quoted"` identifiers, dotted names and bare
 * boolean columns. Keywords are case-insensitive. A dotted name is kept whole (`a.b`, like Python
 * Metaxy's `nw.col("a.b")`); evaluation reads the column `a.b` if the table has one, else field `b`
 * of struct column `a`.
 *
 * @throws FilterParseError naming the input, the 1-based character position and what was expected.
 * @example
 * parseFilter(`${METAXY_FEATURE_VERSION} = 'abc' AND NOT is_active`);
 */
export function parseFilter(text: string): FilterExpr {
  return new Parser(text).parse();
}

class Parser {
  private readonly tokens: Token[];
  private at = 0;
  private depth = 0;

  constructor(private readonly input: string) {
    this.tokens = tokenize(input);
  }

  parse(): FilterExpr {
    const expr = this.or();
    if (this.peek().kind !== "end") this.fail("AND, OR or end of input");
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.at]!;
  }

  private next(): Token {
    return this.tokens[this.at++]!;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const t = this.tokens[this.at + offset];
    return t !== undefined && t.kind === "keyword" && t.value === word;
  }

  private fail(expected: string, token: Token = this.peek()): never {
    const got = token.kind === "end" ? "end of input" : JSON.stringify(token.text);
    throw filterParseError(this.input, token.start, expected, got);
  }

  private or(): FilterExpr {
    const args = [this.and()];
    while (this.isKeyword("OR")) {
      this.next();
      args.push(this.and());
    }
    return args.length === 1 ? args[0]! : { kind: "or", args };
  }

  private and(): FilterExpr {
    const args = [this.not()];
    while (this.isKeyword("AND")) {
      this.next();
      args.push(this.not());
    }
    return args.length === 1 ? args[0]! : { kind: "and", args };
  }

  private not(): FilterExpr {
    if (this.isKeyword("NOT")) {
      this.next();
      return { kind: "not", arg: this.not() };
    }
    return this.predicate();
  }

  private predicate(): FilterExpr {
    const first = this.peek();
    let left: FilterExpr;
    if (first.kind === "(") {
      this.next();
      this.depth++;
      left = this.or();
      this.close();
      // `(x) = 1`: a parenthesised operand keeps going; any other group is complete.
      if (left.kind !== "column" && left.kind !== "literal") return left;
    } else {
      left = this.operand(CONDITION);
    }
    const t = this.peek();
    if (t.kind === "op") return this.comparison(left, t);
    if (this.isKeyword("IS")) return this.isNull(left, first);
    if (this.isKeyword("IN") || (this.isKeyword("NOT") && this.isKeyword("IN", 1)))
      return this.inList(left, first);
    const ends =
      t.kind === "end" || this.isKeyword("AND") || this.isKeyword("OR") || (t.kind === ")" && this.depth > 0);
    const boolish = left.kind === "column" || left.value === null || typeof left.value === "boolean";
    if (!ends || !boolish) this.fail(`${OPERATORS}${this.depth > 0 ? ', ")"' : ""}, AND, OR or end of input`);
    return left;
  }

  private close(): void {
    if (this.peek().kind !== ")") this.fail('AND, OR or ")"');
    this.next();
    this.depth--;
  }

  private comparison(left: Operand, opToken: Token): FilterExpr {
    this.next();
    const op = opToken.value as CompareOp;
    const right = this.operand(OPERAND);
    if (op === "=" || op === "!=") {
      const column = left.kind === "column" ? left : right.kind === "column" ? right : null;
      const other = column === left ? right : left;
      if (column !== null && other.kind === "literal" && other.value === null) {
        return { kind: "isNull", column, negated: op === "!=" };
      }
    }
    return { kind: "compare", op, left, right };
  }

  private isNull(left: Operand, first: Token): IsNullExpr {
    if (left.kind !== "column") this.fail("a column before IS", first);
    this.next();
    let negated = false;
    if (this.isKeyword("NOT")) {
      this.next();
      negated = true;
    }
    if (!this.isKeyword("NULL")) this.fail(negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
    this.next();
    return { kind: "isNull", column: left, negated };
  }

  private inList(left: Operand, first: Token): InExpr {
    const negated = this.isKeyword("NOT");
    if (left.kind !== "column") this.fail(`a column on the left of ${negated ? "NOT IN" : "IN"}`, first);
    if (negated) this.next();
    this.next();
    if (this.peek().kind !== "(") this.fail('"(" after IN');
    this.next();
    const values: FilterLiteral[] = [this.literal()];
    while (this.peek().kind === ",") {
      this.next();
      values.push(this.literal());
    }
    if (this.peek().kind !== ")") this.fail('"," or ")" in the IN list');
    this.next();
    return { kind: "in", column: left, values, negated };
  }

  private operand(expected: string): Operand {
    const t = this.peek();
    if (t.kind === "ident") return this.column();
    if (t.kind === "(") {
      this.next();
      this.depth++;
      const inner = this.operand(OPERAND);
      this.close();
      return inner;
    }
    if (this.startsLiteral(t)) return { kind: "literal", value: this.literal() };
    return this.fail(expected);
  }

  private startsLiteral(t: Token): boolean {
    return (
      t.kind === "string" ||
      t.kind === "number" ||
      t.kind === "-" ||
      (t.kind === "keyword" && (t.value === "NULL" || t.value === "TRUE" || t.value === "FALSE"))
    );
  }

  private column(): Operand {
    const parts = [this.next().value];
    while (this.peek().kind === ".") {
      this.next();
      const part = this.peek();
      // After a dot any word is a name, keywords included (`t.in`).
      if (part.kind !== "ident" && part.kind !== "keyword") this.fail('a field name after "."');
      this.next();
      parts.push(part.kind === "keyword" ? part.text : part.value);
    }
    return { kind: "column", name: parts.join(".") };
  }

  private literal(): FilterLiteral {
    const t = this.peek();
    if (t.kind === "string") {
      this.next();
      return t.value;
    }
    if (t.kind === "-" || t.kind === "number") {
      this.next();
      const negative = t.kind === "-";
      if (negative && this.peek().kind !== "number") this.fail('a number after "-"');
      const digits = negative ? this.next() : t;
      const value = numberLiteral(digits.text, negative);
      if (typeof value === "number" && !Number.isFinite(value)) this.fail("a finite number", digits);
      return value;
    }
    if (t.kind === "keyword" && (t.value === "NULL" || t.value === "TRUE" || t.value === "FALSE")) {
      this.next();
      return t.value === "NULL" ? null : t.value === "TRUE";
    }
    return this.fail("a literal (a 'string', a number, TRUE, FALSE or NULL)");
  }
}

/** Integers stay exact (bigint beyond ±(2^53 − 1)); anything with `.` or an exponent is a float. */
function numberLiteral(text: string, negative: boolean): number | bigint {
  if (/^\d+$/.test(text)) {
    const big = negative ? -BigInt(text) : BigInt(text);
    const safe = big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER);
    return safe ? Number(big) : big;
  }
  const value = Number(text);
  return negative ? -value : value;
}
