import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { tempProject } from "./temp-project.js";

describe("MetaxyConfig.getStore", () => {
  it("builds the configured backend with its fallback chain and the given graph", async () => {
    const cwd = tempProject({
      "metaxy.toml": `project = "demo"
store = "dev"
[stores.dev]
type = "memory"
[stores.dev.config]
fallback_stores = ["prod"]
hash_algorithm = "md5"
[stores.prod]
type = "metaxy.ext.polars.handlers.delta.DeltaMetadataStore"
[stores.prod.config]
root_path = "./prod-metadata"
hash_algorithm = "md5"
`,
    });
    const config = loadConfig({ cwd, env: {} });
    const graph = new FeatureGraph({ project: "demo" });
    const store = await config.getStore(undefined, { graph, materializationId: "run-1" });
    expect(store.constructor.name).toBe("InMemoryMetadataStore");
    expect(store.name).toBe("dev");
    expect(store.graph).toBe(graph);
    expect(store.hashAlgorithm).toBe("md5");
    expect(store.materializationId).toBe("run-1");
    expect(store.fallbackStores.map((s) => [s.constructor.name, s.name])).toEqual([
      ["DeltaMetadataStore", "prod"],
    ]);
    expect(store.fallbackStores[0]!.display()).toContain(`${cwd}/prod-metadata`);
  });

  it("names an unknown store", async () => {
    const config = loadConfig({
      cwd: tempProject({ "metaxy.toml": 'project = "demo"\n[stores.dev]\ntype = "memory"\n' }),
      env: {},
    });
    await expect(config.getStore("nope", { graph: new FeatureGraph() })).rejects.toMatchObject({
      code: "INVALID_CONFIG",
      message: expect.stringContaining('"nope"'),
    });
  });
});
