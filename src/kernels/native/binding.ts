/**
 * The JavaScript face of the Rust module (`native/src/entries.rs`), written by hand because the
 * binding crate has no code generator. Columns travel as lists of chunks; every chunk is a tuple of
 * typed arrays borrowed by the native side for the duration of one call.
 */

/**
 * One Arrow chunk: `[length, values, validity, validityOffset, offsets]`. String chunks have
 * `values: Uint8Array` and absolute `offsets` (exactly `length + 1` used); integer chunks have their
 * typed values (row 0 first) and `offsets: null`. Validity bit i is at `validityOffset + i`.
 */
export type NativeChunk = readonly [
  length: number,
  values: ArrayBufferView,
  validity: Uint8Array | null,
  validityOffset: number,
  offsets: Int32Array | BigInt64Array | null,
];

/** A column: its chunks in row order. */
export type NativeColumn = readonly NativeChunk[];

/** A `hashRows` part: a literal's UTF-8 bytes, or a string column with its null replacement. */
export type NativePart = Uint8Array | readonly [column: NativeColumn, nullAs: Uint8Array | null];

/** A Utf8 (or LargeUtf8) result: offsets, bytes, validity bitmap (null without nulls), null count. */
export type NativeStrings = readonly [
  offsets: Int32Array | BigInt64Array,
  values: Uint8Array,
  validity: Uint8Array | null,
  nullCount: number,
];

/** A gathered fixed-width or Boolean result: value bytes, validity, null count. */
export type NativeGathered = readonly [values: Uint8Array, validity: Uint8Array | null, nullCount: number];

/** The exports of `metaxy-native.<platform>.node`. */
export interface NativeBinding {
  /** Version of these shapes; the loader refuses any other. */
  readonly apiVersion: number;
  /** Crate version of the module. */
  readonly version: string;
  hashRows(
    algorithm: string,
    parts: readonly NativePart[],
    separator: Uint8Array,
    truncation: number,
    length: number,
    threads: number,
  ): NativeStrings;
  join(
    left: readonly NativeColumn[],
    right: readonly NativeColumn[],
    kind: string,
    threads: number,
  ): readonly [Int32Array, Int32Array];
  keepLatest(keys: readonly NativeColumn[], orderBy: NativeColumn): Int32Array;
  groupConcat(
    groupKeys: readonly NativeColumn[],
    orderKeys: readonly NativeColumn[],
    values: NativeColumn,
    separator: Uint8Array,
  ): NativeStrings;
  takeFixed(column: NativeColumn, width: number, indices: Int32Array): NativeGathered;
  takeBits(column: NativeColumn, indices: Int32Array): NativeGathered;
  takeStrings(column: NativeColumn, indices: Int32Array, large: boolean): NativeStrings;
  /**
   * Decodes Parquet column chunks (Parquet's enum numbers for physical type and codec): per chunk,
   * definition and repetition levels (null when the maximum is 0), the non-null values back to
   * back, ByteArray offsets, and the non-null count.
   */
  decodeParquetChunks(
    chunks: readonly (readonly [
      bytes: Uint8Array,
      physical: number,
      typeLength: number,
      codec: number,
      maxDef: number,
      maxRep: number,
      numValues: number,
    ])[],
    threads: number,
  ): readonly (readonly [
    def: Uint8Array | null,
    rep: Uint8Array | null,
    values: Uint8Array,
    offsets: Int32Array | null,
    count: number,
  ])[];
}

/** The shapes this TypeScript layer speaks. */
export const NATIVE_API_VERSION = 2;
