import { charWidth } from "./cell-width.js";

/**
 * The width data is laid out for, as Python Metaxy's console does: `COLUMNS` when set, else the
 * terminal's width on a TTY, else 200.
 *
 * @example
 * consoleWidth(process.stdout); // 200 when piped
 */
export function consoleWidth(
  stream: { readonly isTTY?: boolean; readonly columns?: number },
  env: Readonly<Record<string, string | undefined>> = process.env,
): number {
  const columns = Number.parseInt(env.COLUMNS ?? "", 10);
  if (Number.isInteger(columns) && columns > 0) return columns;
  if (stream.isTTY === true && stream.columns !== undefined && stream.columns > 0) return stream.columns;
  return 200;
}

/**
 * Lays text out the way Rich's `Console.print` does for plain text, so printed graphs match Python's
 * byte for byte: tabs expand to 8-column stops, and each line wraps at word boundaries (a word keeps
 * its trailing spaces; a word that does not fit starts a new line; a word longer than a line is folded)
 * with trailing spaces beyond `width` cut. The result ends with a newline.
 *
 * @example
 * consoleLayout("a\tb", 80);       // "a       b\n"
 * consoleLayout("aaa bbb ccc", 7); // "aaa bbb\nccc\n"
 */
export function consoleLayout(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split("\n")) out.push(...wrapLine(expandTabs(line), width));
  return `${out.join("\n")}\n`;
}

function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  let out = "";
  let column = 0;
  for (const ch of line) {
    if (ch === "\t") {
      const spaces = 8 - (column % 8);
      out += " ".repeat(spaces);
      column += spaces;
    } else {
      out += ch;
      column += charWidth(ch.codePointAt(0)!);
    }
  }
  return out;
}

function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

function wrapLine(line: string, width: number): string[] {
  if (widthOf(line) <= width) return [line];
  const breaks: number[] = [];
  let offset = 0;
  for (const match of line.matchAll(/\s*\S+\s*/g)) {
    const start = match.index;
    const word = match[0];
    const wordWidth = widthOf(word.trimEnd());
    if (width - offset >= wordWidth) {
      offset += widthOf(word);
    } else if (wordWidth > width) {
      let position = start;
      const pieces = chop(word, width);
      pieces.forEach((piece, i) => {
        if (position > 0) breaks.push(position);
        if (i === pieces.length - 1) offset = widthOf(piece);
        else position += piece.length;
      });
    } else if (offset > 0 && start > 0) {
      breaks.push(start);
      offset = widthOf(word);
    }
  }
  const lines: string[] = [];
  let from = 0;
  for (const at of [...new Set(breaks)].sort((a, b) => a - b)) {
    lines.push(line.slice(from, at));
    from = at;
  }
  lines.push(line.slice(from));
  return lines.map((l) => cropTrailingSpace(l, width));
}

/** Splits a word into pieces of at most `width` cells. */
function chop(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let w = 0;
  for (const ch of word) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width && piece !== "") {
      pieces.push(piece);
      piece = "";
      w = 0;
    }
    piece += ch;
    w += cw;
  }
  pieces.push(piece);
  return pieces;
}

/** Rich's `rstrip_end`: trailing whitespace is removed only as far as it overflows the width. */
function cropTrailingSpace(line: string, width: number): string {
  const excess = widthOf(line) - width;
  if (excess <= 0) return line;
  const trailing = /\s+$/.exec(line)?.[0].length ?? 0;
  return line.slice(0, line.length - Math.min(trailing, excess));
}
