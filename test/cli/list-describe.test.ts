import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, metaxy, OVERVIEW_BODY, requireBuiltCli, tempProject } from "./cli-harness.js";

// The overview graph plus a feature of another project that depends on it.
const multi = tempProject({
  "package.json": JSON.stringify({ name: "multi", type: "module" }),
  "metaxy.toml": `project = "example_overview"
entrypoints = ["./features.mjs"]
store = "dev"
[stores.dev]
type = "memory"
[stores.shared]
type = "metaxy.InMemoryMetadataStore"
[stores.shared.config]
hash_algorithm = "xxhash64"
[stores.dev2]
type = "memory"
[stores.dev2.config]
fallback_stores = ["shared"]
`,
  "features.mjs": `import { FeatureGraph } from "metaxy";
${OVERVIEW_BODY}
graph.feature({ key: "other/summary", idColumns: ["sample_uid"], deps: ["example/stt"], project: "other",
  description: "Summary of\\nthe transcript", metadata: { owner: "ml", weight: 1.5 },
  fields: [{ key: "text", codeVersion: "2" }] });
export default graph;
`,
});

beforeAll(requireBuiltCli);
afterAll(() => multi.cleanup());

describe("metaxy list", () => {
  it("lists the current project's features, or every project's with --all-projects", async () => {
    const [plain, mine, all, other] = await Promise.all([
      metaxy(multi.dir, ["list", "features"]),
      metaxy(multi.dir, ["list", "features", "--format", "json"]),
      metaxy(multi.dir, ["--all-projects", "list", "features", "--format", "json", "-v"]),
      metaxy(multi.dir, ["list", "features", "--project", "other", "-f", "json"]),
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toBe(`                 Project: example_overview
┏━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┓
┃ Feature                ┃ Version  ┃ Source               ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━┩
│ example/video          │ c2ac395f │ features.mjs#default │
│ example/crop           │ 34d75856 │ features.mjs#default │
│ example/face_detection │ f1526ee0 │ features.mjs#default │
│ example/stt            │ d953dea4 │ features.mjs#default │
└────────────────────────┴──────────┴──────────────────────┘
Total: 4 feature(s) (1 root, 3 dependent)
`);
    const listing = json(mine) as { feature_count: number; features: { key: string }[] };
    expect(listing.feature_count).toBe(4);
    const everything = json(all) as { feature_count: number; features: Record<string, unknown>[] };
    expect(everything.feature_count).toBe(5);
    const summary = everything.features.find((f) => f.key === "other/summary")!;
    expect(summary).toEqual({
      key: "other/summary",
      version: expect.stringMatching(/^[0-9a-f]{8}$/),
      is_root: false,
      is_external: false,
      project: "other",
      source: "features.mjs#default",
      field_count: 1,
      fields: [
        {
          key: "text",
          code_version: "2",
          version: expect.stringMatching(/^[0-9a-f]{8}$/),
          deps: [{ feature: "example/stt", fields: ["transcription"] }],
        },
      ],
      deps: ["example/stt"],
    });
    const crop = everything.features.find((f) => f.key === "example/crop")!;
    expect(crop.fields).toEqual([
      {
        key: "audio",
        code_version: "1",
        version: "4c726c4b",
        deps: [{ feature: "example/video", fields: ["audio"] }],
      },
      {
        key: "frames",
        code_version: "1",
        version: "2419e09d",
        deps: [{ feature: "example/video", fields: ["frames"] }],
      },
    ]);
    expect((json(other) as { features: { key: string }[] }).features.map((f) => f.key)).toEqual([
      "other/summary",
    ]);
  });

  it("adds dependencies and per-field tables with -v", async () => {
    const run = await metaxy(multi.dir, ["list", "features", "-v"]);
    expect(run.stdout).toContain(
      "│ example/face_detection │ f1526ee0 │ features.mjs#default │ example/crop  │",
    );
    expect(run.stdout).toContain(`                 example/face_detection
┏━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┓
┃ Field ┃ Code Version ┃ Version  ┃ Dependencies        ┃
┡━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━┩
│ faces │ 1            │ 006efeef │ example/crop.frames │
└───────┴──────────────┴──────────┴─────────────────────┘
`);
    expect(run.stdout).toContain("│ audio  │ 1            │ 22742381 │ -            │");
    expect(run.stdout.endsWith("Total: 4 feature(s) (1 root, 3 dependent)\n")).toBe(true);
  });

  it("lists stores with their descriptions and fallbacks", async () => {
    const run = await metaxy(multi.dir, ["list", "stores", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toEqual({
      default_store: "dev",
      store_count: 3,
      stores: [
        { name: "dev", is_default: true, info: "[dev] InMemoryMetadataStore()", fallbacks: [] },
        { name: "shared", is_default: false, info: "[shared] InMemoryMetadataStore()", fallbacks: [] },
        { name: "dev2", is_default: false, info: "[dev2] InMemoryMetadataStore()", fallbacks: ["shared"] },
      ],
    });
    const plain = await metaxy(multi.dir, ["list", "stores"]);
    expect(plain.stdout).toContain("│ dev (default) │ [dev] InMemoryMetadataStore()    │ -         │");
  });
});

describe("metaxy describe", () => {
  it("describes the graph of the current project", async () => {
    const [asJson, plain, all] = await Promise.all([
      metaxy(multi.dir, ["describe", "graph", "--format", "json"]),
      metaxy(multi.dir, ["describe", "graph"]),
      metaxy(multi.dir, ["--all-projects", "describe", "graph", "--format", "json"]),
    ]);
    const info = json(asJson) as Record<string, unknown>;
    expect(info).toEqual({
      metaxy_project_version: expect.stringMatching(/^[0-9a-f]{8}$/),
      total_features: 5,
      filtered_features: 4,
      filter_project: "example_overview",
      graph_depth: 3,
      root_features: ["example/video"],
      leaf_features: ["example/face_detection", "example/stt"],
      projects: { example_overview: 4, other: 1 },
    });
    expect(plain.stderr).toBe("Describing current graph from code\n");
    expect(plain.stdout).toContain(
      "│ Total Features               │     5 │\n│ Features in example_overview │     4 │",
    );
    expect(plain.stdout).toContain(
      "Features by Project:\n  • example_overview: 4 features\n  • other: 1 features",
    );
    expect(plain.stdout).toContain("Leaf Features:\n  • example/face_detection\n  • example/stt\n");
    expect(json(all)).toMatchObject({
      total_features: 5,
      graph_depth: 3,
      leaf_features: ["example/face_detection", "other/summary"],
    });
  });

  it("describes features as text and JSON", async () => {
    const [one, two, text] = await Promise.all([
      metaxy(multi.dir, ["describe", "features", "other/summary", "--format", "json"]),
      metaxy(multi.dir, ["describe", "features", "example/video", "example__stt", "-f", "json"]),
      metaxy(multi.dir, ["describe", "features", "other/summary"]),
    ]);
    expect(json(one)).toEqual({
      project: "other",
      key: "other/summary",
      version: expect.stringMatching(/^[0-9a-f]{8}$/),
      description: "Summary of\nthe transcript",
      is_external: false,
      source: "features.mjs#default",
      id_columns: ["sample_uid"],
      fields: [
        {
          key: "text",
          code_version: "2",
          version: expect.stringMatching(/^[0-9a-f]{8}$/),
          deps: [{ feature: "example/stt", fields: ["transcription"] }],
        },
      ],
      dependencies: [{ feature: "example/stt" }],
      metadata: { owner: "ml", weight: 1.5 },
    });
    const both = json(two) as { features: { key: string; version: string }[] };
    expect(both.features.map((f) => [f.key, f.version])).toEqual([
      ["example/video", "c2ac395f"],
      ["example/stt", "d953dea4"],
    ]);
    expect(text.stdout).toMatch(
      /^other\/summary \([0-9a-f]{8}\) other\n {2}Source: features\.mjs#default\n\n {2}Summary of\n {2}the transcript\n\n {2}ID columns: sample_uid\n {2}Fields:\n {4}text \([0-9a-f]{8}\) ← example\/stt:\(transcription\)\n {2}Dependencies:\n {4}example\/stt\n {2}Metadata: \{"owner": "ml", "weight": 1\.5\}\n$/,
    );
  });

  it("fails on unknown and invalid keys with Python's error codes", async () => {
    const [unknown, invalid, plainUnknown] = await Promise.all([
      metaxy(multi.dir, ["describe", "features", "example/video", "nope/x", "--format", "json"]),
      metaxy(multi.dir, ["describe", "features", "Bad/Key", "--format", "json"]),
      metaxy(multi.dir, ["describe", "features", "nope/x"]),
    ]);
    expect(unknown.code).toBe(1);
    expect(json(unknown)).toEqual({
      error: "FEATURES_NOT_FOUND",
      message: "describe features: feature not found in the graph: nope/x",
      missing_features: ["nope/x"],
    });
    expect(invalid.code).toBe(1);
    expect(json(invalid)).toMatchObject({ error: "INVALID_FEATURE_KEY", key: "Bad/Key" });
    expect(plainUnknown.code).toBe(1);
    expect(plainUnknown.stdout).toBe("");
    expect(plainUnknown.stderr).toBe("Error: describe features: feature not found in the graph: nope/x\n");
  });
});

describe("metaxy config print", () => {
  it("prints the effective configuration as TOML or JSON", async () => {
    const [toml, asJson, overridden] = await Promise.all([
      metaxy(multi.dir, ["config", "print"]),
      metaxy(multi.dir, ["config", "print", "--format", "json"]),
      metaxy(multi.dir, ["--project", "other", "config", "print", "-f", "json"], { METAXY_STORE: "dev2" }),
    ]);
    expect(toml.code).toBe(0);
    expect(toml.stdout).toContain('project = "example_overview"');
    expect(toml.stdout).toContain("[stores.dev2.config]");
    const config = json(asJson) as Record<string, unknown>;
    expect(config).toMatchObject({ project: "example_overview", store: "dev", hash_truncation_length: 8 });
    expect(json(overridden)).toMatchObject({ project: "other", store: "dev2" });
  });
});
