/**
 * Shared fixtures of the integration tests: a small video graph (root, identity dep with a rename,
 * expansion), row builders with fixed provenance, fresh stores and a polling helper.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Table } from "apache-arrow";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { Lineage } from "../../src/models/lineage.js";
import { DeltaMetadataStore } from "../../src/store/delta-store/delta-metadata-store.js";
import { InMemoryMetadataStore } from "../../src/store/memory/in-memory-metadata-store.js";

/** `video/raw` (root), `video/faces` (identity, `path` renamed to `video_path`), `video/frames` (expansion). */
export function videoGraph() {
  const graph = new FeatureGraph({ project: "demo" });
  const video = graph.feature({
    key: "video/raw",
    idColumns: ["video_id"],
    fields: ["audio", "frames"],
    columns: { path: "string", fps: "float64" },
    description: "Raw videos",
  });
  const faces = graph.feature({
    key: "video/faces",
    idColumns: ["video_id"],
    deps: [{ feature: video, rename: { path: "video_path" } }],
    fields: [{ key: "faces", codeVersion: "1", deps: [{ feature: "video/raw", fields: ["frames"] }] }],
    columns: { video_path: "string", fps: "float64", n_faces: "int64" },
  });
  const frames = graph.feature({
    key: "video/frames",
    idColumns: ["video_id", "frame"],
    deps: [{ feature: video, lineage: Lineage.expansion({ on: ["video_id"] }) }],
    columns: { fps: "float64", frame: "int64" },
  });
  return { graph, video, faces, frames };
}

/** Root rows for `video/raw` with provenance `a<id><tag>` / `f<id><tag>`. */
export function videoRows(ids: readonly number[], tag = "") {
  return ids.map((id) => ({
    video_id: id,
    path: `/v/${id}.mp4`,
    fps: 24,
    metaxy_provenance_by_field: { audio: `a${id}${tag}`, frames: `f${id}${tag}` },
  }));
}

/** A fresh in-memory store over `graph`. */
export function memoryStore(graph: FeatureGraph, materializationId?: string): InMemoryMetadataStore {
  return new InMemoryMetadataStore({
    graph,
    ...(materializationId === undefined ? {} : { materializationId }),
  });
}

/** A fresh Delta store in a new temporary directory. */
export function deltaStore(graph: FeatureGraph): DeltaMetadataStore {
  return new DeltaMetadataStore({ graph, rootPath: mkdtempSync(join(tmpdir(), "metaxy-integrations-")) });
}

/** Values of `column` in the table, sorted (numbers ascending, others by JSON text). */
export function sortedColumn(table: Table, column: string): unknown[] {
  return tableToRows(table)
    .map((r) => r[column])
    .sort((a, b) =>
      typeof a === "number" && typeof b === "number" ? a - b : JSON.stringify(a) < JSON.stringify(b) ? -1 : 1,
    );
}

/** Resolves once `check()` is true; rejects after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`until: condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
