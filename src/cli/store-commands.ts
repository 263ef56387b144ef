import { type Command, InvalidArgumentError, Option } from "commander";
import { CliError } from "./cli-error.js";
import type { CommandBody } from "./command-runner.js";
import { type GraphDiffOptions, graphDiff } from "./commands/graph-diff.js";
import { history } from "./commands/history.js";
import { type MetadataCopyOptions, metadataCopy } from "./commands/metadata-copy.js";
import { type MetadataDeleteOptions, metadataDelete } from "./commands/metadata-delete.js";
import { metadataRebase } from "./commands/metadata-rebase.js";
import { type MetadataStatusOptions, metadataStatus } from "./commands/metadata-status.js";
import { parseTags, push } from "./commands/push.js";
import { addRenderOptions } from "./render-options.js";

type Run = (body: CommandBody) => (...params: unknown[]) => Promise<void>;

function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected an integer >= 1, got "${value}"`);
  return n;
}

function format(choices: readonly string[], fallback: string): Option {
  return new Option("-f, --format <format>", "output format").choices(choices).default(fallback);
}

/**
 * Registers the commands that need a metadata store: `push`, `history`, `graph-diff render` and the
 * `metadata` group (`status`, `delete`, `copy`, `rebase`).
 *
 * @example
 * registerStoreCommands(program, (body) => runner(io, state, body));
 */
export function registerStoreCommands(program: Command, run: Run): void {
  program
    .command("push")
    .description("record the project's feature definitions in the store (prints the project version)")
    .option("--store <name>", "store to push to (default: the configured store)")
    .option("-t, --tags <key=value>", "tag the snapshot (repeatable; or --tags.KEY VALUE)", collect)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      run((ctx, _args, o, command) =>
        push(ctx, {
          ...(o.store === undefined ? {} : { store: o.store as string }),
          // Unknown options (`--tags.KEY VALUE`) and their values land in `command.args`.
          tags: parseTags(command.args, (o.tags as string[] | undefined) ?? []),
        }),
      ),
    );

  program
    .command("history")
    .description("list the pushed graph snapshots, newest first")
    .option("--store <name>", "store to read")
    .option("--limit <n>", "show at most N snapshots", positiveInteger)
    .addOption(format(["plain", "json"], "plain"))
    .action(run((ctx, _args, o) => history(ctx, o as never)));

  addRenderOptions(
    program
      .command("graph-diff")
      .description("compare graph snapshots")
      .command("render")
      .description("render the difference between two snapshots (latest | current | a project version)")
      .argument("<from>", "older snapshot: latest, current or a project version")
      .argument("[to]", "newer snapshot (default: current)", "current")
      .option("--store <name>", "store holding the snapshots")
      .addOption(format(["terminal", "mermaid", "graphviz", "dot", "json"], "terminal"))
      .option("-o, --output <file>", "write to a file instead of stdout"),
  ).action(
    run((ctx, args, o) =>
      graphDiff(ctx, args[0] as string, args[1] as string, o as unknown as GraphDiffOptions),
    ),
  );

  const metadata = program.command("metadata").description("inspect and manage stored metadata");
  metadata
    .command("status")
    .description("stored, missing, stale and orphaned rows per feature")
    .argument("[keys...]", "feature keys (or --all-features)")
    .option("--all-features", "every feature of the current project")
    .option("--store <name>", "store to check")
    .option("--filter <sql>", "filter on the checked feature's rows (repeatable)", collect)
    .option("--global-filter <sql>", "filter on every feature read (repeatable)", collect)
    .option("--stale-if <sql>", "stored rows matching this are stale (repeatable)", collect)
    .option("--assert-in-sync", "exit 1 when anything needs an update")
    .option("--verbose", "show up to 5 sample ids per increment part")
    .option("--progress", "show how much of the expected input is materialised")
    .option("--snapshot-id <version>", "check against the graph pushed under this project version")
    .option("--allow-fallback-stores", "read through fallback stores (default)")
    .option("--no-allow-fallback-stores", "read this store only")
    .addOption(format(["plain", "json"], "plain"))
    .action(
      run((ctx, args, o) => metadataStatus(ctx, args[0] as string[], o as unknown as MetadataStatusOptions)),
    );
  metadata
    .command("delete")
    .description("delete rows of features (soft by default)")
    .argument("[keys...]", "feature keys (or --all-features)")
    .option("--all-features", "every feature of the current project")
    .option("--store <name>", "store to delete from")
    .option("--filter <sql>", "only rows matching (repeatable; all must match)", collect)
    .option("--soft", "append tombstones (default)")
    .option("--hard", "remove the rows physically")
    .option("--with-feature-history", "also rows of older feature versions")
    .option("--yes", "confirm a hard delete without filters")
    .option("--dry-run", "only count the rows that would be deleted")
    .addOption(format(["plain", "json"], "plain"))
    .action(
      run((ctx, args, o) => {
        if (o.soft === true && o.hard === true) {
          throw new CliError("CONFLICTING_FLAGS", "metadata delete: --soft and --hard cannot be combined");
        }
        return metadataDelete(ctx, args[0] as string[], o as unknown as MetadataDeleteOptions);
      }),
    );
  metadata
    .command("copy")
    .description("copy rows of features from one store to another")
    .argument("[keys...]", "feature keys (or --all-features)")
    .option("--all-features", "every feature of the current project")
    .option("--from <store>", "source store")
    .option("--to <store>", "destination store")
    .option("--filter <sql>", "only rows matching (repeatable; applied to every feature)", collect)
    .option("--with-feature-history", "copy every feature version (default)")
    .option("--no-with-feature-history", "copy the current feature version only")
    .option("--with-sample-history", "copy every stored row per sample, not only the latest")
    .addOption(format(["plain", "json"], "plain"))
    .action(
      run((ctx, args, o) => metadataCopy(ctx, args[0] as string[], o as unknown as MetadataCopyOptions)),
    );
  metadata
    .command("rebase")
    .description("move rows of an older feature version onto the current (or --to) version")
    .argument("<feature>", "feature key")
    .option("--from <version>", "feature version the rows are stored under")
    .option("--to <version>", "target feature version (default: current)")
    .option("--store <name>", "store to rebase in")
    .option("--dry-run", "only count the rows")
    .addOption(format(["plain", "json"], "plain"))
    .action(run((ctx, args, o) => metadataRebase(ctx, args[0] as string, o as never)));
}
