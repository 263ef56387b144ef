import { WriterStateError } from "../../errors.js";
import type { MetadataStore } from "../../store/metadata-store.js";
import {
  type BufferedWriterOptions,
  type CheckedWriterOptions,
  checkWriterOptions,
} from "./buffered-writer-options.js";
import { type FeatureFrames, featureFrames } from "./feature-frames.js";
import { flushFrames, type PendingFrames } from "./flush-frames.js";

type WriterState = "new" | "running" | "stopping" | "stopped";

/**
 * Python's `BufferedMetadataWriter`: collects frames for several features and writes them in
 * batches with `store.writeMulti` (inside `store.withOpen("w")`). A flush happens once
 * `flushBatchSize` rows are pending, `flushIntervalMs` after the end of the previous flush, on
 * `flush()` and on `stop()`. Flushes run in the background of the event loop (timers, no threads):
 * `put` returns once its frames are queued, and waits only while a flush runs with `maxQueueSize`
 * frames already waiting. After a failed flush the writer accepts nothing more: `put`, `flush` and
 * `stop` throw {@link WriterStateError} with the failure as `cause`, and the pending rows are dropped
 * (not retried), as in Python. Timers are unref'd, so a writer never keeps the process alive; call
 * `stop()` (or use {@link withBufferedWriter}) to write what is pending.
 *
 * @example
 * const writer = new BufferedMetadataWriter(store, { flushBatchSize: 1000 });
 * writer.start();
 * for await (const batch of source) await writer.put({ "video/raw": batch });
 * const written = await writer.stop(); // { "video/raw": 25000 }
 */
export class BufferedMetadataWriter {
  /** The store written to (opened in `"w"` mode for each flush). */
  readonly store: MetadataStore;
  readonly #options: CheckedWriterOptions;
  #state: WriterState = "new";
  #pending = new Map<string, PendingFrames>();
  #pendingRows = 0;
  /** Frames put while the current flush runs (Python's queue). */
  #queued = 0;
  #flushing: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The interval elapsed while nothing was pending: the next put flushes at once. */
  #due = false;
  #failure: { readonly error: unknown } | null = null;
  readonly #written = new Map<string, number>();

  /** A writer over `store`; see {@link BufferedWriterOptions}. Call `start()` before `put`. */
  constructor(store: MetadataStore, options: BufferedWriterOptions = {}) {
    this.store = store;
    this.#options = checkWriterOptions(options);
  }

  /** Rows written so far per feature key string (flushed rows only). */
  get numWritten(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.#written);
  }

  /** Whether a flush failed. */
  get hasError(): boolean {
    return this.#failure !== null;
  }

  /** Starts the interval timer; `put` is accepted from now on. Throws when already started. */
  start(): void {
    if (this.#state !== "new") {
      throw new WriterStateError(`buffered writer: start() called twice (the writer is ${this.#state})`);
    }
    this.#state = "running";
    this.#arm();
  }

  /**
   * Queues frames for several features (keys are checked, frames converted to Arrow at once). May
   * start a flush; waits while a flush runs and `maxQueueSize` frames are already waiting.
   */
  async put(frames: FeatureFrames): Promise<void> {
    this.#checkCanPut();
    const converted = await featureFrames(frames);
    if (converted.length === 0) return;
    const { maxQueueSize } = this.#options;
    while (maxQueueSize > 0 && this.#flushing !== null && this.#queued >= maxQueueSize) {
      await this.#flushing;
    }
    this.#checkCanPut();
    for (const { key, feature, table } of converted) {
      const entry = this.#pending.get(key);
      if (entry === undefined) this.#pending.set(key, { feature, tables: [table] });
      else entry.tables.push(table);
      this.#pendingRows += table.numRows;
    }
    if (this.#flushing !== null) this.#queued += 1;
    else if (this.#thresholdReached() || this.#due) this.#startFlush();
  }

  /** Writes everything pending now and waits for it; throws if this or an earlier flush failed. */
  async flush(): Promise<void> {
    this.#throwIfFailed();
    await this.#drain();
    this.#throwIfFailed();
  }

  /**
   * Stops accepting frames, writes what is pending and resolves to the rows written per feature key
   * string. Resolves to `{}` when never started; later calls resolve to the same counts. Throws
   * {@link WriterStateError} when a flush failed.
   */
  async stop(): Promise<Readonly<Record<string, number>>> {
    if (this.#state === "new") return {};
    if (this.#state === "running") this.#state = "stopping";
    this.#disarm();
    await this.#drain();
    this.#state = "stopped";
    this.#throwIfFailed();
    return this.numWritten;
  }

  #checkCanPut(): void {
    this.#throwIfFailed();
    if (this.#state === "new") {
      throw new WriterStateError(
        "buffered writer: put() before start(); call start() first or use withBufferedWriter",
      );
    }
    if (this.#state !== "running") {
      throw new WriterStateError(`buffered writer: put() after stop() (the writer is ${this.#state})`);
    }
  }

  #throwIfFailed(): void {
    if (this.#failure === null) return;
    const { error } = this.#failure;
    const reason = error instanceof Error ? error.message : String(error);
    throw new WriterStateError(
      `buffered writer: a flush failed, the writer accepts no more rows: ${reason}`,
      {
        cause: error,
      },
    );
  }

  #thresholdReached(): boolean {
    const size = this.#options.flushBatchSize;
    return size !== null && this.#pendingRows >= size;
  }

  /** Flushes until nothing is pending and no flush runs (or a flush failed). */
  async #drain(): Promise<void> {
    while (this.#flushing !== null || (this.#pending.size > 0 && this.#failure === null)) {
      if (this.#flushing === null) this.#startFlush();
      await this.#flushing;
    }
  }

  #startFlush(): void {
    const pending = this.#pending;
    this.#pending = new Map();
    this.#pendingRows = 0;
    this.#due = false;
    this.#disarm();
    this.#flushing = this.#runFlush(pending);
  }

  /** One background flush; never rejects (a failure is recorded and reported by later calls). */
  async #runFlush(pending: ReadonlyMap<string, PendingFrames>): Promise<void> {
    try {
      const rows = await flushFrames(this.store, pending);
      for (const [key, count] of rows) this.#written.set(key, (this.#written.get(key) ?? 0) + count);
    } catch (error) {
      this.#failure = { error };
    } finally {
      this.#flushing = null;
      this.#queued = 0;
    }
    if (this.#failure !== null || this.#state !== "running") return;
    if (this.#thresholdReached()) this.#startFlush();
    else this.#arm();
  }

  #arm(): void {
    this.#disarm();
    this.#timer = setTimeout(() => this.#onInterval(), this.#options.flushIntervalMs);
    this.#timer.unref();
  }

  #disarm(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #onInterval(): void {
    this.#timer = null;
    if (this.#flushing !== null || this.#state !== "running") return;
    if (this.#pending.size > 0) this.#startFlush();
    else this.#due = true;
  }
}
