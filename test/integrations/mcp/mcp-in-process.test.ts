/**
 * The MCP server in this process over pipes, with an injected context loader (an in-memory store),
 * plus the pieces it is built from: JSON rendering of cells, sorting, tool results, SDK loading.
 */
import { PassThrough } from "node:stream";
import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int64,
  List,
  Struct,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  Utf8,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { rowsToTable } from "../../../src/arrow/rows-to-table.js";
import { loadConfig } from "../../../src/config/load-config.js";
import { InvalidArgumentError, OptionalDependencyError } from "../../../src/errors.js";
import { jsonRows, jsonValue } from "../../../src/integrations/mcp/json-cells.js";
import { loadMcpSdk } from "../../../src/integrations/mcp/load-mcp-sdk.js";
import type { McpContext } from "../../../src/integrations/mcp/mcp-context.js";
import { runMcpServer } from "../../../src/integrations/mcp/run-mcp-server.js";
import { sortOrder } from "../../../src/integrations/mcp/sort-order.js";
import { toolResult } from "../../../src/integrations/mcp/tool-result.js";
import { FeatureGraph } from "../../../src/models/feature-graph.js";
import { InMemoryMetadataStore } from "../../../src/store/memory/in-memory-metadata-store.js";
import { expectThrow } from "../../conformance/harness.js";
import { JsonRpcClient } from "./json-rpc-client.js";
import { defineFeatures } from "./project-features.js";

/** A server on pipes; `stop()` ends its input and waits for `runMcpServer` to resolve. */
function pipedServer(loadContext: () => Promise<McpContext>) {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const running = runMcpServer({ input: toServer, output: fromServer, loadContext });
  const client = new JsonRpcClient(fromServer, toServer);
  return {
    client,
    stop: async () => {
      toServer.end();
      await running;
    },
  };
}

describe("runMcpServer with an injected loader", () => {
  it("reloads the context for every call and serves an in-memory store", async () => {
    const config = loadConfig({
      configFile: null,
      overrides: { project: "demo", store: "mem", stores: { mem: { type: "memory" } } },
      emitWarnings: false,
    });
    const graph = new FeatureGraph({ project: "demo" });
    defineFeatures(graph);
    const store = new InMemoryMetadataStore({ graph, name: "mem" });
    await store.withOpen("w", (s) =>
      s.write(
        "video/raw",
        [3, 1, 2].map((id) => ({
          video_id: id,
          path: `/v/${id}.mp4`,
          fps: id === 2 ? null : 25,
          metaxy_provenance_by_field: { audio: `a${id}`, frames: `f${id}` },
        })),
      ),
    );
    let loads = 0;
    const { client, stop } = pipedServer(async () => {
      loads += 1;
      return {
        config,
        graph,
        store: async (name) => {
          if (name !== "mem") throw new Error(`no store "${name}"`);
          return store;
        },
      };
    });
    await client.initialize();
    expect(loads).toBe(0);
    expect((await client.callTool("list_stores")).structured).toEqual({
      result: [{ name: "mem", type: "memory" }],
    });
    const rows = await client.callTool("get_metadata", {
      feature_key: "video/raw",
      store_name: "mem",
      columns: ["video_id", "fps"],
      sort_by: ["fps", "video_id"],
      descending: [true, false],
    });
    // Nulls first in both directions (Polars' default).
    expect(rows.structured).toEqual({
      columns: ["video_id", "fps"],
      rows: [
        { video_id: 2, fps: null },
        { video_id: 1, fps: 25 },
        { video_id: 3, fps: 25 },
      ],
      total_rows: 3,
    });
    const mismatch = await client.callTool("get_metadata", {
      feature_key: "video/raw",
      store_name: "mem",
      sort_by: ["fps"],
      descending: [true, false],
    });
    expect(mismatch).toMatchObject({
      isError: true,
      text: "mcp: descending has 2 entries but sort_by has 1 (fps)",
    });
    expect((await client.callTool("get_store", { store_name: "other" })).text).toBe('no store "other"');
    expect((await client.callTool("get_config")).structured).toMatchObject({
      project: "demo",
      config_file: null,
    });
    expect(loads).toBe(5);
    await stop();
  });

  it("stops when the signal aborts", async () => {
    const controller = new AbortController();
    const input = new PassThrough();
    const running = runMcpServer({
      input,
      output: new PassThrough(),
      signal: controller.signal,
      loadContext: async () => {
        throw new Error("not called");
      },
    });
    controller.abort();
    await expect(running).resolves.toBeUndefined();
  });
});

