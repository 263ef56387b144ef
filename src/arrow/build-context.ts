import { MetadataSchemaError } from "../errors.js";

/**
 * Where values being converted come from, for error messages.
 *
 * @example
 * const ctx: BuildContext = { path: "metaxy_provenance_by_field.audio", rowOf: (i) => entryRows[i]! };
 */
export interface BuildContext {
  /** Column name, with `.field` for struct children. */
  readonly path: string;
  /** Maps a value index to the row it belongs to (map values are flattened); identity when absent. */
  readonly rowOf?: (i: number) => number;
}

/**
 * Throws the standard "value does not fit" MetadataSchemaError for value `i`, naming column and row.
 *
 * @example
 * misfit({ path: "n" }, 2, "300 is out of range for Int8 (-128..127)");
 */
export function misfit(ctx: BuildContext, i: number, message: string): never {
  const row = ctx.rowOf ? ctx.rowOf(i) : i;
  throw new MetadataSchemaError(`arrow: column "${ctx.path}" row ${row}: ${message}`);
}
