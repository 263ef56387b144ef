import { type Data, Type, Vector } from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";
import { getBit, newBitmap, setBit, validityOf } from "./bitmap.js";
import { isStringType } from "./canonical-type.js";
import { asVector } from "./chunk.js";
import { isValidAt, stringChunks } from "./strings.js";
import { takeColumn } from "./take-column.js";

const encoder = new TextEncoder();

/**
 * One field of a Struct column, or the values under one key of a Map column (string keys), with
 * one chunk per input chunk. A null struct / map row gives null; a map row without the key gives
 * null (first matching entry wins); a struct without the field is a MetadataSchemaError.
 *
 * @example
 * const audio = structFieldVector(table.getChild(METAXY_PROVENANCE_BY_FIELD)!, "audio");
 */
export function structFieldVector(column: Column, fieldName: string): Vector {
  const vector = asVector(column);
  const typeId: number = vector.type.typeId;
  if (typeId === Type.Struct) {
    const names: string[] = vector.type.children.map((f: { name: string }) => f.name);
    const k = names.indexOf(fieldName);
    if (k < 0) {
      throw new MetadataSchemaError(
        `arrow: struct has no field "${fieldName}" (fields: ${names.join(", ")})`,
      );
    }
    return new Vector(vector.data.map((d) => withParentNulls(fitToParent(d.children[k]!, d.length), d)));
  }
  if (typeId === Type.Map) {
    if (!isStringType(vector.type.children[0].type.children[0].type)) {
      throw new MetadataSchemaError(`arrow: map lookup needs string keys, got ${vector.type}`);
    }
    return new Vector(vector.data.map((d) => lookup(d, encoder.encode(fieldName))));
  }
  throw new MetadataSchemaError(
    `arrow: expected a Struct or Map column to read "${fieldName}" from, got ${vector.type}`,
  );
}

function fitToParent(child: Data, length: number): Data {
  return child.length > length ? child.slice(0, length) : child;
}

/** The child with the parent's nulls added; keeps the child's offset (Bool values are not sliced). */
function withParentNulls(child: Data, parent: Data): Data {
  const parentBits = validityOf(parent);
  if (parentBits === null || child.typeId === Type.Null) return child;
  const childBits = validityOf(child);
  const bitmap = newBitmap(child.offset + child.length);
  let nulls = 0;
  for (let i = 0; i < child.length; i++) {
    const valid = getBit(parentBits, parent.offset + i) && isValidAt(childBits, child.offset, i);
    if (valid) setBit(bitmap, child.offset + i);
    else nulls++;
  }
  const buffers = [child.valueOffsets, child.values, bitmap, child.typeIds];
  return child.clone(child.type, child.offset, child.length, nulls, buffers as never);
}

function lookup(map: Data, key: Uint8Array): Data {
  const offsets = map.valueOffsets as Int32Array;
  const entries = map.children[0]!;
  const keys = stringChunks(entries.children[0]!)[0]!;
  const mapBits = validityOf(map);
  const indices = new Int32Array(map.length).fill(-1);
  for (let i = 0; i < map.length; i++) {
    if (!isValidAt(mapBits, map.offset, i)) continue;
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
      const start = Number(keys.offsets[j]);
      if (Number(keys.offsets[j + 1]) - start !== key.length) continue;
      let equal = true;
      for (let b = 0; b < key.length && equal; b++) equal = keys.values[start + b] === key[b];
      if (equal) {
        indices[i] = j;
        break;
      }
    }
  }
  return takeColumn(entries.children[1]!, indices).data[0]!;
}
