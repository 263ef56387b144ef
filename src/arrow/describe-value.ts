/**
 * A short rendering of a JS value for error messages: strings quoted (cut at 40 characters),
 * bigints with `n`, Dates as ISO text, other objects by kind.
 *
 * @example
 * describeValue("abc"); // '"abc"'
 * describeValue(300n); // "300n"
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (value === null || typeof value !== "object") return String(value);
  if (Array.isArray(value)) return "an array";
  return `an object (${kindOf(value)})`;
}

/**
 * The kind of a JS value as named in error messages: `number`, `bigint`, `string`, `boolean`,
 * `Date`, `object` (plain), or the constructor name of anything else (`Array`, `Map`, `Uint8Array`).
 *
 * @example
 * kindOf(new Date()); // "Date"
 */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  const t = typeof value;
  if (t !== "object") return t;
  if (isPlainObject(value)) return "object";
  return (value as object).constructor?.name ?? "object";
}

/**
 * True for `{…}` literals and `Object.create(null)` objects: the values that become Struct rows.
 *
 * @example
 * isPlainObject({ a: 1 }); // true
 * isPlainObject(new Date()); // false
 */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
