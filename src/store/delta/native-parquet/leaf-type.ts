import {
  Binary,
  Bool,
  type DataType,
  DateDay,
  FixedSizeBinary,
  Float32,
  Float64,
  Int32,
  Int64,
  Timestamp,
  TimeUnit,
  Uint32,
  Uint64,
  Utf8,
} from "apache-arrow";
import type { SchemaElement } from "hyparquet";

const UNITS = { MILLIS: TimeUnit.MILLISECOND, MICROS: TimeUnit.MICROSECOND, NANOS: TimeUnit.NANOSECOND };

/**
 * The Arrow type a Parquet primitive column decodes to without conversion, or null when the fast
 * reader does not handle it (INT96, decimals, times, float16, intervals: those files are read
 * through parquet-wasm). Narrow integers come back as Int32 (the store's cast narrows them, checked);
 * timestamps keep their unit, with "UTC" when the values are UTC-adjusted.
 *
 * @example
 * leafArrowType({ name: "id", type: "INT64" }); // Int64
 */
export function leafArrowType(element: SchemaElement): DataType | null {
  const logical = element.logical_type;
  const converted = element.converted_type;
  switch (element.type) {
    case "BOOLEAN":
      return logical === undefined && converted === undefined ? new Bool() : null;
    case "INT32":
      if (logical?.type === "INTEGER") {
        return logical.isSigned || logical.bitWidth < 32 ? new Int32() : new Uint32();
      }
      if (logical?.type === "DATE" || (logical === undefined && converted === "DATE")) return new DateDay();
      if (logical !== undefined) return null;
      if (converted === undefined || /^(INT_(8|16|32)|UINT_(8|16))$/.test(converted)) return new Int32();
      return converted === "UINT_32" ? new Uint32() : null;
    case "INT64":
      if (logical?.type === "INTEGER") return logical.isSigned ? new Int64() : new Uint64();
      if (logical?.type === "TIMESTAMP") {
        return new Timestamp(UNITS[logical.unit], logical.isAdjustedToUTC ? "UTC" : null);
      }
      if (logical !== undefined) return null;
      if (converted === undefined || converted === "INT_64") return new Int64();
      if (converted === "UINT_64") return new Uint64();
      if (converted === "TIMESTAMP_MILLIS") return new Timestamp(TimeUnit.MILLISECOND, "UTC");
      return converted === "TIMESTAMP_MICROS" ? new Timestamp(TimeUnit.MICROSECOND, "UTC") : null;
    case "FLOAT":
      return logical === undefined && converted === undefined ? new Float32() : null;
    case "DOUBLE":
      return logical === undefined && converted === undefined ? new Float64() : null;
    case "BYTE_ARRAY": {
      const text = logical?.type ?? converted;
      if (text === "STRING" || text === "UTF8" || text === "ENUM" || text === "JSON") return new Utf8();
      return text === undefined ? new Binary() : null;
    }
    case "FIXED_LEN_BYTE_ARRAY":
      return logical === undefined && converted === undefined && (element.type_length ?? 0) > 0
        ? new FixedSizeBinary(element.type_length!)
        : null;
    default:
      return null;
  }
}
