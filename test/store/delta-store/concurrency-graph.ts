import { FeatureGraph } from "../../../src/models/feature-graph.js";

/** The one-feature graph the writer processes and the tests share: root `samples`, id `sample_uid`. */
export function concurrencyGraph() {
  const graph = new FeatureGraph({ project: "concurrency" });
  const samples = graph.feature({ key: "samples", idColumns: ["sample_uid"] });
  return { graph, samples };
}
