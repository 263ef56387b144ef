/** Graphs and stores the system-table tests share. */
import { FeatureGraph } from "../../../src/models/feature-graph.js";
import { SpecialFieldDep } from "../../../src/models/field-dep.js";
import { DeltaMetadataStore } from "../../../src/store/delta-store/delta-metadata-store.js";
import { tempDir } from "../delta-store/helpers.js";

/** `video/raw` (root, declared columns) → `video/faces` (field faces ← ALL), project `demo`. */
export function demoGraph(facesVersion = "1") {
  const graph = new FeatureGraph({ project: "demo" });
  const raw = graph.feature({
    key: "video/raw",
    idColumns: ["video_id"],
    fields: [{ key: "frames", codeVersion: "1" }],
    columns: { path: "string", fps: "float64" },
    classPath: "features.ts#raw",
  });
  const faces = graph.feature({
    key: "video/faces",
    idColumns: ["video_id"],
    deps: [raw],
    fields: [{ key: "faces", codeVersion: facesVersion, deps: SpecialFieldDep.ALL }],
  });
  return { graph, raw, faces };
}

/** A Delta store over `graph` in a fresh temporary directory. */
export async function deltaStore(graph: FeatureGraph, rootPath?: string): Promise<DeltaMetadataStore> {
  return new DeltaMetadataStore({ graph, rootPath: rootPath ?? (await tempDir("metaxy-system-")) });
}
