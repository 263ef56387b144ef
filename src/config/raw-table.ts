/**
 * A TOML-shaped value before validation: tables are plain objects, arrays are arrays, leaves are
 * strings, numbers, bigints, booleans or dates. Helpers here never read inherited properties, so a
 * key such as `constructor` is just data.
 *
 * @example
 * const t: RawTable = { stores: { dev: { type: "delta" } } };
 * isTable(t.stores); // true
 */
export type RawTable = { [key: string]: unknown };

/**
 * A path into a raw config tree: table keys and array indexes.
 *
 * @example
 * const p: KeyPath = ["extra_features", 0, "keys"];
 */
export type KeyPath = readonly (string | number)[];

/**
 * Whether a value is a TOML table (a plain object, not an array or a date).
 *
 * @example
 * isTable({ a: 1 }); // true
 * isTable([1]);      // false
 */
export function isTable(value: unknown): value is RawTable {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Own property lookup (`undefined` when absent), safe for keys like `constructor`.
 *
 * @example
 * own({ a: 1 }, "constructor"); // undefined
 */
export function own(table: RawTable, key: string): unknown {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Whether `path` exists in `tree` (every step an own key or an in-range index).
 *
 * @example
 * covers({ a: [{ b: 1 }] }, ["a", 0, "b"]); // true
 */
export function covers(tree: unknown, path: KeyPath): boolean {
  let current = tree;
  for (const segment of path) {
    if (typeof segment === "number") {
      if (!Array.isArray(current) || segment < 0 || segment >= current.length) return false;
      current = current[segment];
    } else {
      if (!isTable(current) || !Object.hasOwn(current, segment)) return false;
      current = current[segment];
    }
  }
  return true;
}

/**
 * Renders a key path as users write it: `stores.dev.config.root_path`, `extra_features[1].keys`;
 * keys that are not bare TOML keys are quoted.
 *
 * @example
 * formatKeyPath(["stores", "my.store", "type"]); // 'stores."my.store".type'
 */
export function formatKeyPath(path: KeyPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = /^[A-Za-z0-9_-]+$/.test(segment) ? segment : JSON.stringify(segment);
      out += out === "" ? key : `.${key}`;
    }
  }
  return out;
}

/**
 * Freezes a raw tree in place, tables and arrays at every depth, and returns it.
 *
 * @example
 * const t = deepFreeze({ a: { b: [1] } });
 * Object.isFrozen(t.a.b); // true
 */
export function deepFreeze<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) deepFreeze(item);
    Object.freeze(value);
  } else if (isTable(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
