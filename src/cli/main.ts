#!/usr/bin/env node
/**
 * The `metaxy` executable: runs the CLI on the process arguments and sets the exit code.
 *
 * @example
 * // $ metaxy graph render --format mermaid
 */
import { runCli } from "./run-cli.js";

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
