import type { SnapshotFeature } from "./snapshot-data.js";

/**
 * A field's change between two snapshots (Python's `FieldChange`, JSON names).
 *
 * @example
 * const c: FieldChange = { field_key: "audio", old_version: "22742381", new_version: "09c8398b", is_added: false, is_removed: false, is_changed: true };
 */
export interface FieldChange {
  readonly field_key: string;
  readonly old_version: string | null;
  readonly new_version: string | null;
  readonly is_added: boolean;
  readonly is_removed: boolean;
  readonly is_changed: boolean;
}

/**
 * A feature in the merged view of two snapshots.
 *
 * @example
 * merged.nodes.get("example/video")?.status; // "changed"
 */
export interface MergedNode {
  readonly status: "added" | "removed" | "changed" | "unchanged";
  readonly old_version: string | null;
  readonly new_version: string | null;
  /** Fields of the newer side (the older for removed features): key → version. */
  readonly fields: Readonly<Record<string, string>>;
  readonly field_changes: readonly FieldChange[];
  readonly dependencies: readonly string[];
}

/**
 * Both snapshots merged (Python's `create_merged_graph_data`), nodes sorted by key.
 *
 * @example
 * const merged = mergeSnapshots(before, after);
 * merged.edges; // [{ from: "example/video", to: "example/crop" }, ...]
 */
export interface MergedGraph {
  readonly nodes: ReadonlyMap<string, MergedNode>;
  readonly edges: readonly { readonly from: string; readonly to: string }[];
}

/**
 * Merges two snapshots: features only in `to` are added, only in `from` removed; a feature in both
 * is changed when its feature version or its definition version differs (field changes listed:
 * added, removed, then changed, each sorted), unchanged otherwise.
 *
 * @example
 * mergeSnapshots(snapshotData(old, "demo"), snapshotData(current, "demo"));
 */
export function mergeSnapshots(
  from: ReadonlyMap<string, SnapshotFeature>,
  to: ReadonlyMap<string, SnapshotFeature>,
): MergedGraph {
  const nodes = new Map<string, MergedNode>();
  const edges: { from: string; to: string }[] = [];
  const keys = [...new Set([...from.keys(), ...to.keys()])].sort();
  for (const key of keys) {
    const before = from.get(key);
    const after = to.get(key);
    let node: MergedNode;
    if (before === undefined) {
      node = {
        status: "added",
        old_version: null,
        new_version: after!.version,
        fields: after!.fields,
        field_changes: [],
        dependencies: after!.dependencies,
      };
    } else if (after === undefined) {
      node = {
        status: "removed",
        old_version: before.version,
        new_version: null,
        fields: before.fields,
        field_changes: [],
        dependencies: before.dependencies,
      };
    } else {
      const changed =
        before.version !== after.version || before.definitionVersion !== after.definitionVersion;
      node = {
        status: changed ? "changed" : "unchanged",
        old_version: before.version,
        new_version: after.version,
        fields: after.fields,
        field_changes: changed ? fieldChanges(before.fields, after.fields) : [],
        dependencies: after.dependencies,
      };
    }
    nodes.set(key, node);
    for (const dep of node.dependencies) edges.push({ from: dep, to: key });
  }
  return { nodes, edges };
}

function fieldChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): FieldChange[] {
  const oldKeys = Object.keys(before);
  const newKeys = Object.keys(after);
  const added = newKeys.filter((k) => !(k in before)).sort();
  const removed = oldKeys.filter((k) => !(k in after)).sort();
  const changed = newKeys.filter((k) => k in before && before[k] !== after[k]).sort();
  return [
    ...added.map((k) => change(k, null, after[k]!)),
    ...removed.map((k) => change(k, before[k]!, null)),
    ...changed.map((k) => change(k, before[k]!, after[k]!)),
  ];
}

function change(key: string, oldVersion: string | null, newVersion: string | null): FieldChange {
  return {
    field_key: key,
    old_version: oldVersion,
    new_version: newVersion,
    is_added: oldVersion === null,
    is_removed: newVersion === null,
    is_changed: oldVersion !== null && newVersion !== null,
  };
}

/**
 * Keeps the focus feature and `up` levels of dependencies / `down` levels of dependents (undefined =
 * all, 0 = none). Throws when the focus is not in the merged graph.
 *
 * @example
 * focusMerged(merged, "example/crop", 1, 0);
 */
export function focusMerged(merged: MergedGraph, focus: string, up?: number, down?: number): MergedGraph {
  if (!merged.nodes.has(focus)) throw new Error(`feature "${focus}" is not in either snapshot`);
  const include = new Set([focus]);
  const walk = (next: (key: string) => string[], limit: number | undefined) => {
    let frontier = [focus];
    for (let level = 0; (limit === undefined || level < limit) && frontier.length > 0; level++) {
      const following: string[] = [];
      for (const key of frontier.flatMap(next)) {
        if (include.has(key)) continue;
        include.add(key);
        following.push(key);
      }
      frontier = following;
    }
  };
  walk((key) => merged.edges.filter((e) => e.to === key).map((e) => e.from), up);
  walk((key) => merged.edges.filter((e) => e.from === key).map((e) => e.to), down);
  return {
    nodes: new Map([...merged.nodes].filter(([k]) => include.has(k))),
    edges: merged.edges.filter((e) => include.has(e.from) && include.has(e.to)),
  };
}

/**
 * Python's JSON form of the merged graph: `{nodes: {key: {status, old_version, new_version,
 * dependencies, field_changes}}, edges: [{from, to}]}`.
 *
 * @example
 * JSON.stringify(mergedJson(merged), null, 2);
 */
export function mergedJson(merged: MergedGraph): Record<string, unknown> {
  return {
    nodes: Object.fromEntries(
      [...merged.nodes].map(([key, n]) => [
        key,
        {
          status: n.status,
          old_version: n.old_version,
          new_version: n.new_version,
          dependencies: n.dependencies,
          field_changes: n.field_changes,
        },
      ]),
    ),
    edges: merged.edges,
  };
}
