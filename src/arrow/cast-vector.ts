import { type Data, type DataType, Field, Struct, type Timestamp, Type, Vector } from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";
import { copyValidity } from "./bitmap.js";
import { buildData } from "./build-data.js";
import { canonicalType, isStringType, sameType } from "./canonical-type.js";
import { makeChunk } from "./chunk.js";
import { decodeDictionaries } from "./decode-dictionaries.js";
import { nullData } from "./null-vector.js";
import { columnValues } from "./read-values.js";
import { iota, takeColumn } from "./take-column.js";

/**
 * Converts a column to `type` (taken through {@link canonicalType}: strings come out as Utf8,
 * dictionaries decoded). Cheap paths: same type (returned as is), Null → all-null column, string
 * variants → Utf8, Struct → Struct by field name (missing fields null), Timestamp unit changes;
 * anything else goes through the lossless JS values and the rules of row conversion. A value that
 * does not fit, or a struct field the target lacks, is a MetadataSchemaError naming the column
 * (`path`) and row.
 *
 * @example
 * castVector(table.getChild("n")!, new Int64(), "n");
 */
export function castVector(column: Column, type: DataType, path: string): Vector {
  const vector = decodeDictionaries(column);
  const target = canonicalType(type);
  if (sameType(vector.type, target)) return vector;
  let base = 0;
  return new Vector(
    vector.data.map((data) => {
      const out = castChunk(data, target, path, base);
      base += data.length;
      return out;
    }),
  );
}

function castChunk(data: Data, type: DataType, path: string, base: number): Data {
  const from: DataType = data.type;
  const fromId: number = from.typeId;
  const toId: number = type.typeId;
  if (sameType(from, type)) return data;
  if (fromId === Type.Null) return nullData(type, data.length);
  if (isStringType(from) && toId === Type.Utf8) return takeColumn(data, iota(data.length)).data[0]!;
  if (fromId === Type.Struct && toId === Type.Struct) return castStruct(data, type as Struct, path, base);
  if (fromId === Type.Timestamp && toId === Type.Timestamp) return rescale(data, type as Timestamp);
  const values = columnValues(data, "raw");
  return buildData(values, type, { path, rowOf: (i) => base + i });
}

function castStruct(data: Data, type: Struct, path: string, base: number): Data {
  const names = data.type.children.map((f: Field) => f.name);
  for (const name of names) {
    if (!type.children.some((f) => f.name === name)) {
      throw new MetadataSchemaError(
        `arrow: column "${path}" has struct field "${name}", which ${type} lacks`,
      );
    }
  }
  const children = type.children.map((f) => {
    const k = names.indexOf(f.name);
    if (k < 0) return nullData(f.type, data.length);
    const child = data.children[k]!;
    const fitted = child.length > data.length ? child.slice(0, data.length) : child;
    return castChunk(fitted, f.type, `${path}.${f.name}`, base);
  });
  const { bitmap, nullCount } = copyValidity(data);
  const built = new Struct(
    type.children.map((f, k) => new Field(f.name, children[k]!.type, true, f.metadata)),
  );
  return makeChunk(built, data.length, nullCount, { validity: bitmap }, children);
}

function rescale(data: Data, type: Timestamp): Data {
  const from = (data.type as Timestamp).unit;
  const source = data.values as BigInt64Array;
  const factor = 1000n ** BigInt(Math.abs(type.unit - from));
  const out = new BigInt64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const t = source[i]!;
    if (type.unit >= from) out[i] = t * factor;
    else out[i] = t >= 0n || t % factor === 0n ? t / factor : t / factor - 1n; // floor, also for negatives
  }
  const { bitmap, nullCount } = copyValidity(data);
  return makeChunk(type, data.length, nullCount, { values: out, validity: bitmap });
}
