import type { FilterLiteral } from "./filter-expr.js";
import { parseIsoTimestamp } from "./iso-timestamp.js";
import type { ValueDomain } from "./value-domain.js";

/**
 * A non-null literal in a column's domain. For integer domains a fractional literal is stored as its
 * floor with `exact: false` (the literal lies strictly between `value` and `value + 1`).
 *
 * @example
 * const b: Bound = { kind: "int64", value: 2n, exact: false }; // 2.5 against an Int64 column
 */
export type Bound =
  | { readonly kind: "number"; readonly value: number; readonly exact: boolean }
  | { readonly kind: "int64"; readonly value: bigint; readonly exact: boolean }
  | { readonly kind: "bytes"; readonly value: Uint8Array }
  | { readonly kind: "bool"; readonly value: 0 | 1 }
  | { readonly kind: "none" };

const encoder = new TextEncoder();

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** An integer-valued literal (floor + exactness) in the column's stored unit, or null if impossible. */
function integral(domain: ValueDomain & { unitNs: bigint | null }, value: FilterLiteral) {
  if (typeof value === "bigint") return { value, exact: true };
  if (typeof value === "number") {
    const floor = Math.floor(value);
    return { value: BigInt(floor), exact: floor === value };
  }
  if (typeof value === "string" && domain.unitNs !== null) {
    const ns = parseIsoTimestamp(value);
    if (ns === null) return null;
    return { value: floorDiv(ns, domain.unitNs), exact: ns % domain.unitNs === 0n };
  }
  return null;
}

/**
 * Converts a literal for comparison with a column of `domain`; null when the two cannot be compared
 * (a string column with a number, a timestamp with text that is not ISO-8601, …). Numbers and
 * bigints compare numerically with any numeric column; with a timestamp or date column they are the
 * raw stored value (in the column's unit, days for Date32), and strings are ISO-8601 instants.
 * A bigint against a float column is compared as the nearest double.
 *
 * @example
 * coerceLiteral({ kind: "number", integer: true, unitNs: null }, 2.5); // { kind: "number", value: 2, exact: false }
 */
export function coerceLiteral(domain: ValueDomain, value: FilterLiteral): Bound | null {
  if (value === null) return null;
  switch (domain.kind) {
    case "null":
      return { kind: "none" };
    case "string":
      return typeof value === "string" ? { kind: "bytes", value: encoder.encode(value) } : null;
    case "bool":
      return typeof value === "boolean" ? { kind: "bool", value: value ? 1 : 0 } : null;
    case "number": {
      if (
        !domain.integer &&
        domain.unitNs === null &&
        (typeof value === "number" || typeof value === "bigint")
      ) {
        return { kind: "number", value: Number(value), exact: true };
      }
      const i = integral(domain, value);
      return i === null ? null : { kind: "number", value: Number(i.value), exact: i.exact };
    }
    case "int64": {
      const i = integral(domain, value);
      return i === null ? null : { kind: "int64", value: i.value, exact: i.exact };
    }
    case "unsupported":
      return null;
  }
}
