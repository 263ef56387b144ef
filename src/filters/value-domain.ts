import { type DataType, DateUnit, TimeUnit, Type } from "apache-arrow";

/**
 * How the evaluator reads a column's values. `number`: a typed array of JS numbers (8–32-bit ints,
 * Float32/64, Date32 as days); `int64`: 64-bit words (Int64, Uint64, Timestamp, Date64, Duration);
 * timestamp and date columns also carry `unitNs`, the nanoseconds per stored unit, so ISO literals
 * can be converted (null for plain numbers and durations).
 *
 * @example
 * const d: ValueDomain = { kind: "int64", signed: true, unitNs: 1_000n }; // Timestamp<MICROSECOND>
 */
export type ValueDomain =
  | { readonly kind: "number"; readonly integer: boolean; readonly unitNs: bigint | null }
  | { readonly kind: "int64"; readonly signed: boolean; readonly unitNs: bigint | null }
  | { readonly kind: "string" }
  | { readonly kind: "bool" }
  | { readonly kind: "null" }
  | { readonly kind: "unsupported" };

const UNIT_NS: Record<number, bigint> = {
  [TimeUnit.SECOND]: 1_000_000_000n,
  [TimeUnit.MILLISECOND]: 1_000_000n,
  [TimeUnit.MICROSECOND]: 1_000n,
  [TimeUnit.NANOSECOND]: 1n,
};

/**
 * The domain of an Arrow type (a dictionary reads as its value type).
 *
 * @example
 * valueDomain(new Int64()); // { kind: "int64", signed: true, unitNs: null }
 */
export function valueDomain(type: DataType): ValueDomain {
  switch (type.typeId) {
    case Type.Int: {
      const t = type as DataType & { bitWidth: number; isSigned: boolean };
      if (t.bitWidth === 64) return { kind: "int64", signed: t.isSigned, unitNs: null };
      return { kind: "number", integer: true, unitNs: null };
    }
    case Type.Float:
      return (type as DataType & { precision: number }).precision === 0
        ? { kind: "unsupported" }
        : { kind: "number", integer: false, unitNs: null };
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return { kind: "string" };
    case Type.Bool:
      return { kind: "bool" };
    case Type.Null:
      return { kind: "null" };
    case Type.Timestamp:
      return { kind: "int64", signed: true, unitNs: UNIT_NS[(type as DataType & { unit: number }).unit]! };
    case Type.Duration:
      return { kind: "int64", signed: true, unitNs: null };
    case Type.Date:
      return (type as DataType & { unit: number }).unit === DateUnit.DAY
        ? { kind: "number", integer: true, unitNs: 86_400_000_000_000n }
        : { kind: "int64", signed: true, unitNs: 1_000_000n };
    case Type.Dictionary:
      return valueDomain((type as DataType & { dictionary: DataType }).dictionary);
    default:
      return { kind: "unsupported" };
  }
}
