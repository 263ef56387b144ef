/**
 * ANSI styling for one output stream: real escapes on a colour terminal, plain text otherwise (pipes,
 * files, CI logs, `NO_COLOR`), so captured output never carries escape codes.
 *
 * @example
 * const s = streamStyle(process.stderr);
 * process.stderr.write(`${s.green("✓")} Recorded feature graph\n`);
 */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  italic(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
}

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
} as const;

/**
 * A {@link Style} for `stream`: enabled when it is a TTY, `NO_COLOR` is unset and `TERM` is not
 * `dumb` (`FORCE_COLOR` forces it on).
 *
 * @example
 * streamStyle(process.stdout).bold("Total"); // "\u001b[1mTotal\u001b[22m" on a terminal
 */
export function streamStyle(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Style {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0";
  const enabled = forced || (stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== "dumb");
  const make = (name: keyof typeof CODES) => {
    const [open, close] = CODES[name];
    return enabled ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : (text: string) => text;
  };
  return {
    enabled,
    bold: make("bold"),
    dim: make("dim"),
    italic: make("italic"),
    red: make("red"),
    green: make("green"),
    yellow: make("yellow"),
    blue: make("blue"),
    cyan: make("cyan"),
    magenta: make("magenta"),
  };
}

/**
 * Removes ANSI escape sequences (for width computations).
 *
 * @example
 * stripAnsi("\u001b[1mhi\u001b[22m"); // "hi"
 */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point.
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
