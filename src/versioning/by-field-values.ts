import { Utf8, type Vector } from "apache-arrow";
import { isStringType } from "../arrow/canonical-type.js";
import { castVector } from "../arrow/cast-vector.js";
import { structFieldVectors } from "../arrow/struct-field-vector.js";
import type { TakeFn } from "../arrow/take-column.js";
import { MetadataSchemaError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";

/**
 * The values of one field of a `*_by_field` column (Struct field or Map key) as strings, ready to
 * be a pre-image part. Python casts the extracted value to String; an all-null (Null-typed) field
 * becomes an all-null string column. A struct without the field, or a column that is neither
 * Struct nor Map, is a MetadataSchemaError naming `columnName`; a map row without the key gives null.
 * `take` (a `Kernels.take`) gathers Map values; the portable gather is used without it.
 *
 * @example
 * byFieldValues(frame.getChild("metaxy_data_version_by_field__video_raw")!, "frames", "metaxy_data_version_by_field__video_raw");
 */
export function byFieldValues(column: Column, structKey: string, columnName: string, take?: TakeFn): Vector {
  return byFieldValuesOf(column, [structKey], columnName, take)[0]!;
}

/**
 * {@link byFieldValues} for several keys of one column, in the order asked (a Map column is
 * scanned once for all of them); with `rows`, the values at those rows of the column (`-1` gives
 * null), as if the column had been gathered by them first.
 *
 * @example
 * const [audio, frames] = byFieldValuesOf(dvbf, ["audio", "frames"], "metaxy_data_version_by_field", kernels.take);
 */
export function byFieldValuesOf(
  column: Column,
  structKeys: readonly string[],
  columnName: string,
  take?: TakeFn,
  rows?: Int32Array,
): Vector[] {
  let values: Vector[];
  try {
    values = structFieldVectors(column, structKeys, take, rows);
  } catch (error) {
    if (!(error instanceof MetadataSchemaError)) throw error;
    throw new MetadataSchemaError(
      `versioning: cannot read "${structKeys.join('", "')}" from column "${columnName}": ${error.message}`,
      { cause: error },
    );
  }
  return values.map((v, k) =>
    isStringType(v.type) ? v : castVector(v, new Utf8(), `${columnName}.${structKeys[k]}`),
  );
}
