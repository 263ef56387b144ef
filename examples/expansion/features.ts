/**
 * Features of the expansion example: raw videos, the chunks each video is split into (1:N lineage
 * on `video_id`), and face recognition per chunk, which reads only the chunks' `frames` field.
 *
 * @example
 * import graph, { faces } from "./features.js";
 * graph.featureVersion(faces.key); // "52f055e3"
 */
import { FeatureGraph, Lineage } from "metaxy";

/** The example's feature graph. */
const graph = new FeatureGraph({ project: "example_expansion" });

/** Raw videos (root feature) with an `audio` and a `frames` field. */
export const video = graph.feature({
  key: "video/raw",
  idColumns: ["video_id"],
  fields: [{ key: "audio", codeVersion: "1" }, "frames"],
  columns: { video_id: "string", path: "string" },
});

/** Chunks of a video: every video becomes several chunks; fields map to the video's by name. */
export const videoChunk = graph.feature({
  key: "video/chunk",
  idColumns: ["video_chunk_id"],
  deps: [{ feature: video, lineage: Lineage.expansion({ on: ["video_id"] }) }],
  fields: ["audio", "frames"],
  columns: { video_id: "string", video_chunk_id: "string", path: "string" },
});

/** Faces detected in each chunk: depends on the chunk's frames only, not on its audio. */
export const faces = graph.feature({
  key: "video/faces",
  idColumns: ["video_chunk_id"],
  deps: [videoChunk],
  fields: [{ key: "faces", deps: [{ feature: videoChunk, fields: ["frames"] }] }],
  columns: { video_chunk_id: "string", num_faces: "int64" },
});

export default graph;
