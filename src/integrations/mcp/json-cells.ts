import {
  type DataType,
  type Dictionary,
  type List,
  type Map_,
  type Struct,
  type Table,
  type Timestamp,
  TimeUnit,
  Type,
} from "apache-arrow";
import { columnValues } from "../../arrow/read-values.js";

/**
 * JSON data (what a tool result may hold).
 *
 * @example
 * const cell: Json = { at: "2023-11-14T22:13:20Z", n: 5 };
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * Rows `indices` of a table as JSON objects (Python's `df.to_dicts()` as pydantic serialises it):
 * 64-bit integers as numbers (strings beyond 2^53), timestamps as ISO 8601 with microseconds
 * (`Z` when zoned, no suffix when naive; the fraction is dropped when zero), dates as `YYYY-MM-DD`,
 * structs and maps as objects, lists as arrays, NaN and infinities as null, bytes as base64.
 *
 * @example
 * jsonRows(table, [0]); // [{ video_id: 1, metaxy_created_at: "2023-11-14T22:13:20.000001Z", ... }]
 */
export function jsonRows(table: Table, indices: readonly number[]): Record<string, Json>[] {
  const columns = table.schema.fields.map((field, k) => ({
    name: field.name,
    type: field.type as DataType,
    values: columnValues(table.getChildAt(k)!, "raw"),
  }));
  return indices.map((i) => {
    const row: Record<string, Json> = {};
    for (const { name, type, values } of columns) {
      Object.defineProperty(row, name, {
        value: jsonValue(values[i], type),
        enumerable: true,
        writable: true,
      });
    }
    return row;
  });
}

/**
 * One raw cell (as `columnValues(…, "raw")` reads it) as JSON, guided by its Arrow type.
 *
 * @example
 * jsonValue(1700000000000001n, new TimestampMicrosecond("UTC")); // "2023-11-14T22:13:20.000001Z"
 */
export function jsonValue(value: unknown, type: DataType): Json {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case Type.Timestamp:
      return isoTimestamp(BigInt(value as bigint), type as Timestamp);
    case Type.Date:
      return (value instanceof Date ? value : new Date(Number(value))).toISOString().slice(0, 10);
    case Type.Struct: {
      const out: Record<string, Json> = {};
      for (const child of (type as Struct).children) {
        setJson(out, child.name, jsonValue((value as Record<string, unknown>)[child.name], child.type));
      }
      return out;
    }
    case Type.Map: {
      const valueType = (type as Map_).children[0]!.type.children[1]!.type;
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        setJson(out, k, jsonValue(v, valueType));
      return out;
    }
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList:
      return (value as unknown[]).map((v) => jsonValue(v, (type as List).children[0]!.type));
    case Type.Dictionary:
      return jsonValue(value, (type as Dictionary).dictionary);
  }
  return jsonScalar(value);
}

function jsonScalar(value: unknown): Json {
  if (typeof value === "bigint") {
    return value >= -MAX_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return String(value);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Ticks → microseconds: multiply by the first, then divide by the second. */
const TO_MICROS: Readonly<Record<number, readonly [bigint, bigint]>> = {
  [TimeUnit.SECOND]: [1_000_000n, 1n],
  [TimeUnit.MILLISECOND]: [1_000n, 1n],
  [TimeUnit.MICROSECOND]: [1n, 1n],
  [TimeUnit.NANOSECOND]: [1n, 1_000n],
};

function isoTimestamp(ticks: bigint, type: Timestamp): string {
  const [multiply, divide] = TO_MICROS[type.unit]!;
  const micros = floorDiv(ticks * multiply, divide);
  const seconds = floorDiv(micros, 1_000_000n);
  const fraction = Number(micros - seconds * 1_000_000n);
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  const suffix = type.timezone ? "Z" : "";
  return fraction === 0 ? `${base}${suffix}` : `${base}.${String(fraction).padStart(6, "0")}${suffix}`;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function setJson(out: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true });
}
