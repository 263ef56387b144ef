import { InvalidKeyError } from "../errors.js";
import { compareCodePoints, compareTuples } from "./code-point-compare.js";

const FIRST_PART = /^[a-z_][a-z0-9_-]*$/;
const LATER_PART = /^[a-z0-9_][a-z0-9_-]*$/;

/**
 * What a key is built from: `"a/b"`, `["a", "b"]`, another key, or Python's dict forms `{ root: [...] }`
 * and the legacy `{ parts: [...] }`.
 *
 * @example
 * const inputs: KeyInput[] = ["video/raw", ["video", "raw"], { root: ["video", "raw"] }];
 */
export type KeyInput =
  | string
  | readonly string[]
  | Key
  | { readonly root: readonly string[] }
  | { readonly parts: readonly string[] };

/**
 * Immutable key made of parts (Python `_Key`): the common base of `FeatureKey` and `FieldKey`, with
 * every string form Metaxy uses in hashes, column names and table names.
 *
 * @example
 * const k = FeatureKey.from("video/raw-x");
 * k.toString();       // "video/raw-x"
 * k.toStructKey();    // "video_raw-x"
 * k.toColumnSuffix(); // "__video_raw-x"
 * k.tableName;        // "video__raw_x"
 */
export abstract class Key {
  /** The validated parts, e.g. `["video", "raw"]`. */
  readonly parts: readonly string[];
  // Keys are looked up by their string form constantly; compute the two joins once.
  readonly #text: string;
  readonly #structKey: string;

  protected constructor(parts: readonly string[]) {
    this.parts = Object.freeze([...parts]);
    this.#text = parts.join("/");
    this.#structKey = parts.join("_");
  }

  /** `"/".join(parts)`: the display form and the JSON form. */
  toString(): string {
    return this.#text;
  }

  /** `"_".join(parts)`: struct field / map key names in `*_by_field` columns. */
  toStructKey(): string {
    return this.#structKey;
  }

  /** `"__" + struct key`: suffix of an upstream's renamed system columns. */
  toColumnSuffix(): string {
    return `__${this.toStructKey()}`;
  }

  /** `"__".join(parts with "-" → "_")`: flat table names. */
  get tableName(): string {
    return this.parts.map((p) => p.replaceAll("-", "_")).join("__");
  }

  /** Same class and same parts. */
  equals(other: unknown): boolean {
    // Parts cannot contain "/", so equal strings mean equal parts.
    return other instanceof Key && other.constructor === this.constructor && other.#text === this.#text;
  }

  /** Python's `_Key.__lt__`: parts-tuple order (`("a","z")` before `("a-b",)`). */
  compare(other: Key): number {
    return compareTuples(this.parts, other.parts);
  }

  /** The JSON form, `"a/b"`. */
  toJSON(): string {
    return this.toString();
  }
}

/**
 * Orders keys by their parts tuple (Python's key ordering; used for the project version).
 *
 * @example
 * keys.sort(compareKeyParts);
 */
export function compareKeyParts(a: Key, b: Key): number {
  return compareTuples(a.parts, b.parts);
}

/**
 * Orders keys by their `"a/b"` string (used for feature versions and parent-field order).
 *
 * @example
 * fieldKeys.sort(compareKeyStrings);
 */
export function compareKeyStrings(a: Key, b: Key): number {
  return compareCodePoints(a.toString(), b.toString());
}

/**
 * Parses and validates key parts (Python `_validate_root_content`). `kind` names the key in messages.
 *
 * @example
 * parseKeyParts("a/b", "feature key"); // ["a", "b"]
 */
export function parseKeyParts(input: unknown, kind: string): readonly string[] {
  const parts = rawParts(input, kind);
  const shown = parts.join("/");
  if (parts.length === 0) throw new InvalidKeyError(`keys: ${kind} must have at least one part`);
  parts.forEach((part, i) => {
    const rule =
      part === ""
        ? "parts must not be empty"
        : part.includes("/")
          ? 'parts must not contain "/"'
          : part.includes("__")
            ? 'parts must not contain "__"'
            : !(i === 0 ? FIRST_PART : LATER_PART).test(part)
              ? `${i === 0 ? "the first part" : "parts after the first"} must match ${(i === 0 ? FIRST_PART : LATER_PART).source}`
              : null;
    if (rule !== null)
      throw new InvalidKeyError(`keys: invalid ${kind} part "${part}" in "${shown}": ${rule}`);
  });
  return parts;
}

function rawParts(input: unknown, kind: string): readonly string[] {
  if (typeof input === "string") return input.split("/");
  if (input instanceof Key) return input.parts;
  if (Array.isArray(input)) return checkStrings(input, kind);
  if (typeof input === "object" && input !== null) {
    const dict = input as { root?: unknown; parts?: unknown };
    if (Array.isArray(dict.root)) return checkStrings(dict.root, kind);
    if (Array.isArray(dict.parts)) return checkStrings(dict.parts, kind);
  }
  throw new InvalidKeyError(
    `keys: cannot build a ${kind} from ${describeInput(input)}: use "a/b", ["a", "b"] or another key`,
  );
}

function checkStrings(items: readonly unknown[], kind: string): readonly string[] {
  for (const item of items) {
    if (typeof item !== "string") {
      throw new InvalidKeyError(`keys: ${kind} parts must be strings, got ${describeInput(item)}`);
    }
  }
  return items as readonly string[];
}

/**
 * Short description of an unexpected value for error messages.
 *
 * @example
 * describeInput(42); // "number 42"
 */
export function describeInput(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return `an object (${value.constructor?.name ?? "no prototype"})`;
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}
