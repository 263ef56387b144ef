/**
 * The features of the MCP test project. The temp project's entrypoint re-exports `defineFeatures`,
 * and the tests call it on their own graph to seed the store, so both sides define the same graph.
 */
import type { FeatureGraph } from "../../../src/models/feature-graph.js";

export function defineFeatures(graph: FeatureGraph): void {
  graph.feature({
    key: "video/raw",
    idColumns: ["video_id"],
    fields: ["audio", "frames"],
    columns: { path: "string", fps: "float64" },
    description: "Raw videos",
  });
  graph.feature({
    key: "video/faces",
    idColumns: ["video_id"],
    deps: [{ feature: "video/raw", rename: { path: "video_path" } }],
    fields: [{ key: "faces", codeVersion: "2", deps: [{ feature: "video/raw", fields: ["frames"] }] }],
    columns: { video_path: "string", n_faces: "int64" },
  });
  graph.feature({ key: "shared/labels", idColumns: ["video_id"], project: "other" });
}
