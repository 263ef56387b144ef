import { type Table, Type, type Vector } from "apache-arrow";
import { assembleTable } from "./assemble-table.js";
import { canonicalType, sameType } from "./canonical-type.js";
import { castVector } from "./cast-vector.js";
import { decodeDictionaries } from "./decode-dictionaries.js";
import { isByFieldColumn } from "./is-by-field-column.js";
import { structToMap } from "./struct-to-map.js";
import type { ToArrowOptions } from "./to-arrow-options.js";

/**
 * An input Arrow table brought to our conventions: dictionaries decoded (LargeUtf8 / Utf8View
 * kept), columns converted to `options.schema` where it names them with another type, and with
 * `enableMapDatatype` the Struct `*_by_field` columns the schema does not type turned into
 * Map<Utf8, Utf8>. A table that needs none of this is returned as is.
 *
 * @example
 * conformTable(userTable, { schema: stored.schema });
 */
export function conformTable(table: Table, options: ToArrowOptions = {}): Table {
  const hints = new Map(options.schema?.fields.map((f) => [f.name, f.type]));
  let changed = false;
  const vectors = table.schema.fields.map((field, k) => {
    const original: Vector = table.getChildAt(k)!;
    let v = decodeDictionaries(original);
    const hint = hints.get(field.name);
    const typeId: number = v.type.typeId;
    if (hint && hint.typeId !== Type.Null) {
      if (!sameType(canonicalType(v.type), canonicalType(hint))) v = castVector(v, hint, field.name);
    } else if (options.enableMapDatatype && isByFieldColumn(field.name) && typeId === Type.Struct) {
      v = structToMap(v);
    }
    if (v !== original) changed = true;
    return v;
  });
  if (!changed) return table;
  return assembleTable(table.schema.fields, vectors, table.numRows, table.schema.metadata);
}
