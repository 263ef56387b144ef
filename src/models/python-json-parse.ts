import { InvalidArgumentError } from "../errors.js";
import { PyFloat } from "./py-float.js";
import type { PyJson } from "./python-json.js";

/**
 * Parses JSON text the way Python's `json.loads` does, without losing what JavaScript numbers cannot
 * hold: a number token with a fraction or exponent becomes a {@link PyFloat} (so `1.0` stays a float),
 * an integer beyond 2^53 becomes a `bigint`, and `NaN` / `Infinity` / `-Infinity` are accepted as
 * Python accepts them. Duplicate keys keep the last value, as in Python.
 *
 * @example
 * const v = parsePythonJson('{"scale": 1.0, "n": 3}') as { scale: PyFloat; n: number };
 * pythonJsonDumps(v); // '{"n": 3, "scale": 1.0}'
 */
export function parsePythonJson(text: string): PyJson {
  const parser = new Parser(text);
  parser.skipWhitespace();
  const value = parser.value();
  parser.skipWhitespace();
  if (parser.pos < text.length) parser.fail("extra data");
  return value;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class Parser {
  pos = 0;

  constructor(readonly text: string) {}

  fail(what: string): never {
    const near = JSON.stringify(this.text.slice(this.pos, this.pos + 12));
    throw new InvalidArgumentError(`json: ${what} at position ${this.pos} (near ${near})`);
  }

  skipWhitespace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") break;
      this.pos++;
    }
  }

  value(): PyJson {
    const c = this.text[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    for (const [word, result] of WORDS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return result();
      }
    }
    return this.number();
  }

  object(): PyJson {
    const obj: Record<string, PyJson> = {};
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return obj;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail("expected a property name in double quotes");
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail("expected ':'");
      this.pos++;
      this.skipWhitespace();
      // defineProperty keeps a "__proto__" key an ordinary property instead of setting the prototype.
      Object.defineProperty(obj, key, {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipWhitespace();
      const next = this.text[this.pos++];
      if (next === "}") return obj;
      if (next !== ",") this.fail("expected ',' or '}'");
      this.skipWhitespace();
    }
  }

  array(): PyJson {
    const items: PyJson[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.value());
      this.skipWhitespace();
      const next = this.text[this.pos++];
      if (next === "]") return items;
      if (next !== ",") this.fail("expected ',' or ']'");
      this.skipWhitespace();
    }
  }

  string(): string {
    const t = this.text;
    let out = "";
    let start = ++this.pos;
    for (;;) {
      if (this.pos >= t.length) this.fail("unterminated string");
      const unit = t.charCodeAt(this.pos);
      if (unit === 0x22) break;
      if (unit < 0x20) this.fail("invalid control character in string");
      if (unit !== 0x5c) {
        this.pos++;
        continue;
      }
      out += t.slice(start, this.pos);
      const esc = t[this.pos + 1] ?? "";
      if (esc === "u") {
        const hex = t.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\uXXXX escape");
        // Each escape is one UTF-16 unit; a pair of escapes forms an astral character by concatenation.
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.pos += 6;
      } else {
        const mapped = ESCAPES[esc];
        if (mapped === undefined) this.fail("invalid escape");
        out += mapped;
        this.pos += 2;
      }
      start = this.pos;
    }
    out += t.slice(start, this.pos);
    this.pos++;
    return out;
  }

  number(): PyJson {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail("expected a value");
    const token = match[0];
    this.pos += token.length;
    if (match[1] !== undefined || match[2] !== undefined) return new PyFloat(token);
    const n = Number(token);
    return Number.isSafeInteger(n) ? (n === 0 ? 0 : n) : BigInt(token);
  }
}

const WORDS: readonly (readonly [string, () => PyJson])[] = [
  ["null", () => null],
  ["true", () => true],
  ["false", () => false],
  ["NaN", () => new PyFloat("NaN")],
  ["Infinity", () => new PyFloat("Infinity")],
  ["-Infinity", () => new PyFloat("-Infinity")],
];
