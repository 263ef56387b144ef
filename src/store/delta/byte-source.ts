import type { AsyncBuffer } from "hyparquet";
import { DeltaProtocolError } from "../../errors.js";
import type { ObjectStore } from "../io/object-store.js";

/** Random access to one stored object, shared by parquet-wasm and hyparquet reads of a file. */
export interface ByteSource {
  readonly key: string;
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** Files up to this size are fetched in one request; larger ones are read by ranges. */
export const WHOLE_FILE_LIMIT = 8 * 1024 * 1024;

// Parquet footers (metadata + the embedded Arrow schema) almost always fit in the last 64 KiB.
const TAIL = 64 * 1024;

/**
 * Opens a stored file for random access. Small files are fetched whole (one request, then served
 * from memory); large ones keep their tail cached (the footer is read several times) and fetch other
 * ranges on demand, so a projected read transfers only the chunks of the wanted columns.
 * `size` comes from the log's `add.size`; a missing object throws `DeltaProtocolError`.
 *
 * @example
 * const source = await openByteSource(store, "t/part-0.parquet", add.size);
 */
export async function openByteSource(
  store: ObjectStore,
  key: string,
  size?: number | null,
  wholeFileLimit = WHOLE_FILE_LIMIT,
): Promise<ByteSource> {
  let known = size ?? null;
  if (known === null) {
    const head = await store.head(key);
    if (head === null) throw missing(store, key);
    known = head.size;
  }
  if (known <= wholeFileLimit) {
    const bytes = await store.get(key);
    if (bytes === null) throw missing(store, key);
    return { key, size: bytes.length, read: async (start, end) => bytes.subarray(start, end) };
  }
  const total = known;
  const tailStart = Math.max(0, total - TAIL);
  const tail = await store.getRange(key, tailStart, total);
  return {
    key,
    size: total,
    read: async (start, end) =>
      start >= tailStart
        ? tail.subarray(start - tailStart, end - tailStart)
        : store.getRange(key, start, end),
  };
}

function missing(store: ObjectStore, key: string): DeltaProtocolError {
  return new DeltaProtocolError(
    `delta: data file ${JSON.stringify(key)} named in the log is missing from ${store.display}`,
  );
}

function clamp(index: number, size: number): number {
  const i = Math.trunc(index);
  return i < 0 ? Math.max(0, size + i) : Math.min(i, size);
}

function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/**
 * The `Blob` subset parquet-wasm's `ParquetFile.fromFile` uses (`size`, `slice().arrayBuffer()`).
 *
 * @example
 * const file = await ParquetFile.fromFile(blobOf(source) as unknown as Blob);
 */
export function blobOf(source: ByteSource): {
  size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
} {
  return {
    size: source.size,
    slice(start = 0, end = source.size) {
      const from = clamp(start, source.size);
      const to = Math.max(from, clamp(end, source.size));
      return { arrayBuffer: async () => ownBuffer(await source.read(from, to)) };
    },
  };
}

/**
 * hyparquet's `AsyncBuffer` over a byte source.
 *
 * @example
 * const metadata = await parquetMetadataAsync(asyncBufferOf(source));
 */
export function asyncBufferOf(source: ByteSource): AsyncBuffer {
  return {
    byteLength: source.size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const from = clamp(start, source.size);
      const to = Math.max(from, end === undefined ? source.size : clamp(end, source.size));
      return ownBuffer(await source.read(from, to));
    },
  };
}
