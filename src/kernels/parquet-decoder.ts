/**
 * One Parquet column chunk to decode: its bytes exactly as stored (from the dictionary page, or the
 * first data page, `total_compressed_size` long) and what the footer says about it. Enum fields carry
 * the Parquet Thrift numbers (`Type`, `CompressionCodec`).
 *
 * @example
 * const chunk: ParquetChunk = { bytes, physicalType: 6, typeLength: 0, codec: 1, maxDefinitionLevel: 1, maxRepetitionLevel: 0, numValues: 1000 };
 */
export interface ParquetChunk {
  readonly bytes: Uint8Array;
  /** Parquet physical type: 0 BOOLEAN, 1 INT32, 2 INT64, 3 INT96, 4 FLOAT, 5 DOUBLE, 6 BYTE_ARRAY, 7 FIXED_LEN_BYTE_ARRAY. */
  readonly physicalType: number;
  /** Bytes per value of a FIXED_LEN_BYTE_ARRAY column (0 otherwise). */
  readonly typeLength: number;
  /** Compression codec number (0 uncompressed, 1 snappy, …). */
  readonly codec: number;
  readonly maxDefinitionLevel: number;
  readonly maxRepetitionLevel: number;
  /** Level slots in the chunk (`ColumnMetaData.num_values`): values, nulls and empty lists. */
  readonly numValues: number;
}

/**
 * A decoded chunk: one level per slot and the non-null values packed densely (booleans as an
 * LSB-first bitmap; fixed-width values little-endian; byte arrays as bytes plus `count + 1` offsets).
 *
 * @example
 * const [chunk] = decoder.decode([spec]); // chunk.count non-null values in chunk.values
 */
export interface DecodedParquetChunk {
  /** Definition levels, or null when the column's maximum definition level is 0. */
  readonly definitionLevels: Uint8Array | null;
  /** Repetition levels, or null when the column's maximum repetition level is 0. */
  readonly repetitionLevels: Uint8Array | null;
  readonly values: Uint8Array;
  readonly offsets: Int32Array | null;
  /** Number of non-null values. */
  readonly count: number;
}

/**
 * A vectorised Parquet page decoder (the native kernels have one; the portable set reads through
 * parquet-wasm instead). `codecs` lists the compression codecs it accepts; anything else it
 * cannot decode makes `decode` throw, and the caller reads the file another way.
 *
 * @example
 * if (kernels.parquet?.codecs.has(chunk.codec)) kernels.parquet.decode([chunk]);
 */
export interface ParquetDecoder {
  readonly codecs: ReadonlySet<number>;
  decode(chunks: readonly ParquetChunk[]): DecodedParquetChunk[];
}
