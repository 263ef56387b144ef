import { type Table, tableToIPC } from "apache-arrow";
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from "parquet-wasm";
import { CLIENT_VERSION } from "./actions.js";
import { unshareBuffers } from "./unshare.js";

/**
 * Options for encoding a Parquet file.
 *
 * @example
 * encodeParquet(table, { compression: "snappy", rowGroupSize: 100_000 });
 */
export interface ParquetEncodeOptions {
  /**
   * Codec for data pages; default `snappy`, as delta-rs and Spark write (the fastest to decode;
   * the native kernels decode snappy and zstd pages alike).
   */
  readonly compression?: "zstd" | "snappy" | "uncompressed";
  /** Rows per row group; default 524,288 (few large groups read fastest through parquet-wasm). */
  readonly rowGroupSize?: number;
  /**
   * Dictionary encoding; default off. Metaxy columns are mostly high-cardinality hashes and ids,
   * for which plain pages are smaller and faster to write (measured in reference/node-ecosystem.md).
   */
  readonly dictionary?: boolean;
}

const CODECS = {
  zstd: Compression.ZSTD,
  snappy: Compression.SNAPPY,
  uncompressed: Compression.UNCOMPRESSED,
} as const;

/** Default codec of the data files we write. */
export const DEFAULT_COMPRESSION = "snappy";

/** Default row group size in rows. */
export const DEFAULT_ROW_GROUP_SIZE = 524_288;

/**
 * Encodes an Arrow table as Parquet bytes through parquet-wasm (Arrow IPC in, Parquet out), after
 * copying any buffers its columns share (see `unshareBuffers`).
 *
 * @example
 * await store.put(`${table}/part-00000-${uuid}-c000.snappy.parquet`, encodeParquet(arrowTable));
 */
export function encodeParquet(table: Table, options: ParquetEncodeOptions = {}): Uint8Array {
  const ipc = tableToIPC(unshareBuffers(table), "stream");
  const props = new WriterPropertiesBuilder()
    .setCompression(CODECS[options.compression ?? DEFAULT_COMPRESSION])
    .setDictionaryEnabled(options.dictionary ?? false)
    .setMaxRowGroupSize(options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE)
    .setCreatedBy(CLIENT_VERSION)
    .build();
  return writeParquet(WasmTable.fromIPCStream(ipc), props);
}
