import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { z } from "zod";
import { OptionalDependencyError } from "../../errors.js";

/**
 * The parts of the optional packages the MCP server uses.
 *
 * @example
 * const { McpServer, StdioServerTransport, z } = await loadMcpSdk();
 */
export interface McpSdk {
  readonly McpServer: typeof McpServer;
  readonly StdioServerTransport: typeof StdioServerTransport;
  readonly z: typeof z;
}

/**
 * Imports a module by specifier (`import()` by default; tests point it elsewhere).
 *
 * @example
 * const importer: ModuleImporter = (specifier) => import(specifier);
 */
export type ModuleImporter = (specifier: string) => Promise<unknown>;

const SDK_PACKAGE = "@modelcontextprotocol/sdk";

/**
 * Loads `@modelcontextprotocol/sdk` and `zod`, optional dependencies imported only when the MCP
 * server starts. Throws {@link OptionalDependencyError} naming both packages and the install command
 * when either cannot be imported (the import error is the `cause`).
 *
 * @example
 * const sdk = await loadMcpSdk();
 * const server = new sdk.McpServer({ name: "metaxy", version: "0.1.10" });
 */
export async function loadMcpSdk(
  importer: ModuleImporter = (specifier) => import(specifier),
): Promise<McpSdk> {
  try {
    const [mcp, stdio, zod] = await Promise.all([
      importer(`${SDK_PACKAGE}/server/mcp.js`),
      importer(`${SDK_PACKAGE}/server/stdio.js`),
      importer("zod"),
    ]);
    return {
      McpServer: (mcp as { McpServer: typeof McpServer }).McpServer,
      StdioServerTransport: (stdio as { StdioServerTransport: typeof StdioServerTransport })
        .StdioServerTransport,
      z: (zod as { z: typeof z }).z,
    };
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new OptionalDependencyError(
      `mcp: the MCP server needs the optional packages ${SDK_PACKAGE} and zod; install them with \`npm install ${SDK_PACKAGE} zod\` (${reason})`,
      { cause },
    );
  }
}
