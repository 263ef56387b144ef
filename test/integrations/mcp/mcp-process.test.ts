/**
 * The MCP server as a real process: `serve.ts` runs `runMcpServer()` with the default loader in a
 * temp project (metaxy.toml + a TypeScript entrypoint + a Delta store seeded here), and the test
 * speaks JSON-RPC to it over stdio. Versions below agree with the Python reference
 * (`metaxy_ref.Graph.feature_version` / `version_by_field` on the same definitions).
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeatureGraph } from "../../../src/models/feature-graph.js";
import { DeltaMetadataStore } from "../../../src/store/delta-store/delta-metadata-store.js";
import { JsonRpcClient } from "./json-rpc-client.js";
import { defineFeatures } from "./project-features.js";

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const SERVE = fileURLToPath(new URL("./serve.ts", import.meta.url));
const FEATURES = fileURLToPath(new URL("./project-features.ts", import.meta.url));

let dir: string;
let root: string;
let server: ChildProcessWithoutNullStreams;
let client: JsonRpcClient;
let stderr = "";

function videoRow(id: number, path: string, fps: number, createdMs: number) {
  return {
    video_id: id,
    path,
    fps,
    metaxy_created_at: new Date(createdMs),
    metaxy_provenance_by_field: { audio: `a${id}`, frames: `f${id}` },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "metaxy-mcp-"));
  root = join(dir, "metadata");
  writeFileSync(
    join(dir, "metaxy.toml"),
    [
      'project = "demo"',
      'store = "dev"',
      'entrypoints = ["features.ts"]',
      "",
      "[stores.dev]",
      'type = "metaxy.ext.polars.DeltaMetadataStore"',
      "[stores.dev.config]",
      `root_path = ${JSON.stringify(root)}`,
      "",
      "[stores.scratch]",
      'type = "memory"',
      "",
    ].join("\n"),
  );
  writeFileSync(join(dir, "features.ts"), `export { defineFeatures } from ${JSON.stringify(FEATURES)};\n`);

  const graph = new FeatureGraph({ project: "demo" });
  defineFeatures(graph);
  const store = new DeltaMetadataStore({ graph, rootPath: root });
  await store.withOpen("w", async (s) => {
    await s.write(
      "video/raw",
      [
        videoRow(1, "/v/1.mp4", 24, 1700000000000),
        videoRow(2, "/v/2.mp4", 30, 1700000001000),
        videoRow(3, "/v/3.mp4", 30, 1700000002000),
      ],
      { materializationId: "seed" },
    );
    await s.write("video/raw", [videoRow(2, "/v/2-b.mp4", 30, 1700000003500)], { materializationId: "fix" });
    await s.delete("video/raw", ["video_id = 3"]);
  });

  server = spawn(process.execPath, ["--import", TSX_LOADER, SERVE], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", HOME: dir },
  });
  server.stderr.setEncoding("utf8");
  server.stderr.on("data", (chunk: string) => {
    stderr += chunk;
  });
  client = new JsonRpcClient(server.stdout, server.stdin);
});

afterAll(() => {
  if (server.exitCode === null) server.kill();
});

describe("metaxy MCP server (real process over stdio)", () => {
  it("initializes as the server named metaxy with instructions", async () => {
    const result = await client.initialize();
    expect(result.serverInfo).toEqual({ name: "metaxy", version: "0.1.10" });
    expect(result.capabilities).toMatchObject({ tools: {} });
    expect(result.instructions).toMatch(/^Metaxy tracks .* Start with `list_features`/);
  });

  it("lists the six tools with Python's parameter names and defaults", async () => {
    const { result } = await client.request("tools/list");
    const tools = (
      result!.tools as { name: string; inputSchema: { properties?: Record<string, unknown> } }[]
    ).sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(tools.map((t) => t.name)).toEqual([
      "get_config",
      "get_feature",
      "get_metadata",
      "get_store",
      "list_features",
      "list_stores",
    ]);
    const metadata = tools.find((t) => t.name === "get_metadata")!.inputSchema;
    expect(Object.keys(metadata.properties!)).toEqual([
      "feature_key",
      "store_name",
      "columns",
      "filters",
      "with_feature_history",
      "with_sample_history",
      "include_soft_deleted",
      "allow_fallback",
      "sort_by",
      "descending",
      "limit",
    ]);
    expect(metadata).toMatchObject({
      required: ["feature_key", "store_name"],
      properties: {
        limit: { type: "integer", default: 50 },
        allow_fallback: { type: "boolean", default: true },
      },
    });
  });

  it("get_config: the config as JSON plus config_file", async () => {
    const { isError, structured, text } = await client.callTool("get_config");
    expect(isError).toBe(false);
    expect(JSON.parse(text)).toEqual(structured);
    expect(structured).toMatchObject({
      project: "demo",
      store: "dev",
      entrypoints: ["features.ts"],
      stores: {
        dev: { type: "metaxy.ext.polars.DeltaMetadataStore", config: { root_path: root } },
        scratch: { type: "memory" },
      },
      config_file: join(dir, "metaxy.toml"),
    });
  });

  it("list_features: every feature, or one project's, with versions and (verbose) dependencies", async () => {
    const all = await client.callTool("list_features");
    expect(all.structured).toEqual({
      feature_count: 3,
      features: [
        {
          key: "video/raw",
          version: "b9bb54e4",
          is_root: true,
          project: "demo",
          import_path: "features.ts#defineFeatures",
          field_count: 2,
          fields: [
            { key: "audio", code_version: "__metaxy_initial__", version: "dd2fbdf2" },
            { key: "frames", code_version: "__metaxy_initial__", version: "3f6f401c" },
          ],
        },
        {
          key: "video/faces",
          version: "a6c036cc",
          is_root: false,
          project: "demo",
          import_path: "features.ts#defineFeatures",
          field_count: 1,
          fields: [{ key: "faces", code_version: "2", version: "74caa8d7" }],
        },
        {
          key: "shared/labels",
          version: "37f484a1",
          is_root: true,
          project: "other",
          import_path: "features.ts#defineFeatures",
          field_count: 1,
          fields: [{ key: "default", code_version: "__metaxy_initial__", version: "b248bec7" }],
        },
      ],
    });
    const verbose = await client.callTool("list_features", { project: "demo", verbose: true });
    const features = (verbose.structured as { feature_count: number; features: Record<string, unknown>[] })
      .features;
    expect(features.map((f) => f.key)).toEqual(["video/raw", "video/faces"]);
    expect(features[0]).not.toHaveProperty("deps");
    expect(features[1]!.deps).toEqual(["video/raw"]);
    expect(features[1]!.fields).toEqual([
      {
        key: "faces",
        code_version: "2",
        version: "74caa8d7",
        deps: [{ feature: "video/raw", fields: ["frames"] }],
      },
    ]);
  });

  it("get_feature: the spec JSON; unknown features are tool errors", async () => {
    const { structured } = await client.callTool("get_feature", { feature_key: "video/faces" });
    expect(structured).toEqual({
      key: "video/faces",
      id_columns: ["video_id"],
      deps: [
        {
          feature: "video/raw",
          select: null,
          rename: { path: "video_path" },
          fields_mapping: { mapping: { type: "default", match_suffix: false, exclude_fields: [] } },
          sql_filters: null,
          lineage: { relationship: { type: "1:1" } },
          optional: false,
        },
      ],
      fields: [{ key: "faces", code_version: "2", deps: [{ feature: "video/raw", fields: ["frames"] }] }],
      metadata: {},
      description: null,
    });
    const missing = await client.callTool("get_feature", { feature_key: "video/none" });
    expect(missing).toMatchObject({ isError: true, text: 'graph: feature "video/none" is not in the graph' });
  });

  it("list_stores and get_store", async () => {
    expect((await client.callTool("list_stores")).structured).toEqual({
      result: [
        { name: "dev", type: "metaxy.ext.polars.DeltaMetadataStore" },
        { name: "scratch", type: "memory" },
      ],
    });
    const dev = await client.callTool("get_store", { store_name: "dev" });
    expect(dev.text).toBe(`[dev] DeltaMetadataStore(path=${root})`);
    expect(dev.structured).toEqual({ result: `[dev] DeltaMetadataStore(path=${root})` });
    expect((await client.callTool("get_store", { store_name: "scratch" })).text).toBe(
      "[scratch] InMemoryMetadataStore()",
    );
    expect((await client.callTool("get_store", { store_name: "prod" })).isError).toBe(true);
  });

  it("get_metadata: current rows, sorted and limited, timestamps as ISO strings", async () => {
    const current = await client.callTool("get_metadata", {
      feature_key: "video/raw",
      store_name: "dev",
      columns: ["video_id", "path", "fps", "metaxy_created_at", "metaxy_materialization_id"],
      sort_by: ["video_id"],
    });
    expect(current.structured).toEqual({
      columns: ["video_id", "path", "fps", "metaxy_created_at", "metaxy_materialization_id"],
      rows: [
        {
          video_id: 1,
          path: "/v/1.mp4",
          fps: 24,
          metaxy_created_at: "2023-11-14T22:13:20Z",
          metaxy_materialization_id: "seed",
        },
        {
          video_id: 2,
          path: "/v/2-b.mp4",
          fps: 30,
          metaxy_created_at: "2023-11-14T22:13:23.500000Z",
          metaxy_materialization_id: "fix",
        },
      ],
      total_rows: 2,
    });
    const top = await client.callTool("get_metadata", {
      feature_key: "video/raw",
      store_name: "dev",
      columns: ["video_id"],
      sort_by: ["video_id"],
      descending: true,
      limit: 1,
    });
    expect(top.structured).toEqual({ columns: ["video_id"], rows: [{ video_id: 2 }], total_rows: 1 });
  });

  it("get_metadata: filters, sample history and soft-deleted rows", async () => {
    const call = async (extra: Record<string, unknown>) =>
      (
        (
          await client.callTool("get_metadata", {
            feature_key: "video/raw",
            store_name: "dev",
            columns: ["video_id", "path"],
            sort_by: ["video_id", "path"],
            ...extra,
          })
        ).structured as { rows: { video_id: number; path: string }[] }
      ).rows.map((r) => `${r.video_id}:${r.path}`);
    expect(await call({ filters: ["fps > 24"] })).toEqual(["2:/v/2-b.mp4"]);
    expect(await call({ include_soft_deleted: true })).toEqual(["1:/v/1.mp4", "2:/v/2-b.mp4", "3:/v/3.mp4"]);
    // Sample history keeps the live row 3 written before its tombstone (only the tombstone is deleted).
    expect(await call({ with_sample_history: true })).toEqual([
      "1:/v/1.mp4",
      "2:/v/2-b.mp4",
      "2:/v/2.mp4",
      "3:/v/3.mp4",
    ]);
    expect(await call({ with_sample_history: true, include_soft_deleted: true })).toEqual([
      "1:/v/1.mp4",
      "2:/v/2-b.mp4",
      "2:/v/2.mp4",
      "3:/v/3.mp4",
      "3:/v/3.mp4",
    ]);
  });

  it("get_metadata: errors become tool errors naming the cause", async () => {
    const base = { feature_key: "video/raw", store_name: "dev" };
    expect(await client.callTool("get_metadata", { ...base, filters: ["fps >"] })).toMatchObject({
      isError: true,
    });
    expect(
      await client.callTool("get_metadata", { feature_key: "video/faces", store_name: "dev" }),
    ).toMatchObject({
      isError: true,
      text: expect.stringMatching(/video\/faces/),
    });
    const invalid = await client.callTool("get_metadata", { ...base, limit: -1 });
    expect(invalid.isError).toBe(true);
    expect(invalid.text).toMatch(
      /^MCP error -32602: Input validation error: Invalid arguments for tool get_metadata/,
    );
  });

  it("exits when its input ends", async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.stdin.end();
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
  });
});
