import type { Command } from "commander";
import { CliContext, type GlobalOptions } from "./cli-context.js";
import { errorObject } from "./cli-error.js";
import type { CliIO } from "./cli-io.js";
import { jsonText } from "./json-text.js";

/**
 * Shared state of one CLI run: the exit code commands set.
 *
 * @example
 * const state: RunState = { exitCode: 0 };
 */
export interface RunState {
  exitCode: number;
}

/**
 * A command body: the context, the positional arguments and the command's own options. It may
 * resolve to an exit code (e.g. 1 for `--assert-in-sync` failures after printing the report).
 *
 * @example
 * const run: CommandBody = async (ctx, args, opts) => ctx.io.data(String(args.length));
 */
export type CommandBody = (
  ctx: CliContext,
  args: readonly unknown[],
  options: Record<string, unknown>,
  command: Command,
  // biome-ignore lint/suspicious/noConfusingVoidType: bodies either return nothing or an exit code.
) => Promise<void | number>;

/**
 * Wraps a command body as a commander action: builds the context from the global options, runs the
 * body, reports any error (the JSON error object on stdout with `--format json`, `Error: ...` on
 * stderr otherwise) with exit code 1, and closes the stores the command opened.
 *
 * @example
 * program.command("x").action(runner(io, state, async (ctx) => ctx.io.data("ok")));
 */
export function runner(
  io: CliIO,
  state: RunState,
  body: CommandBody,
): (...params: unknown[]) => Promise<void> {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const options = command.opts();
    const ctx = new CliContext(command.optsWithGlobals() as GlobalOptions, io);
    try {
      const code = await body(ctx, command.processedArgs, options, command);
      if (typeof code === "number" && code !== 0) state.exitCode = code;
    } catch (error) {
      state.exitCode = 1;
      reportError(io, error, options.format === "json");
      if (process.env.METAXY_DEBUG !== undefined && error instanceof Error) io.status(error.stack ?? "");
    } finally {
      try {
        await ctx.dispose();
      } catch (error) {
        io.status(`${io.err.yellow("Warning:")} closing the store failed: ${(error as Error).message}`);
      }
    }
  };
}

/**
 * Prints an error the CLI way: `{"error": CODE, "message": ...}` on stdout in JSON mode, else a red
 * `Error:` line on stderr.
 *
 * @example
 * reportError(io, new Error("boom"), false); // stderr: "Error: boom"
 */
export function reportError(io: CliIO, error: unknown, json: boolean): void {
  const object = errorObject(error);
  if (json) io.data(jsonText(object));
  else io.status(`${io.err.red("Error:")} ${String(object.message)}`);
}
