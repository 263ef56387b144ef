import type { MetadataStore } from "../../store/metadata-store.js";
import { BufferedMetadataWriter } from "./buffered-metadata-writer.js";
import type { BufferedWriterOptions } from "./buffered-writer-options.js";

/**
 * Runs `fn` with a started {@link BufferedMetadataWriter} and stops it afterwards, also when `fn`
 * throws (Python's `with BufferedMetadataWriter(store) as writer:`). Resolves to `fn`'s result once
 * everything is written; `writer.numWritten` holds the counts. An error of `fn` wins over an error of
 * the final flush.
 *
 * @example
 * await withBufferedWriter(store, { flushBatchSize: 500 }, async (writer) => {
 *   for await (const rows of source) await writer.put({ "video/raw": rows });
 * });
 */
export async function withBufferedWriter<T>(
  store: MetadataStore,
  options: BufferedWriterOptions,
  fn: (writer: BufferedMetadataWriter) => T | Promise<T>,
): Promise<T> {
  const writer = new BufferedMetadataWriter(store, options);
  writer.start();
  let result: T;
  try {
    result = await fn(writer);
  } catch (error) {
    await writer.stop().catch(() => undefined);
    throw error;
  }
  await writer.stop();
  return result;
}
