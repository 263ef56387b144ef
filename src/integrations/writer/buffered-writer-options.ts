import { InvalidArgumentError } from "../../errors.js";

/**
 * Options of {@link BufferedMetadataWriter} (Python's `flush_batch_size`, `flush_interval`,
 * `max_queue_size`, with the interval in milliseconds).
 *
 * @example
 * const options: BufferedWriterOptions = { flushBatchSize: 10_000, flushIntervalMs: 5_000, maxQueueSize: 8 };
 */
export interface BufferedWriterOptions {
  /** Flush once this many rows are pending (all features together). Default: no row threshold. */
  readonly flushBatchSize?: number;
  /** Flush pending rows this long after the end of the previous flush (or the start). Default 2000. */
  readonly flushIntervalMs?: number;
  /** Frames that may wait while a flush is running before `put` waits too; 0 (default) = unbounded. */
  readonly maxQueueSize?: number;
}

/**
 * The options with defaults applied and checked.
 *
 * @example
 * const checked: CheckedWriterOptions = checkWriterOptions({ flushBatchSize: 100 });
 */
export interface CheckedWriterOptions {
  readonly flushBatchSize: number | null;
  readonly flushIntervalMs: number;
  readonly maxQueueSize: number;
}

/** Python's default `flush_interval` (2 seconds). */
const DEFAULT_FLUSH_INTERVAL_MS = 2000;

/**
 * Applies the defaults and checks the values (InvalidArgumentError naming the option and value).
 *
 * @example
 * checkWriterOptions({}); // { flushBatchSize: null, flushIntervalMs: 2000, maxQueueSize: 0 }
 */
export function checkWriterOptions(options: BufferedWriterOptions): CheckedWriterOptions {
  const { flushBatchSize, flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS, maxQueueSize = 0 } = options;
  if (flushBatchSize !== undefined && !(Number.isSafeInteger(flushBatchSize) && flushBatchSize > 0)) {
    throw new InvalidArgumentError(
      `buffered writer: flushBatchSize must be a positive integer, got ${String(flushBatchSize)}`,
    );
  }
  if (!(typeof flushIntervalMs === "number" && Number.isFinite(flushIntervalMs) && flushIntervalMs > 0)) {
    throw new InvalidArgumentError(
      `buffered writer: flushIntervalMs must be a positive number of milliseconds, got ${String(flushIntervalMs)}`,
    );
  }
  if (!(Number.isSafeInteger(maxQueueSize) && maxQueueSize >= 0)) {
    throw new InvalidArgumentError(
      `buffered writer: maxQueueSize must be a non-negative integer (0 = unbounded), got ${String(maxQueueSize)}`,
    );
  }
  return { flushBatchSize: flushBatchSize ?? null, flushIntervalMs, maxQueueSize };
}
