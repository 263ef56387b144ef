import type { DataType, Table } from "apache-arrow";
import { columnValues } from "../../arrow/read-values.js";
import { InvalidArgumentError } from "../../errors.js";
import { compareCodePoints } from "../../models/code-point-compare.js";
import { jsonValue } from "./json-cells.js";

/**
 * Row indices of `table` sorted by the `sortBy` columns (stable), each ascending or descending;
 * nulls come first in both directions (Polars' default `nulls_last=False`). Numbers compare
 * numerically, strings by code point, booleans false first, nested values by their JSON text.
 * Without `sortBy` the rows keep their order. Throws InvalidArgumentError for unknown columns or a
 * `descending` list of another length.
 *
 * @example
 * sortOrder(table, ["fps", "video_id"], [true, false]); // [2, 0, 1]
 */
export function sortOrder(
  table: Table,
  sortBy: readonly string[],
  descending: boolean | readonly boolean[] = false,
): number[] {
  const order = Array.from({ length: table.numRows }, (_, i) => i);
  if (sortBy.length === 0) return order;
  const flags = typeof descending === "boolean" ? sortBy.map(() => descending) : descending;
  if (flags.length !== sortBy.length) {
    throw new InvalidArgumentError(
      `mcp: descending has ${flags.length} entries but sort_by has ${sortBy.length} (${sortBy.join(", ")})`,
    );
  }
  const keys = sortBy.map((name, k) => {
    const column = table.getChild(name);
    if (column === null) {
      const names = table.schema.fields.map((f) => f.name).join(", ");
      throw new InvalidArgumentError(`mcp: cannot sort by "${name}": no such column (columns: ${names})`);
    }
    return { values: columnValues(column, "raw"), type: column.type as DataType, sign: flags[k] ? -1 : 1 };
  });
  return order.sort((a, b) => {
    for (const { values, type, sign } of keys) {
      const x = values[a];
      const y = values[b];
      if (x === null || y === null) {
        if (x !== y) return x === null ? -1 : 1;
        continue;
      }
      const c = compareCells(x, y, type);
      if (c !== 0) return sign * c;
    }
    return 0;
  });
}

function compareCells(x: unknown, y: unknown, type: DataType): number {
  if ((typeof x === "number" || typeof x === "bigint") && (typeof y === "number" || typeof y === "bigint")) {
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof x === "string" && typeof y === "string") return compareCodePoints(x, y);
  if (typeof x === "boolean" && typeof y === "boolean") return Number(x) - Number(y);
  return compareCodePoints(JSON.stringify(jsonValue(x, type)), JSON.stringify(jsonValue(y, type)));
}
