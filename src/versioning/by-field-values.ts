import { Utf8, type Vector } from "apache-arrow";
import { isStringType } from "../arrow/canonical-type.js";
import { castVector } from "../arrow/cast-vector.js";
import { structFieldVector } from "../arrow/struct-field-vector.js";
import type { Column } from "../kernels/kernels.js";

/**
 * The values of one field of a `*_by_field` column (Struct field or Map key) as strings, ready to
 * be a pre-image part. Python casts the extracted value to String; an all-null (Null-typed) field
 * becomes an all-null string column. A struct without the field is a MetadataSchemaError; a map
 * row without the key gives null.
 *
 * @example
 * byFieldValues(frame.getChild("metaxy_data_version_by_field__video_raw")!, "frames", "metaxy_data_version_by_field__video_raw");
 */
export function byFieldValues(column: Column, structKey: string, columnName: string): Vector {
  const values = structFieldVector(column, structKey);
  return isStringType(values.type) ? values : castVector(values, new Utf8(), `${columnName}.${structKey}`);
}
