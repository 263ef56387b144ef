import { consoleLayout, consoleWidth } from "./ui/console-wrap.js";
import { type Style, streamStyle } from "./ui/style.js";

/**
 * The CLI's two channels: data (rendered graphs, tables, JSON, `push`'s project version) on stdout,
 * status and errors on stderr.
 *
 * @example
 * const io = processIO();
 * io.data(JSON.stringify(result, null, 2));
 * io.status(`${io.err.green("✓")} Recorded feature graph`);
 */
export interface CliIO {
  /** Styling for stdout. */
  readonly out: Style;
  /** Styling for stderr. */
  readonly err: Style;
  /** Writes a line (or lines) of data to stdout. */
  data(text: string): void;
  /** Writes data laid out like Python's console (tabs expanded, wrapped at the console width). */
  console(text: string): void;
  /** Writes a status line to stderr. */
  status(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars). */
  readonly interactive: boolean;
}

/**
 * The {@link CliIO} of this process.
 *
 * @example
 * processIO().data("2f02765d");
 */
export function processIO(): CliIO {
  const line = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
  return {
    out: streamStyle(process.stdout),
    err: streamStyle(process.stderr),
    data: (text) => process.stdout.write(line(text)),
    console: (text) => process.stdout.write(consoleLayout(text, consoleWidth(process.stdout))),
    status: (text) => process.stderr.write(line(text)),
    interactive: process.stderr.isTTY === true,
  };
}
