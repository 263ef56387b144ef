import { type Table, Type } from "apache-arrow";
import { METAXY_PROVENANCE_BY_FIELD } from "../../constants.js";
import { MetadataSchemaError } from "../../errors.js";
import type { Feature } from "../../models/feature.js";

/**
 * Rejects a frame that cannot be written for `feature` (MetadataSchemaError naming the column):
 * `metaxy_provenance_by_field` missing or neither Struct nor Map; an id column missing, or holding
 * a null.
 *
 * @example
 * validateWriteFrame(table, feature);
 */
export function validateWriteFrame(table: Table, feature: Feature): void {
  const where = `store: cannot write "${feature.key}"`;
  const names = table.schema.fields.map((f) => f.name);
  const listed = `(columns: ${names.join(", ") || "none"})`;
  const pbf = table.getChild(METAXY_PROVENANCE_BY_FIELD);
  if (pbf === null) {
    throw new MetadataSchemaError(`${where}: column "${METAXY_PROVENANCE_BY_FIELD}" is missing ${listed}`);
  }
  const id: number = pbf.type.typeId;
  if (id !== Type.Struct && id !== Type.Map) {
    throw new MetadataSchemaError(
      `${where}: column "${METAXY_PROVENANCE_BY_FIELD}" must be a Struct or Map of strings, got ${pbf.type}`,
    );
  }
  for (const column of feature.spec.idColumns) {
    const vector = table.getChild(column);
    if (vector === null)
      throw new MetadataSchemaError(`${where}: id column "${column}" is missing ${listed}`);
    if (vector.nullCount > 0) {
      throw new MetadataSchemaError(`${where}: id column "${column}" has ${vector.nullCount} null value(s)`);
    }
  }
}
