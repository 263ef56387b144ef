import { filterParseError } from "./parse-error.js";

/**
 * Reserved words of the filter grammar (matched case-insensitively; quote them to use as names).
 *
 * @example
 * KEYWORDS.has("NOT"); // true
 */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "AND",
  "OR",
  "NOT",
  "IN",
  "IS",
  "NULL",
  "TRUE",
  "FALSE",
]);

/**
 * Token kinds; `unknown` is any character the grammar has no use for, reported by the parser.
 *
 * @example
 * const kind: TokenKind = "keyword";
 */
export type TokenKind =
  | "keyword"
  | "ident"
  | "string"
  | "number"
  | "op"
  | "("
  | ")"
  | ","
  | "."
  | "-"
  | "unknown"
  | "end";

/**
 * One token. `value` is the decoded text: the upper-cased keyword, the unescaped string or quoted
 * identifier, the operator (`<>` already `!=`), or the source text otherwise. `start` is a UTF-16
 * index into the input.
 *
 * @example
 * const t: Token = { kind: "op", value: "!=", text: "<>", start: 2 };
 */
export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly text: string;
  readonly start: number;
}

const SPACE = /\s+/y;
const IDENT = /[\p{L}_][\p{L}\p{N}_$]*/uy;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPERATOR = /<=|>=|<>|!=|=|<|>/y;
const PUNCTUATION = new Set(["(", ")", ",", ".", "-"]);

function match(re: RegExp, input: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(input);
  return m === null ? null : m[0];
}

/** Reads a `'…'` string or `"…"` identifier starting at `at`; a doubled quote is one quote. */
function quoted(input: string, at: number, quote: string, what: string): { value: string; end: number } {
  let value = "";
  let i = at + 1;
  for (;;) {
    const next = input.indexOf(quote, i);
    if (next < 0) {
      throw filterParseError(
        input,
        input.length,
        `${quote} to close the ${what} opened at ${at + 1}`,
        "end of input",
      );
    }
    value += input.slice(i, next);
    if (input[next + 1] === quote) {
      value += quote;
      i = next + 2;
    } else {
      return { value, end: next + 1 };
    }
  }
}

/**
 * Splits filter text into tokens, ending with an `end` token.
 *
 * @example
 * tokenize("a <> 'x'").map((t) => t.value); // ["a", "!=", "x", ""]
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (kind: TokenKind, value: string, end: number) => {
    tokens.push({ kind, value, text: input.slice(at, end), start: at });
    at = end;
  };
  while (at < input.length) {
    const space = match(SPACE, input, at);
    if (space !== null) {
      at += space.length;
      continue;
    }
    const ch = input[at]!;
    if (ch === "'") {
      const s = quoted(input, at, "'", "string");
      push("string", s.value, s.end);
      continue;
    }
    if (ch === '"') {
      const s = quoted(input, at, '"', "quoted identifier");
      if (s.value.length === 0)
        throw filterParseError(input, at, "a column name", "an empty quoted identifier");
      push("ident", s.value, s.end);
      continue;
    }
    const number = match(NUMBER, input, at);
    if (number !== null) {
      push("number", number, at + number.length);
      continue;
    }
    const ident = match(IDENT, input, at);
    if (ident !== null) {
      const upper = ident.toUpperCase();
      push(KEYWORDS.has(upper) ? "keyword" : "ident", KEYWORDS.has(upper) ? upper : ident, at + ident.length);
      continue;
    }
    const op = match(OPERATOR, input, at);
    if (op !== null) {
      push("op", op === "<>" ? "!=" : op, at + op.length);
      continue;
    }
    const width = (input.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    push(PUNCTUATION.has(ch) ? (ch as TokenKind) : "unknown", input.slice(at, at + width), at + width);
  }
  tokens.push({ kind: "end", value: "", text: "", start: input.length });
  return tokens;
}
