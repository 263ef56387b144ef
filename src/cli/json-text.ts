/**
 * Pretty JSON for stdout (2-space indent): bigints become numbers when exact, strings otherwise;
 * dates become ISO strings.
 *
 * @example
 * jsonText({ n: 3n }); // '{\n  "n": 3\n}'
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === "bigint") {
        return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
          ? Number(v)
          : v.toString();
      }
      return v;
    },
    2,
  );
}
