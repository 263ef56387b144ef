import type { Schema } from "apache-arrow";

/**
 * How inputs (rows, arquero tables, Arrow tables) become an Arrow table.
 *
 * @example
 * const options: ToArrowOptions = { schema: stored.schema, enableMapDatatype: true };
 */
export interface ToArrowOptions {
  /**
   * Types to convert to (e.g. the stored table's schema); they win over inference for the columns
   * the input has. A Null-typed field gives no opinion. Schema columns the input lacks are not added.
   */
  readonly schema?: Schema;
  /** Make the `*_by_field` columns Map<Utf8, Utf8> instead of Struct (when the schema does not say). */
  readonly enableMapDatatype?: boolean;
}
