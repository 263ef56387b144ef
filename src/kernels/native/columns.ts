import { type Data, Type } from "apache-arrow";
import { chunksOf, isStringColumn, stringChunks } from "../../arrow/strings.js";
import { KernelError } from "../../errors.js";
import type { Column } from "../kernels.js";
import type { NativeChunk, NativeColumn } from "./binding.js";

/** Arrow types whose physical values are integers (what the kernels accept as integer keys). */
const INTEGER_TYPES: ReadonlySet<Type> = new Set([
  Type.Int,
  Type.Date,
  Type.Time,
  Type.Timestamp,
  Type.Duration,
]);

/** Validity of a chunk as the native side reads it: `null` when no row is null. */
function validity(d: Data): Uint8Array | null {
  return d.nullCount > 0 ? (d.nullBitmap ?? null) : null;
}

/**
 * A string column (Utf8/LargeUtf8 borrowed, Utf8View copied once) as native chunks.
 *
 * @example
 * binding.hashRows("xxhash64", [[nativeStrings(ids), null]], sep, 8, ids.length, 1);
 */
export function nativeStrings(column: Column): NativeColumn {
  const chunks = stringChunks(column).map(
    (c): NativeChunk => [c.length, c.values, c.validity, c.validityOffset, c.offsets],
  );
  return chunks.length > 0 ? chunks : [EMPTY_STRINGS];
}

/** Stands in for a column without chunks, so the native side still sees a string column. */
const EMPTY_STRINGS: NativeChunk = [0, new Uint8Array(0), null, 0, new Int32Array(1)];

/**
 * A Utf8 / LargeUtf8 / Binary / LargeBinary column as native chunks, borrowed without copying.
 *
 * @example
 * binding.takeStrings(nativeBytes(names), Int32Array.of(1, -1), false);
 */
export function nativeBytes(column: Column): NativeColumn {
  const chunks = chunksOf(column).map((d): NativeChunk => {
    const offsets = d.valueOffsets as Int32Array | BigInt64Array;
    return [d.length, d.values as Uint8Array, validity(d), d.offset, offsets.subarray(0, d.length + 1)];
  });
  return chunks.length > 0 ? chunks : [EMPTY_STRINGS];
}

/**
 * An integer-valued column (Int*, Uint*, Date, Time, Timestamp, Duration) as native chunks; its
 * typed values are borrowed (Arrow has already moved them to the slice start).
 *
 * @example
 * binding.keepLatest([nativeKey(ids, "key")], nativeInts(updatedAt, "orderBy"));
 */
export function nativeInts(column: Column, role: string): NativeColumn {
  if (!INTEGER_TYPES.has(column.type.typeId)) {
    throw new KernelError(`kernels: ${role} must be an integer or timestamp column, got ${column.type}`);
  }
  return chunksOf(column).map(
    (d): NativeChunk => [d.length, d.values as ArrayBufferView, validity(d), d.offset, null],
  );
}

/**
 * A key or ordering column: strings or integers; anything else is a `KernelError` naming `role`.
 *
 * @example
 * const keys = leftKeys.map((c, k) => nativeKey(c, `join left key ${k}`));
 */
export function nativeKey(column: Column, role: string): NativeColumn {
  if (isStringColumn(column)) return nativeStrings(column);
  if (INTEGER_TYPES.has(column.type.typeId)) return nativeInts(column, role);
  throw new KernelError(`kernels: ${role} must be an integer or string column, got ${column.type}`);
}

/**
 * A fixed-width or Boolean column as native chunks of raw values (Booleans keep their bit offset in
 * the validity-offset slot, which Arrow shares with the value bits).
 *
 * @example
 * binding.takeFixed(nativeFixed(prices), 8, indices);
 */
export function nativeFixed(column: Column): NativeColumn {
  return chunksOf(column).map(
    (d): NativeChunk => [d.length, d.values as ArrayBufferView, validity(d), d.offset, null],
  );
}
