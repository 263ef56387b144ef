import type { Feature } from "../../src/models/feature.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";

/**
 * The paper's two graphs (metaxy-features §8, `_graphs.py`).
 *
 * @example
 * const name: ScenarioName = "wide";
 */
export type ScenarioName = "simple" | "wide";

/**
 * Every scenario, in report order.
 *
 * @example
 * SCENARIOS.map(buildScenario);
 */
export const SCENARIOS: readonly ScenarioName[] = ["simple", "wide"];

/**
 * One benchmark graph: its roots (in dependency order, each with its field names in spec order) and
 * the leaf whose increment is resolved.
 *
 * @example
 * const s = buildScenario("simple");
 * s.roots[0]!.fields; // ["audio", "frames"]
 */
export interface Scenario {
  readonly name: ScenarioName;
  readonly graph: FeatureGraph;
  readonly roots: readonly { readonly feature: Feature; readonly fields: readonly string[] }[];
  readonly leaf: Feature;
  readonly leafFields: readonly string[];
}

const PROJECT = "metaxy_paper_benchmark";
const ID_COLUMNS = ["sample_uid"] as const;
const WIDE_FIELDS = ["audio", "frames", "optical_flow", "embedding"] as const;
const WIDE_FANIN = 2;

function fields(names: readonly string[]): { key: string; codeVersion: string }[] {
  return names.map((key) => ({ key, codeVersion: "1" }));
}

/**
 * Builds a scenario's graph exactly as `_graphs.py` does: `simple` = `bench/simple_root` (audio,
 * frames) → `bench/simple_leaf` (prediction); `wide` = `bench/wide_root_0..1` (4 fields each) →
 * `bench/wide_leaf` (prediction_a, prediction_b), every field at code version "1", id `sample_uid`,
 * default hash truncation (8).
 *
 * @example
 * const { graph, leaf } = buildScenario("wide");
 */
export function buildScenario(name: ScenarioName): Scenario {
  const graph = new FeatureGraph({ project: PROJECT });
  if (name === "simple") {
    const rootFields = ["audio", "frames"];
    const root = graph.feature({
      key: "bench/simple_root",
      idColumns: ID_COLUMNS,
      fields: fields(rootFields),
    });
    const leafFields = ["prediction"];
    const leaf = graph.feature({
      key: "bench/simple_leaf",
      idColumns: ID_COLUMNS,
      deps: [root],
      fields: fields(leafFields),
    });
    return { name, graph, roots: [{ feature: root, fields: rootFields }], leaf, leafFields };
  }
  const roots = Array.from({ length: WIDE_FANIN }, (_, i) => ({
    feature: graph.feature({
      key: `bench/wide_root_${i}`,
      idColumns: ID_COLUMNS,
      fields: fields(WIDE_FIELDS),
    }),
    fields: [...WIDE_FIELDS],
  }));
  const leafFields = ["prediction_a", "prediction_b"];
  const leaf = graph.feature({
    key: "bench/wide_leaf",
    idColumns: ID_COLUMNS,
    deps: roots.map((r) => r.feature),
    fields: fields(leafFields),
  });
  return { name, graph, roots, leaf, leafFields };
}
