import { Field, Struct, Type, Vector } from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";
import { copyValidity } from "./bitmap.js";
import { asVector, makeChunk } from "./chunk.js";
import { structFieldVector } from "./struct-field-vector.js";

/**
 * A Map column as a Struct with one field per key, in the given order (the value under that key,
 * null when a row lacks it); a null map row becomes a null struct row.
 *
 * @example
 * mapToStruct(table.getChild(METAXY_PROVENANCE_BY_FIELD)!, ["audio", "frames"]);
 */
export function mapToStruct(column: Column, keys: readonly string[]): Vector<Struct> {
  const vector = asVector(column);
  const typeId: number = vector.type.typeId;
  if (typeId !== Type.Map)
    throw new MetadataSchemaError(`arrow: mapToStruct expects a Map column, got ${vector.type}`);
  return new Vector(
    vector.data.map((d) => {
      const chunk = new Vector([d]);
      const children = keys.map((key) => structFieldVector(chunk, key).data[0]!);
      const type = new Struct(keys.map((key, k) => new Field(key, children[k]!.type, true)));
      const { bitmap, nullCount } = copyValidity(d);
      return makeChunk(type, d.length, nullCount, { validity: bitmap }, children);
    }),
  );
}
