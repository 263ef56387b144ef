/**
 * `metaxy mcp` as a real process: the built CLI serves the MCP tools on stdio for a temp project.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JsonRpcClient } from "../integrations/mcp/json-rpc-client.js";
import { CLI_MAIN, OVERVIEW_VERSIONS, overviewProject, requireBuiltCli } from "./cli-harness.js";

describe("metaxy mcp", () => {
  const project = overviewProject('[stores.dev]\ntype = "memory"\n');
  const server = (() => {
    requireBuiltCli();
    return spawn(process.execPath, [CLI_MAIN, "mcp"], { cwd: project.dir, stdio: ["pipe", "pipe", "pipe"] });
  })();
  let stderr = "";
  server.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new JsonRpcClient(server.stdout, server.stdin);

  beforeAll(async () => {
    const init = await client.initialize();
    expect((init.serverInfo as { name: string }).name).toBe("metaxy");
  });

  afterAll(() => {
    server.stdin.end();
    project.cleanup();
  });

  it("lists the six tools", async () => {
    const tools = await client.request("tools/list");
    const names = (tools.result!.tools as { name: string }[]).map((t) => t.name).sort();
    expect(names).toEqual([
      "get_config",
      "get_feature",
      "get_metadata",
      "get_store",
      "list_features",
      "list_stores",
    ]);
  });

  it("answers list_features with the overview versions", async () => {
    const result = await client.callTool("list_features", {});
    expect(result.isError, stderr).toBe(false);
    const body = JSON.parse(result.text) as {
      feature_count: number;
      features: { key: string; version: string }[];
    };
    expect(body.feature_count).toBe(4);
    expect(Object.fromEntries(body.features.map((f) => [f.key, f.version]))).toEqual(
      Object.fromEntries(Object.entries(OVERVIEW_VERSIONS).map(([k, v]) => [k, v.version])),
    );
  });

  it("exits with code 0 when stdin closes", async () => {
    const code = new Promise<number | null>((resolve) => server.on("exit", resolve));
    server.stdin.end();
    expect(await code).toBe(0);
  });
});
