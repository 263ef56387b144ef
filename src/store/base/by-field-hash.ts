import type { Utf8, Vector } from "apache-arrow";
import type { Feature } from "../../models/feature.js";
import { byFieldValues } from "../../versioning/by-field-values.js";
import { sampleHash } from "../../versioning/sample-hash.js";
import type { VersioningContext } from "../../versioning/versioning-context.js";

/**
 * The sample-level hash of a `*_by_field` column over the feature's fields (Python
 * `hash_struct_version_column`): per row, the values of the feature's struct keys in sorted order
 * joined with `"|"`, hashed and truncated. A struct lacking a field is a MetadataSchemaError; a
 * null value (or a map without the key) gives a null hash.
 *
 * @example
 * byFieldHash(table.getChild(METAXY_PROVENANCE_BY_FIELD)!, METAXY_PROVENANCE_BY_FIELD, feature, ctx);
 */
export function byFieldHash(
  column: Vector,
  columnName: string,
  feature: Feature,
  ctx: VersioningContext,
): Vector<Utf8> {
  const entries = feature.spec.fields.map((f): readonly [string, Vector] => {
    const key = f.key.toStructKey();
    return [key, byFieldValues(column, key, columnName)];
  });
  return sampleHash(entries, ctx, column.length);
}
