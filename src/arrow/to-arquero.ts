import type { Table } from "apache-arrow";
import type { ColumnTable } from "arquero";
import { columnValues } from "./read-values.js";

/**
 * The table as an arquero table, with the values {@link tableToRows} gives (Dates, numbers when
 * safe, plain objects). arquero is loaded on first use.
 *
 * @example
 * const aqTable = await toArquero(increment.new);
 */
export async function toArquero(table: Table): Promise<ColumnTable> {
  const aq = await import("arquero");
  const names = table.schema.fields.map((f) => f.name);
  const columns = new Map(names.map((name, k) => [name, columnValues(table.getChildAt(k)!, "rows")]));
  return aq.table(columns, names);
}
