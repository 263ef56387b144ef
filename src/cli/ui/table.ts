import { cellWidth } from "./cell-width.js";
import type { Style } from "./style.js";

/**
 * One table column.
 *
 * @example
 * const column: TableColumn = { header: "Feature Count", justify: "right" };
 */
export interface TableColumn {
  readonly header: string;
  readonly justify?: "left" | "right";
  /** Colour applied to the column's cells (ignored when styling is off). */
  readonly color?: "cyan" | "green" | "yellow" | "magenta" | "blue" | "dim";
}

/**
 * What {@link renderTable} draws.
 *
 * @example
 * const table: TableSpec = { title: "Stores", columns: [{ header: "Name" }], rows: [["dev"]] };
 */
export interface TableSpec {
  readonly title?: string;
  readonly columns: readonly TableColumn[];
  /** Cells may hold `\n` for multi-line cells. */
  readonly rows: readonly (readonly string[])[];
}

/**
 * Draws a table the way Rich's default `Table` looks (heavy header box, one space of padding, title
 * centred above), ending with a newline.
 *
 * @example
 * renderTable({ columns: [{ header: "A" }], rows: [["x"]] }, plainStyle);
 * // ┏━━━┓\n┃ A ┃\n┡━━━┩\n│ x │\n└───┘\n
 */
export function renderTable(table: TableSpec, style: Style): string {
  const { columns, rows } = table;
  const cellLines = rows.map((row) => columns.map((_, i) => (row[i] ?? "").split("\n")));
  const widths = columns.map((column, i) =>
    Math.max(cellWidth(column.header), ...cellLines.map((row) => Math.max(...row[i]!.map(cellWidth)))),
  );
  const rule = (left: string, fill: string, join: string, right: string) =>
    `${left}${widths.map((w) => fill.repeat(w + 2)).join(join)}${right}`;
  const line = (cells: readonly string[], edge: string, colored: boolean) =>
    `${edge}${cells
      .map((cell, i) => {
        const column = columns[i]!;
        const padded = pad(cell, widths[i]!, column.justify ?? "left");
        const color = colored && column.color !== undefined ? style[column.color] : (t: string) => t;
        return ` ${color(padded)} `;
      })
      .join(edge)}${edge}`;
  const out: string[] = [];
  const total = widths.reduce((a, w) => a + w + 3, 1);
  if (table.title !== undefined) {
    const gap = Math.max(0, total - cellWidth(table.title));
    out.push(`${" ".repeat(Math.floor(gap / 2))}${style.italic(table.title)}`);
  }
  out.push(rule("┏", "━", "┳", "┓"));
  out.push(
    line(
      columns.map((c) => style.bold(c.header)),
      "┃",
      false,
    ),
  );
  out.push(rule("┡", "━", "╇", "┩"));
  for (const row of cellLines) {
    const height = Math.max(1, ...row.map((cell) => cell.length));
    for (let k = 0; k < height; k++)
      out.push(
        line(
          row.map((cell) => cell[k] ?? ""),
          "│",
          true,
        ),
      );
  }
  out.push(rule("└", "─", "┴", "┘"));
  return `${out.join("\n")}\n`;
}

function pad(text: string, width: number, justify: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - cellWidth(text)));
  return justify === "right" ? fill + text : text + fill;
}
