import { InvalidArgumentError } from "../errors.js";
import { compareCodePoints } from "./code-point-compare.js";
import { PyFloat, pyFloatRepr } from "./py-float.js";

/**
 * JSON-like data as Python's `json` module sees it: `PyFloat` marks floats, safe-integer JS numbers are
 * Python ints (as are `bigint`s), and every other JS number is a float (`0.5`, `1e16`).
 *
 * @example
 * const v: PyJson = { ratio: new PyFloat("1.0"), count: 3, tags: ["a"] };
 */
export type PyJson =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | readonly PyJson[]
  | { readonly [key: string]: PyJson };

/**
 * Python's `json.dumps(value, sort_keys=True)` with its defaults: `", "` and `": "` separators, keys in
 * code-point order at every level, `ensure_ascii` escaping (lowercase `\uXXXX`, surrogate pairs above
 * U+FFFF), floats as Python `repr`. Objects with a `toJSON()` method are written as its result.
 *
 * @example
 * pythonJsonDumps({ b: [1, 0.5], a: "é" }); // '{"a": "\\u00e9", "b": [1, 0.5]}'
 */
export function pythonJsonDumps(value: unknown): string {
  const out: string[] = [];
  write(value, out, []);
  return out.join("");
}

function write(value: unknown, out: string[], path: readonly string[]): void {
  if (value === null) out.push("null");
  else if (value === true) out.push("true");
  else if (value === false) out.push("false");
  else if (typeof value === "string") out.push(quote(value));
  else if (typeof value === "number") out.push(formatNumber(value));
  else if (typeof value === "bigint") out.push(value.toString());
  else if (value instanceof PyFloat) out.push(value.toPython());
  else if (Array.isArray(value)) writeArray(value, out, path);
  else if (typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    write((value as { toJSON(): unknown }).toJSON(), out, path);
  } else if (typeof value === "object" && isPlainObject(value)) writeObject(value, out, path);
  else {
    const where = path.length === 0 ? "the value" : `"${path.join(".")}"`;
    throw new InvalidArgumentError(`json: cannot serialise ${describe(value)} at ${where}`);
  }
}

function writeArray(items: readonly unknown[], out: string[], path: readonly string[]): void {
  out.push("[");
  items.forEach((item, i) => {
    if (i > 0) out.push(", ");
    write(item, out, [...path, String(i)]);
  });
  out.push("]");
}

function writeObject(obj: object, out: string[], path: readonly string[]): void {
  // Own keys sorted ourselves: JS objects list integer-like keys first, Python sorts them as text.
  const keys = Object.keys(obj).sort(compareCodePoints);
  out.push("{");
  keys.forEach((key, i) => {
    if (i > 0) out.push(", ");
    out.push(quote(key), ": ");
    write((obj as Record<string, unknown>)[key], out, [...path, key]);
  });
  out.push("}");
}

function formatNumber(value: number): string {
  // Safe integers are Python ints. Beyond 2^53 a JS number cannot stand for an exact int (those come
  // as bigint), so it is a float there, as 1e16 is: Python writes "1e+16".
  return Number.isSafeInteger(value) ? String(value === 0 ? 0 : value) : pyFloatRepr(value);
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  34: '\\"',
  92: "\\\\",
  8: "\\b",
  12: "\\f",
  10: "\\n",
  13: "\\r",
  9: "\\t",
};

/** Python's `py_encode_basestring_ascii`: everything outside `' '..'~'` is escaped. */
function quote(text: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit <= 0x7e && unit !== 0x22 && unit !== 0x5c) continue;
    out += text.slice(start, i);
    // UTF-16 code units are exactly Python's escapes: astral characters become surrogate pairs.
    out += SHORT_ESCAPES[unit] ?? `\\u${unit.toString(16).padStart(4, "0")}`;
    start = i + 1;
  }
  return `${out}${text.slice(start)}"`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "object") return `an object of class ${value?.constructor?.name ?? "unknown"}`;
  return `a ${typeof value}`;
}
