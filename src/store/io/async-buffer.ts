import type { AsyncBuffer } from "hyparquet";
import type { ObjectStore } from "./object-store.js";

/**
 * hyparquet's `AsyncBuffer` over one stored object of known size: every `slice` is one `getRange`,
 * so reading a Parquet footer costs two small ranged reads instead of a whole download. Negative and
 * missing bounds follow `ArrayBuffer.prototype.slice`.
 *
 * @example
 * const file = objectAsyncBuffer(store, "t/part-0.parquet", (await store.head("t/part-0.parquet"))!.size);
 * const metadata = await parquetMetadataAsync(file);
 */
export function objectAsyncBuffer(store: ObjectStore, key: string, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const from = clamp(start, size);
      const to = Math.max(from, end === undefined ? size : clamp(end, size));
      const bytes = await store.getRange(key, from, to);
      // A view may sit inside a larger buffer; hand out exactly its bytes.
      return bytes.byteOffset === 0 &&
        bytes.byteLength === bytes.buffer.byteLength &&
        bytes.buffer instanceof ArrayBuffer
        ? bytes.buffer
        : bytes.slice().buffer;
    },
  };
}

function clamp(index: number, size: number): number {
  const i = Math.trunc(index);
  return i < 0 ? Math.max(0, size + i) : Math.min(i, size);
}
