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
  let min: unknown;
  let max: unknown;
  for (const data of chunks) {
    if (data.type.typeId === Type.Bool) {
      for (let i = 0; i < data.length; i++) {
        if (!isValid(data, i)) continue;
        const v = boolAt(data, i);
        if (min === undefined || (!v && min === true)) min = v;
        if (max === undefined || (v && max === false)) max = v;
      }
      continue;
    }
    if (data.values instanceof BigInt64Array) {
      const range = int64Range(data);
      if (range === null) continue;
      if (min === undefined || range.min < (min as bigint)) min = range.min;
      if (max === undefined || range.max > (max as bigint)) max = range.max;
      continue;
    }
    const values = data.values as ArrayLike<number>;
    const dense = data.nullCount === 0;
    let lo: number | undefined;
    let hi: number | undefined;
    for (let i = 0; i < data.length; i++) {
      if (!dense && !isValid(data, i)) continue;
      const v = values[i]!;
      // NaN compares false both ways: it never becomes a bound unless it comes first, so skip it.
      if (Number.isNaN(v)) continue;
      if (lo === undefined) {
        lo = v;
        hi = v;
      } else if (v < lo) lo = v;
      else if (v > hi!) hi = v;
    }
    if (lo === undefined) continue;
    if (min === undefined || lo < (min as number)) min = lo;
    if (max === undefined || hi! > (max as number)) max = hi;
  }
  return min === undefined ? null : { min, max };
}

/**
 * Min and max of a 64-bit chunk without materialising a BigInt per row: each value is compared as
 * (signed high word, unsigned low word) through an Int32 view.
 */
function int64Range(data: Data): { min: bigint; max: bigint } | null {
  const values = data.values as BigInt64Array;
  const words = new Int32Array(values.buffer, values.byteOffset, data.length * 2);
  const dense = data.nullCount === 0;
  let lo = -1;
  let hi = -1;
  for (let i = 0; i < data.length; i++) {
    if (!dense && !isValid(data, i)) continue;
    if (lo < 0) {
      lo = hi = i;
      continue;
    }
    const h = words[2 * i + 1]!;
    const l = words[2 * i]! >>> 0;
    const lh = words[2 * lo + 1]!;
    if (h < lh || (h === lh && l < words[2 * lo]! >>> 0)) lo = i;
    else {
      const hh = words[2 * hi + 1]!;
      if (h > hh || (h === hh && l > words[2 * hi]! >>> 0)) hi = i;
    }
  }
  return lo < 0 ? null : { min: values[lo]!, max: values[hi]! };
}

function boolAt(data: Data, i: number): boolean {
  const bit = data.offset + i;
  return ((data.values as Uint8Array)[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

function stringRange(column: Vector): Range | null {
  let min: Uint8Array | undefined;
  let max: Uint8Array | undefined;
  for (const chunk of stringChunks(column)) {
    const { values, validity, validityOffset } = chunk;
    // Int32 offsets (Utf8) are read directly; 64-bit ones (LargeUtf8) once, as numbers.
    const offsets =
      chunk.offsets instanceof Int32Array
        ? chunk.offsets
        : Float64Array.from(chunk.offsets, (o) => Number(o));
    // Bounds are tracked as byte ranges of this chunk; no per-row views are allocated.
    let loStart = -1;
    let loEnd = -1;
    let hiStart = -1;
    let hiEnd = -1;
    for (let i = 0; i < chunk.length; i++) {
      if (validity !== null) {
        const bit = validityOffset + i;
        if ((validity[bit >> 3]! & (1 << (bit & 7))) === 0) continue;
      }
      const start = offsets[i]!;
      const end = offsets[i + 1]!;
      if (loStart < 0) {
        loStart = hiStart = start;
        loEnd = hiEnd = end;
      } else if (end - start === loEnd - loStart && sameBytes(values, start, loStart, end - start)) {
        // Equal to the minimum (constant columns, such as a feature version): neither bound moves.
      } else {
        const c = compareRanges(values, start, end, loStart, loEnd);
        if (c < 0) {
          loStart = start;
          loEnd = end;
        } else if (c > 0 && compareRanges(values, start, end, hiStart, hiEnd) > 0) {
          hiStart = start;
          hiEnd = end;
        }
      }
    }
    if (loStart < 0) continue;
    const lo = values.subarray(loStart, loEnd);
    const hi = values.subarray(hiStart, hiEnd);
    if (min === undefined || compareBytes(lo, min) < 0) min = lo;
    if (max === undefined || compareBytes(hi, max) > 0) max = hi;
  }
  return min === undefined ? null : { min, max };
}

function sameBytes(values: Uint8Array, a: number, b: number, length: number): boolean {
  if (a === b) return true;
  for (let k = 0; k < length; k++) if (values[a + k] !== values[b + k]) return false;
  return true;
}

/** Byte order of `values[aStart, aEnd)` against `values[bStart, bEnd)`. */
function compareRanges(
  values: Uint8Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let k = 0; k < n; k++) {
    const d = values[aStart + k]! - values[bStart + k]!;
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    if (a[k] !== b[k]) return a[k]! - b[k]!;
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
