/**
 * Features of the quickstart example: a root `video` feature whose rows the pipeline supplies, and an
 * `audio` feature computed from it. Both keep the single `default` field at its initial code version.
 * `metaxy` loads this module through `entrypoints` in metaxy.toml; the pipeline imports it directly.
 *
 * @example
 * import graph, { audio, video } from "./features.js";
 * graph.featureVersion(video.key); // "4c78e5e2"
 */
import { FeatureGraph } from "metaxy";

/** The example's feature graph. */
const graph = new FeatureGraph({ project: "example_quickstart" });

/** Raw videos (root feature): one `default` field, identified by `id`. */
export const video = graph.feature({
  key: "video",
  idColumns: ["id"],
  columns: { raw_video_path: "string", id: "string", path: "string" },
});

/** Audio extracted from each video: one row per video, same `id`. */
export const audio = graph.feature({
  key: "audio",
  idColumns: ["id"],
  deps: [video],
  columns: { id: "string", path: "string" },
});

export default graph;
