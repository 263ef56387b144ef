import type { Readable, Writable } from "node:stream";
import { COMPATIBLE_METAXY_VERSION } from "../../constants.js";
import { defaultContextLoader, type ProjectLocation } from "./default-context-loader.js";
import { loadMcpSdk } from "./load-mcp-sdk.js";
import type { McpContextLoader } from "./mcp-context.js";
import { registerTools } from "./register-tools.js";

/**
 * Options of {@link runMcpServer}.
 *
 * @example
 * const options: RunMcpServerOptions = { config: "metaxy.toml", cwd: "/repo" };
 */
export interface RunMcpServerOptions extends ProjectLocation {
  /** Where requests come from; default `process.stdin`. The server stops when it ends. */
  readonly input?: Readable;
  /** Where responses go; default `process.stdout` (so log to stderr only). */
  readonly output?: Writable;
  /** Replaces the default loader (config file + entrypoints + configured stores), e.g. in tests. */
  readonly loadContext?: McpContextLoader;
  /** Stops the server when aborted. */
  readonly signal?: AbortSignal;
}

/** What the server tells clients on initialize. */
const INSTRUCTIONS =
  "Metaxy tracks per-sample, per-field versions of ML feature metadata. Start with `list_features` to " +
  "see the feature graph, `get_feature` for one feature's spec, `list_stores` and `get_store` for the " +
  "metadata stores, `get_config` for the configuration, and `get_metadata` to query stored rows.";

/**
 * Runs the Metaxy MCP server (Python's `metaxy mcp`): a Model Context Protocol server named "metaxy"
 * speaking JSON-RPC over stdio, with the tools `get_config`, `list_features`, `get_feature`,
 * `list_stores`, `get_store` and `get_metadata`. Config, graph and stores are loaded afresh for every
 * tool call. Resolves when the input ends, the signal aborts or the client closes the session.
 * Needs the optional packages `@modelcontextprotocol/sdk` and `zod` (OptionalDependencyError
 * otherwise).
 *
 * @example
 * // bin: `metaxy mcp [--config-file metaxy.toml]`
 * await runMcpServer({ config: options.configFile });
 */
export async function runMcpServer(options: RunMcpServerOptions = {}): Promise<void> {
  const sdk = await loadMcpSdk();
  const server = new sdk.McpServer(
    { name: "metaxy", version: COMPATIBLE_METAXY_VERSION },
    { instructions: INSTRUCTIONS },
  );
  registerTools(server, sdk.z, options.loadContext ?? defaultContextLoader(options));
  const input = options.input ?? process.stdin;
  const transport = new sdk.StdioServerTransport(input, options.output ?? process.stdout);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  const stop = () => void server.close();
  input.once("end", stop);
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    await server.connect(transport);
    if (options.signal?.aborted) stop();
    await closed;
  } finally {
    input.off("end", stop);
    options.signal?.removeEventListener("abort", stop);
  }
}
