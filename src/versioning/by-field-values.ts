import { Utf8, type Vector } from "apache-arrow";
import { isStringType } from "../arrow/canonical-type.js";
import { castVector } from "../arrow/cast-vector.js";
import { structFieldVector } from "../arrow/struct-field-vector.js";
import { MetadataSchemaError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";

/**
 * The values of one field of a `*_by_field` column (Struct field or Map key) as strings, ready to
 * be a pre-image part. Python casts the extracted value to String; an all-null (Null-typed) field
 * becomes an all-null string column. A struct without the field, or a column that is neither
 * Struct nor Map, is a MetadataSchemaError naming `columnName`; a map row without the key gives null.
 *
 * @example
 * byFieldValues(frame.getChild("metaxy_data_version_by_field__video_raw")!, "frames", "metaxy_data_version_by_field__video_raw");
 */
export function byFieldValues(column: Column, structKey: string, columnName: string): Vector {
  let values: Vector;
  try {
    values = structFieldVector(column, structKey);
  } catch (error) {
    if (!(error instanceof MetadataSchemaError)) throw error;
    throw new MetadataSchemaError(
      `versioning: cannot read "${structKey}" from column "${columnName}": ${error.message}`,
      {
        cause: error,
      },
    );
  }
  return isStringType(values.type) ? values : castVector(values, new Utf8(), `${columnName}.${structKey}`);
}
