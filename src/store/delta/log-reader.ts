import { DeltaProtocolError } from "../../errors.js";
import type { ObjectStore } from "../io/object-store.js";
import { type Action, parseCommit } from "./actions.js";
import { readCheckpoint } from "./checkpoint-read.js";
import { type LastCheckpoint, readLastCheckpoint } from "./last-checkpoint.js";
import { checkpointKey, commitKey, joinKey, LOG_DIR, type LogFile, parseLogFile } from "./log-files.js";
import { applyActions, applyCommits, type TableState, type VersionedActions } from "./table-state.js";

/** Commit files fetched at once while probing for new versions: 2 at first, doubling up to 16. */
const FIRST_PROBE = 2;
const MAX_PROBE = 16;

/**
 * Replays a table's log to its latest version, or `null` when there is no log. With a readable
 * `_last_checkpoint`, its checkpoint is read and the commits after it are fetched until the first
 * missing version (no listing needed); otherwise the log directory is listed once and the newest
 * complete checkpoint (single or multi-part) plus the commits after it are used, or every commit
 * from version 0 when there is no checkpoint. A gap in the commit versions throws
 * `DeltaProtocolError`.
 *
 * @example
 * const state = await loadTableState(store, "video/raw.delta");
 */
export async function loadTableState(store: ObjectStore, table: string): Promise<TableState | null> {
  const hint = await readLastCheckpoint(store, table);
  if (hint !== null) {
    const base = await tryCheckpoint(store, table, hint);
    if (base !== null) return readCommitsAfter(store, table, base);
  }
  return loadByListing(store, table);
}

async function tryCheckpoint(
  store: ObjectStore,
  table: string,
  hint: LastCheckpoint,
): Promise<TableState | null> {
  const keys =
    hint.parts === undefined || hint.parts <= 1
      ? [checkpointKey(table, hint.version)]
      : Array.from({ length: hint.parts }, (_, i) => multipartKey(table, hint.version, i + 1, hint.parts!));
  try {
    return applyActions(null, await readCheckpoint(store, keys), hint.version);
  } catch {
    // A stale or half-written hint: fall back to listing, which finds what really exists.
    return null;
  }
}

function multipartKey(table: string, version: number, part: number, parts: number): string {
  const name = `${String(version).padStart(20, "0")}.checkpoint.${String(part).padStart(10, "0")}.${String(parts).padStart(10, "0")}.parquet`;
  return joinKey(table, LOG_DIR, name);
}

async function loadByListing(store: ObjectStore, table: string): Promise<TableState | null> {
  const files = (await store.list(`${joinKey(table, LOG_DIR)}/`))
    .map((info) => parseLogFile(info.key))
    .filter((f): f is LogFile => f !== null && f.key.lastIndexOf("/") === joinKey(table, LOG_DIR).length);
  const commits = files.filter((f) => f.kind === "commit").sort((a, b) => a.version - b.version);
  const checkpoint = newestCompleteCheckpoint(files);
  if (commits.length === 0 && checkpoint === null) return null;
  let state: TableState | null = null;
  let next = 0;
  if (checkpoint !== null) {
    state = applyActions(null, await readCheckpoint(store, checkpoint.keys), checkpoint.version);
    next = checkpoint.version + 1;
  }
  const pending = commits.filter((c) => c.version >= next);
  pending.forEach((c, i) => {
    if (c.version !== next + i) {
      throw new DeltaProtocolError(
        `delta: table ${table} in ${store.display} is missing commit ${next + i} (found ${c.version})`,
      );
    }
  });
  const bodies = await Promise.all(pending.map((c) => store.get(c.key)));
  const parsed = pending.map((c, i) => {
    const bytes = bodies[i];
    if (bytes === null || bytes === undefined) {
      throw new DeltaProtocolError(`delta: commit ${c.key} vanished while the log was read`);
    }
    return { version: c.version, actions: parseCommit(bytes, c.key) };
  });
  return parsed.length === 0 ? state : applyCommits(state, parsed);
}

function newestCompleteCheckpoint(files: readonly LogFile[]): { version: number; keys: string[] } | null {
  const byVersion = new Map<string, LogFile[]>();
  for (const f of files) {
    if (f.kind !== "checkpoint") continue;
    const id = `${f.version}/${f.parts}`;
    byVersion.set(id, [...(byVersion.get(id) ?? []), f]);
  }
  let best: { version: number; keys: string[] } | null = null;
  for (const parts of byVersion.values()) {
    const first = parts[0] as Extract<LogFile, { kind: "checkpoint" }>;
    const numbers = new Set(parts.map((p) => (p as typeof first).part));
    if (numbers.size !== first.parts) continue;
    if (best === null || first.version > best.version) {
      const sorted = [...parts].sort((a, b) => (a as typeof first).part - (b as typeof first).part);
      best = { version: first.version, keys: sorted.map((p) => p.key) };
    }
  }
  return best;
}

/**
 * The state after every commit that follows `state.version`, fetched in parallel batches (2, then
 * doubling: after a lost commit race one or two versions are usually new) until the first version
 * that does not exist (the log is the truth; nothing is listed).
 *
 * @example
 * const latest = await readCommitsAfter(store, "t", snapshotState);
 */
export async function readCommitsAfter(
  store: ObjectStore,
  table: string,
  state: TableState,
): Promise<TableState> {
  let current = state;
  for (let batch = FIRST_PROBE; ; batch = Math.min(MAX_PROBE, batch * 2)) {
    const versions = Array.from({ length: batch }, (_, i) => current.version + 1 + i);
    const bodies = await Promise.all(versions.map((v) => store.get(commitKey(table, v))));
    const found: VersionedActions[] = [];
    for (let i = 0; i < versions.length; i++) {
      const bytes = bodies[i];
      if (bytes === null || bytes === undefined) break;
      found.push({ version: versions[i]!, actions: parseCommit(bytes, commitKey(table, versions[i]!)) });
    }
    if (found.length > 0) current = applyCommits(current, found);
    if (found.length < versions.length) return current;
  }
}

/**
 * The actions of one commit, or `null` when that version does not exist.
 *
 * @example
 * const actions = await readCommit(store, "t", 3);
 */
export async function readCommit(
  store: ObjectStore,
  table: string,
  version: number,
): Promise<Action[] | null> {
  const key = commitKey(table, version);
  const bytes = await store.get(key);
  return bytes === null ? null : parseCommit(bytes, key);
}
