import { Field, type Schema, Struct, type Table, Type, Utf8, type Vector } from "apache-arrow";
import { assembleTable } from "../../arrow/assemble-table.js";
import { utf8MapType } from "../../arrow/infer-type.js";
import { mapToStruct } from "../../arrow/map-to-struct.js";
import { nullVector } from "../../arrow/null-vector.js";
import { structToMap } from "../../arrow/struct-to-map.js";
import { METAXY_DATA_VERSION_BY_FIELD, METAXY_PROVENANCE_BY_FIELD } from "../../constants.js";
import type { Feature } from "../../models/feature.js";

/**
 * Whether a feature's `*_by_field` columns are written as Map<Utf8, Utf8>: the stored table decides
 * when it has the provenance column (appends must match it), else the store's `enableMapDatatype`.
 *
 * @example
 * byFieldAsMap(storedSchema, store.enableMapDatatype);
 */
export function byFieldAsMap(stored: Schema | null, enableMapDatatype: boolean): boolean {
  const field = stored?.fields.find((f) => f.name === METAXY_PROVENANCE_BY_FIELD);
  if (field === undefined || field.type.typeId === Type.Null) return enableMapDatatype;
  return field.type.typeId === Type.Map;
}

/**
 * The table with its own (unrenamed) `*_by_field` columns in the wanted kind: Struct → Map keeps
 * the struct's field order; Map → Struct takes one field per feature field (struct keys, declared
 * order; a key a row lacks is null); an all-null (Null-typed) column becomes a typed all-null one.
 * Other column types are left for validation to reject.
 *
 * @example
 * withByFieldKind(table, feature, true); // provenance / data-version by field as Map<Utf8, Utf8>
 */
export function withByFieldKind(table: Table, feature: Feature, asMap: boolean): Table {
  const keys = feature.spec.fields.map((f) => f.key.toStructKey());
  let changed = false;
  const vectors = table.schema.fields.map((field, k) => {
    const column: Vector = table.getChildAt(k)!;
    if (field.name !== METAXY_PROVENANCE_BY_FIELD && field.name !== METAXY_DATA_VERSION_BY_FIELD)
      return column;
    const id: number = column.type.typeId;
    let out = column;
    if (id === Type.Null) {
      out = asMap
        ? nullVector(utf8MapType(), column.length)
        : nullVector(new Struct(keys.map((key) => new Field(key, new Utf8(), true))), column.length);
    } else if (asMap && id === Type.Struct) out = structToMap(column);
    else if (!asMap && id === Type.Map) out = mapToStruct(column, keys);
    if (out !== column) changed = true;
    return out;
  });
  if (!changed) return table;
  return assembleTable(table.schema.fields, vectors, table.numRows, table.schema.metadata);
}
