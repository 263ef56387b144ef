import { CommanderError } from "commander";
import { type CliIO, processIO } from "./cli-io.js";
import type { RunState } from "./command-runner.js";
import { buildProgram } from "./program.js";

/**
 * Runs the `metaxy` CLI on `argv` (without the node and script paths) and resolves to the exit code.
 *
 * @example
 * process.exitCode = await runCli(["list", "features", "--format", "json"]);
 */
export async function runCli(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const state: RunState = { exitCode: 0 };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  return state.exitCode;
}
