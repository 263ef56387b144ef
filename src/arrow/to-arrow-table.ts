import { Table } from "apache-arrow";
import type { Table as ArqueroTable } from "arquero";
import { InvalidArgumentError } from "../errors.js";
import { conformTable } from "./conform-table.js";
import { kindOf } from "./describe-value.js";
import { arqueroToArrow, isArqueroTable } from "./from-arquero.js";
import { rowsToTable } from "./rows-to-table.js";
import type { ToArrowOptions } from "./to-arrow-options.js";

/**
 * What the engine accepts as samples / metadata: an Arrow table, an arquero table, or row objects.
 *
 * @example
 * const input: ArrowInput = [{ sample_uid: 1 }];
 */
export type ArrowInput = Table | ArqueroTable | readonly Readonly<Record<string, unknown>>[];

/**
 * Any accepted input as an Arrow table. An Arrow table is returned as is except that dictionaries
 * are decoded (LargeUtf8 / Utf8View are kept); an arquero table goes through arquero's
 * `toArrowIPC` (see {@link arqueroToArrow}); rows follow {@link rowsToTable}. `options.schema`
 * converts the columns it names to its types; `enableMapDatatype` makes the `*_by_field` columns
 * Map<Utf8, Utf8>. Async because arquero is loaded on demand.
 *
 * @example
 * const samples = await toArrowTable([{ sample_uid: 1, metaxy_provenance_by_field: { default: "h1" } }]);
 */
export async function toArrowTable(input: ArrowInput, options: ToArrowOptions = {}): Promise<Table> {
  if (Array.isArray(input)) return rowsToTable(input, options);
  if (input instanceof Table || Table.isTable(input)) return conformTable(input as Table, options);
  if (isArqueroTable(input)) return conformTable(await arqueroToArrow(input), options);
  throw new InvalidArgumentError(
    `arrow: expected an Arrow table, an arquero table or an array of row objects, got ${kindOf(input)}`,
  );
}
