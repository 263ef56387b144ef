/**
 * Starts the Metaxy MCP server over this process's stdio with the default loader (the metaxy.toml
 * found from the working directory), as `metaxy mcp` does. Run by the MCP tests as a real process.
 */
import { runMcpServer } from "../../../src/integrations/mcp/run-mcp-server.js";

runMcpServer().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
