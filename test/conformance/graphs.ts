/**
 * Feature graphs the conformance packs share. Each call builds a new graph, so a test can define
 * the "same" features at other code versions in a second graph (what a code change looks like).
 */
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { SpecialFieldDep } from "../../src/models/field-dep.js";
import { Lineage } from "../../src/models/lineage.js";

/**
 * `video` (root; fields audio, frames; id `video_id`) and `faces` (identity on video; field
 * `faces` from video.frames), with the given code versions.
 */
export function videoGraph(versions: { video?: string; faces?: string } = {}) {
  const graph = new FeatureGraph({ project: "conformance" });
  const video = graph.feature({
    key: "video",
    idColumns: ["video_id"],
    fields: [
      { key: "audio", codeVersion: versions.video ?? "1" },
      { key: "frames", codeVersion: versions.video ?? "1" },
    ],
  });
  const faces = graph.feature({
    key: "faces",
    idColumns: ["video_id"],
    deps: [{ feature: video }],
    fields: [
      { key: "faces", codeVersion: versions.faces ?? "1", deps: [{ feature: "video", fields: ["frames"] }] },
    ],
  });
  return { graph, video, faces };
}

/** `parent` (root, field `value`) and `child` (identity, field `derived` ← ALL), id `id` (golden C3 identity). */
export function identityGraph(childVersion = "1", parentVersion = "1") {
  const graph = new FeatureGraph({ project: "conformance" });
  const parent = graph.feature({
    key: "parent",
    idColumns: ["id"],
    fields: [{ key: "value", codeVersion: parentVersion }],
  });
  const child = graph.feature({
    key: "child",
    idColumns: ["id"],
    deps: [{ feature: parent }],
    fields: [{ key: "derived", codeVersion: childVersion, deps: SpecialFieldDep.ALL }],
  });
  return { graph, parent, child };
}

/** Golden C3 aggregation: `sensor_readings` (sensor_id, reading_id) → `aggregated_stats` (sensor_id). */
export function aggregationGraph() {
  const graph = new FeatureGraph({ project: "conformance" });
  const readings = graph.feature({
    key: "sensor_readings",
    idColumns: ["sensor_id", "reading_id"],
    fields: [{ key: "temperature", codeVersion: "1" }],
  });
  const stats = graph.feature({
    key: "aggregated_stats",
    idColumns: ["sensor_id"],
    deps: [{ feature: readings, lineage: Lineage.aggregation({ on: ["sensor_id"] }) }],
    fields: [{ key: "avg_temp", codeVersion: "1", deps: SpecialFieldDep.ALL }],
  });
  return { graph, readings, stats };
}

/** Golden C3 expansion: `video` → `video_frames` (1:N on video_id; children keyed by video_id, frame_id). */
export function expansionGraph() {
  const graph = new FeatureGraph({ project: "conformance" });
  const video = graph.feature({
    key: "video",
    idColumns: ["video_id"],
    fields: [{ key: "content", codeVersion: "1" }],
  });
  const frames = graph.feature({
    key: "video_frames",
    idColumns: ["video_id", "frame_id"],
    deps: [{ feature: video, lineage: Lineage.expansion({ on: ["video_id"] }) }],
    fields: [{ key: "frames", codeVersion: "1", deps: SpecialFieldDep.ALL }],
  });
  return { graph, video, frames };
}

/** Golden C6: `fallback_test/root` → `fallback_test/downstream` (field default ← root.default), id sample_uid. */
export function fallbackGraph() {
  const graph = new FeatureGraph({ project: "conformance" });
  const root = graph.feature({
    key: "fallback_test/root",
    idColumns: ["sample_uid"],
    fields: [{ key: "default", codeVersion: "1" }],
  });
  const downstream = graph.feature({
    key: "fallback_test/downstream",
    idColumns: ["sample_uid"],
    deps: [root],
    fields: [
      { key: "default", codeVersion: "1", deps: [{ feature: "fallback_test/root", fields: ["default"] }] },
    ],
  });
  return { graph, root, downstream };
}

/** Root rows `{ [id]: i, metaxy_provenance_by_field: { [field]: prefix+i } }` for i in `ids`. */
export function rootRows(
  idColumn: string,
  ids: readonly (number | string)[],
  fields: readonly string[],
  prefix = "p",
  extra: (id: number | string) => Record<string, unknown> = () => ({}),
): Record<string, unknown>[] {
  return ids.map((id) => ({
    [idColumn]: id,
    ...extra(id),
    metaxy_provenance_by_field: Object.fromEntries(fields.map((f) => [f, `${prefix}${f}${id}`])),
  }));
}

/** `a` (root, field x) and `b` (root, field y) → `c` (required a, optional b; field z ← ALL), id `id`. */
export function optionalGraph() {
  const graph = new FeatureGraph({ project: "conformance" });
  const a = graph.feature({ key: "a", idColumns: ["id"], fields: [{ key: "x", codeVersion: "1" }] });
  const b = graph.feature({ key: "b", idColumns: ["id"], fields: [{ key: "y", codeVersion: "1" }] });
  const c = graph.feature({
    key: "c",
    idColumns: ["id"],
    deps: [{ feature: a }, { feature: b, optional: true }],
    fields: [{ key: "z", codeVersion: "1", deps: SpecialFieldDep.ALL }],
  });
  return { graph, a, b, c };
}

/**
 * `src` (root; id `sid`; field content) → `dst` (id `id`): rename sid → id and path → src_path,
 * select src_path, dep filter `size > 10` (post-rename names).
 */
export function renameGraph() {
  const graph = new FeatureGraph({ project: "conformance" });
  const src = graph.feature({
    key: "src",
    idColumns: ["sid"],
    fields: [{ key: "content", codeVersion: "1" }],
  });
  const dst = graph.feature({
    key: "dst",
    idColumns: ["id"],
    deps: [
      { feature: src, rename: { sid: "id", path: "src_path" }, select: ["src_path"], filters: ["size > 10"] },
    ],
    fields: [{ key: "d", codeVersion: "1", deps: SpecialFieldDep.ALL }],
  });
  return { graph, src, dst };
}
