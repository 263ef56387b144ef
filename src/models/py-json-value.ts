import { InvalidSpecError } from "../errors.js";
import { describeInput } from "./key.js";
import { PyFloat } from "./py-float.js";
import type { PyJson } from "./python-json.js";

/**
 * Deep-copies JSON-like data (spec `metadata`) into frozen plain objects and arrays, rejecting what
 * Python's `json.dumps` could not write (undefined, functions, symbols, class instances other than
 * `PyFloat`). `where` names the location in messages.
 *
 * @example
 * const meta = freezePyJson({ owner: "ml", scale: new PyFloat("1.0") }, "metadata");
 */
export function freezePyJson(value: unknown, where: string): PyJson {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" || typeof value === "bigint" || value instanceof PyFloat) return value;
  if (Array.isArray(value)) return Object.freeze(value.map((v, i) => freezePyJson(v, `${where}[${i}]`)));
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out: Record<string, PyJson> = {};
      for (const [k, v] of Object.entries(value)) {
        // defineProperty keeps a "__proto__" key an ordinary property.
        Object.defineProperty(out, k, {
          value: freezePyJson(v, `${where}.${k}`),
          enumerable: true,
          writable: false,
          configurable: false,
        });
      }
      return Object.freeze(out);
    }
  }
  throw new InvalidSpecError(`specs: ${where} must be JSON data, got ${describeInput(value)}`);
}

/**
 * A mutable deep copy of frozen JSON-like data (for `toJSON()` results callers may edit).
 *
 * @example
 * const copy = thawPyJson(spec.metadata) as Record<string, PyJson>;
 */
export function thawPyJson(value: PyJson): PyJson {
  if (Array.isArray(value)) return value.map(thawPyJson);
  if (typeof value === "object" && value !== null && !(value instanceof PyFloat)) {
    const out: Record<string, PyJson> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, {
        value: thawPyJson(v as PyJson),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
