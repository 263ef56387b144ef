/**
 * Features of the aggregation example: `audio` recordings (one row per recording) and
 * `speaker/embedding`, one row per speaker computed from all of that speaker's recordings (N:1
 * lineage grouped on `speaker_id`).
 *
 * @example
 * import graph, { speakerEmbedding } from "./features.js";
 * graph.featureVersion(speakerEmbedding.key); // "a485fa5b"
 */
import { FeatureGraph, Lineage } from "metaxy";

/** The example's feature graph. */
const graph = new FeatureGraph({ project: "example_aggregation" });

/** Audio recordings of different speakers (root feature). */
export const audio = graph.feature({
  key: "audio",
  idColumns: ["audio_id"],
  fields: ["default"],
  columns: { audio_id: "string", speaker_id: "string", duration_seconds: "float64", path: "string" },
  description: "Audio recordings of different speakers.",
});

/** One embedding per speaker, aggregated from all of the speaker's recordings. */
export const speakerEmbedding = graph.feature({
  key: "speaker/embedding",
  idColumns: ["speaker_id"],
  deps: [{ feature: audio, lineage: Lineage.aggregation({ on: ["speaker_id"] }) }],
  fields: [{ key: "embedding", codeVersion: "1" }],
  columns: { speaker_id: "string", n_dim: "int64", path: "string" },
  description:
    "Speaker embedding aggregated from all their audio recordings.\n\nThis demonstrates N:1 aggregation lineage where multiple audio recordings\nfrom the same speaker are aggregated into a single speaker embedding.",
});

export default graph;