describe("jsonValue / jsonRows", () => {
  it("renders timestamps as ISO 8601 with microseconds, Z when zoned", () => {
    expect(jsonValue(1700000000000001n, new TimestampMicrosecond("UTC"))).toBe("2023-11-14T22:13:20.000001Z");
    expect(jsonValue(1700000000000000n, new TimestampMicrosecond("UTC"))).toBe("2023-11-14T22:13:20Z");
    expect(jsonValue(1700000000123n, new TimestampMillisecond(null))).toBe("2023-11-14T22:13:20.123000");
    expect(jsonValue(1700000000000000999n, new TimestampNanosecond("UTC"))).toBe("2023-11-14T22:13:20Z");
    expect(jsonValue(-1n, new TimestampMicrosecond("UTC"))).toBe("1969-12-31T23:59:59.999999Z");
  });

  it("renders 64-bit integers, floats, structs, lists and dates as JSON", () => {
    expect(jsonValue(2n ** 53n, new Int64())).toBe("9007199254740992");
    expect(jsonValue(-(2n ** 53n) + 1n, new Int64())).toBe(-9007199254740991);
    expect(jsonValue(Number.NaN, new Float64())).toBeNull();
    expect(jsonValue(Number.POSITIVE_INFINITY, new Float64())).toBeNull();
    expect(jsonValue(true, new Bool())).toBe(true);
    const struct = new Struct([
      new Field("at", new TimestampMicrosecond("UTC")),
      new Field("n", new Int64()),
    ]);
    expect(jsonValue({ at: 0n, n: 5n }, struct)).toEqual({ at: "1970-01-01T00:00:00Z", n: 5 });
    expect(jsonValue([1n, null], new List(new Field("item", new Int64())))).toEqual([1, null]);
    expect(jsonValue(new Date(Date.UTC(2024, 1, 29)), new DateDay())).toBe("2024-02-29");
    expect(jsonValue(null, new Utf8())).toBeNull();
  });

  it("reads the chosen rows of a table in the given order", async () => {
    const table = rowsToTable([
      { id: 1, name: "a", tags: { x: "1" } },
      { id: 2, name: null, tags: { x: "2" } },
    ]);
    expect(jsonRows(table, [1, 0])).toEqual([
      { id: 2, name: null, tags: { x: "2" } },
      { id: 1, name: "a", tags: { x: "1" } },
    ]);
  });
});

describe("sortOrder", () => {
  it("sorts stably, strings by code point, booleans false first, nulls first", () => {
    const table = rowsToTable([
      { s: "\uffff", b: true, n: 1 },
      { s: "\u{1f600}", b: false, n: 1 },
      { s: null, b: true, n: 0 },
      { s: "a", b: null, n: 0 },
    ]);
    expect(sortOrder(table, ["s"])).toEqual([2, 3, 0, 1]);
    expect(sortOrder(table, ["s"], true)).toEqual([2, 1, 0, 3]);
    expect(sortOrder(table, ["b"])).toEqual([3, 1, 0, 2]);
    expect(sortOrder(table, ["n"])).toEqual([2, 3, 0, 1]);
    expect(sortOrder(table, [])).toEqual([0, 1, 2, 3]);
    expectThrow(
      () => sortOrder(table, ["zz"]),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
      /^mcp: cannot sort by "zz": no such column \(columns: s, b, n\)$/,
    );
  });
});

describe("toolResult", () => {
  it("shapes objects, lists and strings as FastMCP does", () => {
    expect(toolResult({ a: 1 })).toEqual({
      content: [{ type: "text", text: '{"a":1}' }],
      structuredContent: { a: 1 },
    });
    expect(toolResult([1])).toEqual({
      content: [{ type: "text", text: "[1]" }],
      structuredContent: { result: [1] },
    });
    expect(toolResult("x")).toEqual({
      content: [{ type: "text", text: "x" }],
      structuredContent: { result: "x" },
    });
  });
});

describe("loadMcpSdk", () => {
  it("loads the SDK and zod", async () => {
    const sdk = await loadMcpSdk();
    expect(typeof sdk.McpServer).toBe("function");
    expect(typeof sdk.StdioServerTransport).toBe("function");
    expect(sdk.z.string().parse("x")).toBe("x");
  });

  it("names the missing packages when they cannot be imported", async () => {
    const error = await loadMcpSdk((specifier) => import(`${specifier}-not-installed`)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OptionalDependencyError);
    expect((error as OptionalDependencyError).code).toBe("OPTIONAL_DEPENDENCY");
    expect((error as Error).message).toMatch(
      /^mcp: the MCP server needs the optional packages @modelcontextprotocol\/sdk and zod; install them with `npm install @modelcontextprotocol\/sdk zod` \(/,
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
