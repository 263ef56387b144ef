import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { makeRootData, mutateRoot, rootFrame } from "./data.js";
import { duckdbLeafCopy } from "./duckdb-sql.js";
import { buildScenario } from "./graphs.js";
import { duckdbLeafPath, ourAlgorithm, type RoundSpec, storeDir } from "./jobs.js";
import { activeFiles, benchStore } from "./store.js";

/**
 * Untimed setup of the `new` phase: writes every root's frame (the paper's data, Map datatype) to a
 * fresh store; the leaf has no table.
 *
 * @example
 * await setupNew(round);
 */
export async function setupNew(round: RoundSpec): Promise<void> {
  const scenario = buildScenario(round.scenario);
  const store = benchStore(storeDir(round), scenario.graph, ourAlgorithm(round.config), round.kernels);
  await store.withOpen("w", async (s) => {
    for (const [k, root] of scenario.roots.entries()) {
      await s.write(root.feature, rootFrame(makeRootData(round.n, root.fields, k), true));
    }
  });
}

/**
 * Untimed setup of the `stale` phase, continuing a round after its `new` measurement: resolves
 * and writes the leaf; in the paper configuration writes DuckDB's own leaf (its `hash()`
 * provenance, see `duckdbLeafCopy`); then appends root 0's mutated rows (10% of `audio` bumped,
 * `random.Random(777)`), which makes them the latest.
 *
 * @example
 * await setupStale(round);
 */
export async function setupStale(round: RoundSpec): Promise<void> {
  const scenario = buildScenario(round.scenario);
  const root = storeDir(round);
  const store = benchStore(root, scenario.graph, ourAlgorithm(round.config), round.kernels);
  await store.withOpen("w", async (s) => {
    const inc = await s.resolveUpdate(scenario.leaf);
    await s.write(scenario.leaf, inc.new);
  });
  if (round.config === "paper") {
    const roots: Record<string, readonly string[]> = {};
    for (const r of scenario.roots)
      roots[r.feature.key.toString()] = (await activeFiles(root, r.feature.key))!;
    const leaf = (await activeFiles(root, scenario.leaf.key))!;
    const target = duckdbLeafPath(round);
    mkdirSync(dirname(target), { recursive: true });
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run("SET threads = 2");
    await connection.run(duckdbLeafCopy(scenario, roots, leaf, target));
    connection.closeSync();
    instance.closeSync();
  }
  const root0 = scenario.roots[0]!;
  const mutated = mutateRoot(makeRootData(round.n, root0.fields, 0));
  await store.withOpen("w", (s) => s.write(root0.feature, rootFrame(mutated.data, true, mutated.ids)));
}
