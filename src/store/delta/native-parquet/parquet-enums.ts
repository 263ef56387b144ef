/**
 * Parquet Thrift `Type` numbers by the names hyparquet reports.
 *
 * @example
 * PARQUET_TYPE.BYTE_ARRAY; // 6
 */
export const PARQUET_TYPE = {
  BOOLEAN: 0,
  INT32: 1,
  INT64: 2,
  INT96: 3,
  FLOAT: 4,
  DOUBLE: 5,
  BYTE_ARRAY: 6,
  FIXED_LEN_BYTE_ARRAY: 7,
} as const;

/**
 * Parquet Thrift `CompressionCodec` numbers by the names hyparquet reports.
 *
 * @example
 * PARQUET_CODEC.ZSTD; // 6
 */
export const PARQUET_CODEC = {
  UNCOMPRESSED: 0,
  SNAPPY: 1,
  GZIP: 2,
  LZO: 3,
  BROTLI: 4,
  LZ4: 5,
  ZSTD: 6,
  LZ4_RAW: 7,
} as const;
