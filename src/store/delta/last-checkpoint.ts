import type { ObjectStore } from "../io/object-store.js";
import { lastCheckpointKey } from "./log-files.js";

/** The content of `_delta_log/_last_checkpoint` that we use. */
export interface LastCheckpoint {
  readonly version: number;
  /** Number of actions in the checkpoint. */
  readonly size: number;
  /** Part count of a multi-part checkpoint. */
  readonly parts?: number;
  readonly sizeInBytes?: number;
  readonly numOfAddFiles?: number;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Reads `_last_checkpoint`; a missing or malformed file gives `null` (it is only a hint: readers
 * fall back to listing the log).
 *
 * @example
 * (await readLastCheckpoint(store, "t"))?.version; // 10
 */
export async function readLastCheckpoint(store: ObjectStore, table: string): Promise<LastCheckpoint | null> {
  const bytes = await store.get(lastCheckpointKey(table));
  if (bytes === null) return null;
  try {
    const json = JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
    if (typeof json.version !== "number" || !Number.isInteger(json.version) || json.version < 0) return null;
    const parts = typeof json.parts === "number" && json.parts > 1 ? json.parts : undefined;
    return {
      version: json.version,
      size: typeof json.size === "number" ? json.size : 0,
      ...(parts ? { parts } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * Overwrites `_last_checkpoint` (a plain put: a racing writer may leave an older hint, which readers
 * tolerate).
 *
 * @example
 * await writeLastCheckpoint(store, "t", { version: 10, size: 13, sizeInBytes: 9000, numOfAddFiles: 10 });
 */
export async function writeLastCheckpoint(
  store: ObjectStore,
  table: string,
  info: LastCheckpoint,
): Promise<void> {
  await store.put(lastCheckpointKey(table), encoder.encode(JSON.stringify(info)));
}
