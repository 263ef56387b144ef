import { WriterStateError } from "../../errors.js";
import { FeatureKey, type FeatureKeyInput } from "../../models/feature-key.js";
import type { MetadataStore } from "../../store/metadata-store.js";
import { type BatchInput, batchInputRows, batchInputTable } from "../batch-input.js";

/**
 * Rows a sink wrote and rows it failed to write (Python's `MetaxyWriteResult`).
 *
 * @example
 * const { rowsWritten, rowsFailed }: SinkResult = await sink.close();
 */
export interface SinkResult {
  readonly rowsWritten: number;
  readonly rowsFailed: number;
}

/**
 * Options of {@link createSink}.
 *
 * @example
 * const options: SinkOptions = { materializationId: "run-7", onError: (e, rows) => log.warn(rows, e) };
 */
export interface SinkOptions {
  /** Run id stamped on the rows; default the store's `materializationId`. */
  readonly materializationId?: string | null;
  /** Told about each failed write (default: a process warning naming the feature and row count). */
  readonly onError?: (error: unknown, rows: number) => void;
}

/**
 * A write-only destination for one feature's batches; see {@link createSink}.
 *
 * @example
 * const sink: MetadataSink = createSink(store, "video/faces");
 */
export interface MetadataSink {
  /** Writes one batch (opening the store in `"w"` mode around it); failures are counted, not thrown. */
  write(batch: BatchInput): Promise<void>;
  /** Waits for pending writes and resolves to the totals; later writes throw WriterStateError. */
  close(): Promise<SinkResult>;
  /** Totals so far. */
  readonly result: SinkResult;
}

/**
 * A sink writing batches of one feature to a store (Python's Ray `MetaxyDatasink`): each batch is
 * written with `store.write` inside `store.withOpen("w")`. A batch that cannot be converted or written
 * counts its rows as failed and is reported to `onError`; the sink goes on. Concurrent `write` calls
 * are applied one after another.
 *
 * @example
 * const sink = createSink(store, "video/faces", { materializationId: runId });
 * for await (const batch of readBatches(source, "video/faces")) await sink.write(batch);
 * const { rowsWritten, rowsFailed } = await sink.close();
 */
export function createSink(
  store: MetadataStore,
  feature: FeatureKeyInput,
  options: SinkOptions = {},
): MetadataSink {
  const key = FeatureKey.from(feature).toString();
  const writeOptions =
    options.materializationId === undefined ? {} : { materializationId: options.materializationId };
  const onError = options.onError ?? ((error, rows) => warnFailure(key, error, rows));
  let rowsWritten = 0;
  let rowsFailed = 0;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  const writeOne = async (batch: BatchInput): Promise<void> => {
    const rows = batchInputRows(batch);
    try {
      const table = await batchInputTable(batch);
      await store.withOpen("w", (s) => s.write(feature, table, writeOptions));
      rowsWritten += table.numRows;
    } catch (error) {
      rowsFailed += rows;
      onError(error, rows);
    }
  };

  return {
    write(batch) {
      if (closed) return Promise.reject(new WriterStateError(`sink: write() after close() for "${key}"`));
      const written = chain.then(() => writeOne(batch));
      // An onError that throws rejects its own write only; later writes still run.
      chain = written.catch(() => undefined);
      return written;
    },
    async close() {
      closed = true;
      await chain;
      return { rowsWritten, rowsFailed };
    },
    get result() {
      return { rowsWritten, rowsFailed };
    },
  };
}

function warnFailure(key: string, error: unknown, rows: number): void {
  const reason = error instanceof Error ? error.message : String(error);
  process.emitWarning(`sink: failed to write ${rows} row(s) of "${key}": ${reason}`, {
    type: "MetaxyWarning",
  });
}
