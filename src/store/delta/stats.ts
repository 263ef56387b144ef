import type { Data, Table, Vector } from "apache-arrow";
import { Type } from "apache-arrow";
import { stringChunks } from "../../arrow/strings.js";
import { isValid } from "./validity.js";

/**
 * Per-file statistics as Delta writes them in `add.stats`. Values are the raw JSON values of the
 * log: numbers, strings (dates `YYYY-MM-DD`, timestamps ISO 8601), booleans; a column absent from
 * `minValues`/`maxValues` means "unknown".
 *
 * @example
 * snapshot.files[0]!.stats?.maxValues[METAXY_FEATURE_VERSION];
 */
export interface FileStats {
  readonly numRecords: number;
  readonly minValues: Readonly<Record<string, unknown>>;
  readonly maxValues: Readonly<Record<string, unknown>>;
  readonly nullCount: Readonly<Record<string, unknown>>;
  readonly tightBounds?: boolean;
}

/**
 * Longest string min/max kept, in UTF-16 units: a longer minimum is cut to this prefix (still a lower
 * bound), a longer maximum is dropped. Long enough for 64-character hashes, the values Metaxy prunes on.
 */
export const STATS_STRING_LIMIT = 256;

/**
 * Parses `add.stats`; malformed or missing stats give `null` (stats are optional in Delta).
 *
 * @example
 * parseStats('{"numRecords":3,"minValues":{"x":1},"maxValues":{"x":3},"nullCount":{"x":0}}')?.maxValues.x; // 3
 */
export function parseStats(json: string | null | undefined): FileStats | null {
  if (typeof json !== "string" || json === "") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (raw === null || typeof raw !== "object") return null;
  const obj = raw as Record<string, unknown>;
  const numRecords = typeof obj.numRecords === "number" ? obj.numRecords : Number(obj.numRecords);
  if (!Number.isFinite(numRecords)) return null;
  return {
    numRecords,
    minValues: record(obj.minValues),
    maxValues: record(obj.maxValues),
    nullCount: record(obj.nullCount),
    ...(typeof obj.tightBounds === "boolean" ? { tightBounds: obj.tightBounds } : {}),
  };
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * Statistics of a table about to be written: `numRecords`, and for each top-level primitive column
 * its `nullCount` and (where Delta has a JSON form and the value fits it) `minValues`/`maxValues`.
 * Longs outside ±2^53, non-finite floats, decimals and binaries get a null count only; strings are
 * compared by UTF-8 bytes, as Delta readers do.
 *
 * @example
 * computeStats(table); // { numRecords: 2, minValues: { x: 1 }, maxValues: { x: 5 }, nullCount: { x: 0 } }
 */
export function computeStats(table: Table): FileStats {
  const minValues: Record<string, unknown> = {};
  const maxValues: Record<string, unknown> = {};
  const nullCount: Record<string, unknown> = {};
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name);
    if (column === null) continue;
    const kind = statKind(column.type);
    if (kind === null) continue;
    nullCount[field.name] = column.nullCount;
    if (kind === "count") continue;
    const range = kind === "string" ? stringRange(column) : valueRange(column.data);
    if (range === null) continue;
    const min = render(range.min, column.type, "min");
    const max = render(range.max, column.type, "max");
    if (min !== undefined) minValues[field.name] = min;
    if (max !== undefined) maxValues[field.name] = max;
  }
  return { numRecords: table.numRows, minValues, maxValues, nullCount };
}

type StatKind = "value" | "string" | "count";

function statKind(type: { typeId: Type }): StatKind | null {
  switch (type.typeId) {
    case Type.Int:
    case Type.Float:
    case Type.Bool:
    case Type.Date:
    case Type.Timestamp:
      return "value";
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return "string";
    case Type.Binary:
    case Type.LargeBinary:
    case Type.Decimal:
      return "count";
    default:
      return null;
  }
}

interface Range {
  readonly min: unknown;
  readonly max: unknown;
}

function valueRange(chunks: readonly Data[]): Range | null {
  let min: number | bigint | boolean | undefined;
  let max: number | bigint | boolean | undefined;
  for (const data of chunks) {
    const isBool = data.type.typeId === Type.Bool;
    const values = data.values as ArrayLike<number | bigint>;
    for (let i = 0; i < data.length; i++) {
      if (!isValid(data, i)) continue;
      const v = isBool ? boolAt(data, i) : values[i]!;
      if (typeof v === "number" && Number.isNaN(v)) continue;
      if (min === undefined || v < min) min = v;
      if (max === undefined || v > max) max = v;
    }
  }
  return min === undefined ? null : { min, max };
}

function boolAt(data: Data, i: number): boolean {
  const bit = data.offset + i;
  return ((data.values as Uint8Array)[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

function stringRange(column: Vector): Range | null {
  let min: Uint8Array | undefined;
  let max: Uint8Array | undefined;
  for (const chunk of stringChunks(column)) {
    const { offsets, values, validity, validityOffset } = chunk;
    for (let i = 0; i < chunk.length; i++) {
      if (validity !== null) {
        const bit = validityOffset + i;
        if ((validity[bit >> 3]! & (1 << (bit & 7))) === 0) continue;
      }
      const v = values.subarray(Number(offsets[i]), Number(offsets[i + 1]));
      if (min === undefined || compareBytes(v, min) < 0) min = v;
      if (max === undefined || compareBytes(v, max) > 0) max = v;
    }
  }
  return min === undefined ? null : { min, max };
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

const decoder = new TextDecoder();

function render(
  value: unknown,
  type: { typeId: Type; unit?: number; timezone?: string | null },
  which: "min" | "max",
) {
  switch (type.typeId) {
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View: {
      const s = decoder.decode(value as Uint8Array);
      if (s.length <= STATS_STRING_LIMIT) return s;
      return which === "min" ? truncate(s) : undefined;
    }
    case Type.Bool:
      return value as boolean;
    case Type.Date:
      return isoDate(Number(value));
    case Type.Timestamp:
      return isoTimestamp(BigInt(value as bigint), type.timezone !== null && type.timezone !== undefined);
    default: {
      if (typeof value === "bigint") {
        return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
          ? Number(value)
          : undefined;
      }
      return Number.isFinite(value) ? value : undefined;
    }
  }
}

function truncate(s: string): string {
  // Never split a surrogate pair: a lone high surrogate would not be valid UTF-8.
  const end = /[\uD800-\uDBFF]/.test(s[STATS_STRING_LIMIT - 1]!)
    ? STATS_STRING_LIMIT - 1
    : STATS_STRING_LIMIT;
  return s.slice(0, end);
}

function isoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * ISO 8601 rendering of a microsecond timestamp (`2024-01-02T03:04:05.123456Z`; no `Z` for
 * timestamp_ntz), as Delta stats and partition values hold them.
 *
 * @example
 * isoTimestamp(1_000_000n, true); // "1970-01-01T00:00:01.000000Z"
 */
export function isoTimestamp(micros: bigint, utc: boolean): string {
  const ms = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  const sub = micros - ms * 1000n;
  const base = new Date(Number(ms)).toISOString();
  return `${base.slice(0, -1)}${sub.toString().padStart(3, "0")}${utc ? "Z" : ""}`;
}
