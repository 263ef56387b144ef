import { Command, Option } from "commander";
import { COMPATIBLE_METAXY_VERSION } from "../constants.js";
import type { CliIO } from "./cli-io.js";
import { type RunState, runner } from "./command-runner.js";
import { configPrint } from "./commands/config-print.js";
import { describeFeatures } from "./commands/describe-features.js";
import { describeGraphCommand } from "./commands/describe-graph.js";
import { type GraphRenderOptions, graphRender } from "./commands/graph-render.js";
import { listFeatures } from "./commands/list-features.js";
import { listStores } from "./commands/list-stores.js";
import { addRenderOptions } from "./render-options.js";
import { registerStoreCommands } from "./store-commands.js";

function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

/**
 * Builds the `metaxy` command tree (commander) for one run.
 *
 * @example
 * await buildProgram(processIO(), { exitCode: 0 }).parseAsync(["list", "features"], { from: "user" });
 */
export function buildProgram(io: CliIO, state: RunState): Command {
  const program = new Command("metaxy")
    .description("Metaxy: incremental metadata for ML pipelines (TypeScript port)")
    .version(`metaxy-ts (compatible with Metaxy ${COMPATIBLE_METAXY_VERSION})`, "--version")
    .option("--config-file <path>", "metaxy.toml to use (default: discovered from the working directory)")
    .option("--project <name>", "act on this project instead of the configured one")
    .option("--all-projects", "do not filter by project")
    .option("--entrypoint <module>", "extra feature entrypoint (repeatable)", collect)
    .showHelpAfterError()
    .exitOverride();
  const run = (body: Parameters<typeof runner>[2]) => runner(io, state, body);
  const format = (choices: readonly string[], fallback: string) =>
    new Option("-f, --format <format>", "output format").choices(choices).default(fallback);

  const list = program.command("list").description("list features or stores");
  list
    .command("features")
    .alias("feature")
    .description("list the features of the current project")
    .option("-v, --verbose", "add dependencies and per-field details", false)
    .addOption(format(["plain", "json"], "plain"))
    .action(
      run((ctx, _args, o) => listFeatures(ctx, { verbose: o.verbose === true, format: o.format as never })),
    );
  list
    .command("stores")
    .alias("store")
    .description("list the configured metadata stores")
    .addOption(format(["plain", "json"], "plain"))
    .action(run((ctx, _args, o) => listStores(ctx, { format: o.format as never })));

  const describe = program.command("describe").description("describe the graph or features");
  describe
    .command("graph")
    .description("feature count, depth, roots and leaves of the graph")
    .option("--snapshot <version>", "check this pushed project version exists")
    .option("--store <name>", "store holding the snapshot")
    .addOption(format(["plain", "json"], "plain"))
    .action(run((ctx, _args, o) => describeGraphCommand(ctx, o as never)));
  describe
    .command("features")
    .alias("feature")
    .description("describe features in detail")
    .argument("<keys...>", "feature keys (a/b)")
    .addOption(format(["plain", "json"], "plain"))
    .action(run((ctx, args, o) => describeFeatures(ctx, args[0] as string[], { format: o.format as never })));

  const graph = program.command("graph").description("render the feature graph");
  addRenderOptions(
    graph
      .command("render")
      .description("render the feature graph (terminal tree, Mermaid or Graphviz DOT)")
      .addOption(format(["terminal", "mermaid", "graphviz", "dot"], "terminal"))
      .option("-o, --output <file>", "write to a file instead of stdout")
      .option("--snapshot <version>", "render a pushed project version instead of the current graph")
      .option("--store <name>", "store holding the snapshot"),
  ).action(run((ctx, _args, o) => graphRender(ctx, o as unknown as GraphRenderOptions)));

  program
    .command("config")
    .description("show the configuration")
    .command("print")
    .description("print the effective configuration")
    .addOption(format(["toml", "json"], "toml"))
    .action(run((ctx, _args, o) => configPrint(ctx, { format: o.format as never })));

  registerStoreCommands(program, run);

  program
    .command("mcp")
    .description("serve the Model Context Protocol tools on stdio (needs @modelcontextprotocol/sdk)")
    .action(
      run(async (ctx) => {
        // Loaded on demand: the MCP SDK is an optional dependency.
        const { runMcpServer } = await import("../integrations/mcp/run-mcp-server.js");
        const configFile = ctx.globals.configFile;
        await runMcpServer(configFile === undefined ? {} : { config: configFile });
      }),
    );
  return program;
}
