/**
 * Features of the basic example: `examples/parent` (embeddings, code version "1") and
 * `examples/child` (predictions computed from the parent's embeddings).
 *
 * @example
 * import graph, { child } from "./features.js";
 * graph.featureVersion(child.key); // "b10ea448"
 */
import { FeatureGraph } from "metaxy";

/** The example's feature graph. */
const graph = new FeatureGraph({ project: "example_basic" });

/** Embeddings computed from raw data. Bump `codeVersion` when the embedding algorithm changes. */
export const parent = graph.feature({
  key: "examples/parent",
  idColumns: ["sample_uid"],
  fields: [
    {
      key: "embeddings",
      codeVersion: "1",
    },
  ],
  description: "Parent feature that generates embeddings from raw data.",
});

/** Predictions computed from the parent's embeddings. */
export const child = graph.feature({
  key: "examples/child",
  idColumns: ["sample_uid"],
  deps: [parent],
  fields: ["predictions"],
  description: "Child feature that uses parent embeddings to generate predictions.",
});

export default graph;
