import { type Map_, Type, type Utf8, Utf8 as Utf8Type, Vector } from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";
import { copyValidity } from "./bitmap.js";
import { asVector } from "./chunk.js";
import { utf8MapData } from "./make-map-vector.js";
import { nullData } from "./null-vector.js";

/**
 * A Struct column of strings as Map<Utf8, Utf8>: one entry per struct field, in field order (null
 * values kept as entries); a null struct row becomes a null map row. What `enable_map_datatype`
 * stores for the `*_by_field` columns.
 *
 * @example
 * structToMap(table.getChild(METAXY_PROVENANCE_BY_FIELD)!);
 */
export function structToMap(column: Column): Vector<Map_<Utf8, Utf8>> {
  const vector = asVector(column);
  const typeId: number = vector.type.typeId;
  if (typeId !== Type.Struct)
    throw new MetadataSchemaError(`arrow: structToMap expects a Struct column, got ${vector.type}`);
  const names: string[] = vector.type.children.map((f: { name: string }) => f.name);
  return new Vector(
    vector.data.map((d) => {
      const children = d.children.map((c) => {
        const child = c.length > d.length ? c.slice(0, d.length) : c;
        return child.typeId === Type.Null ? nullData(new Utf8Type(), d.length) : child;
      });
      return utf8MapData(names, children, d.length, copyValidity(d).bitmap);
    }),
  );
}
