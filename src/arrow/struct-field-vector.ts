import { type Data, Type, Vector } from "apache-arrow";
import { InvalidArgumentError, MetadataSchemaError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";
import { getBit, newBitmap, setBit, validityOf } from "./bitmap.js";
import { isStringType } from "./canonical-type.js";
import { asVector } from "./chunk.js";
import { mapKeyPositions } from "./map-key-positions.js";
import { firstKeyIndex, type KeySequence, keySequence, sameKeySequence } from "./map-key-sequence.js";
import { isValidAt } from "./strings.js";
import { type TakeFn, takeColumn } from "./take-column.js";

const encoder = new TextEncoder();

/**
 * One field of a Struct column, or the values under one key of a Map column (string keys), with
 * one chunk per input chunk. A null struct / map row gives null; a map row without the key gives
 * null (first matching entry wins); a struct without the field is a MetadataSchemaError. With
 * `take` (a `Kernels.take`) map values are gathered by it (string values then keep their type);
 * without, by the portable {@link takeColumn}.
 *
 * @example
 * const audio = structFieldVector(table.getChild(METAXY_PROVENANCE_BY_FIELD)!, "audio");
 */
export function structFieldVector(column: Column, fieldName: string, take?: TakeFn): Vector {
  return structFieldVectors(column, [fieldName], take)[0]!;
}

/**
 * {@link structFieldVector} for several fields at once, in the order asked: a Map column's keys
 * are located in one pass over its entries instead of one pass per key. With `rows`, each result
 * holds the values at those rows of the column (`-1` gives null) as one chunk — what looking up a
 * gathered copy of the column would give, without gathering the whole Map or Struct first.
 *
 * @example
 * const [audio, frames] = structFieldVectors(byField, ["audio", "frames"], kernels.take);
 */
export function structFieldVectors(
  column: Column,
  fieldNames: readonly string[],
  take?: TakeFn,
  rows?: Int32Array,
): Vector[] {
  const vector = asVector(column);
  const typeId: number = vector.type.typeId;
  if (typeId === Type.Struct) {
    const names: string[] = vector.type.children.map((f: { name: string }) => f.name);
    return fieldNames.map((fieldName) => {
      const k = names.indexOf(fieldName);
      if (k < 0) {
        throw new MetadataSchemaError(
          `arrow: struct has no field "${fieldName}" (fields: ${names.join(", ")})`,
        );
      }
      const field = new Vector(
        vector.data.map((d) => withParentNulls(fitToParent(d.children[k]!, d.length), d)),
      );
      return rows === undefined ? field : takeColumn(field, rows, take);
    });
  }
  if (typeId === Type.Map) {
    if (!isStringType(vector.type.children[0].type.children[0].type)) {
      throw new MetadataSchemaError(`arrow: map lookup needs string keys, got ${vector.type}`);
    }
    const keys = fieldNames.map((name) => encoder.encode(name));
    if (rows !== undefined) return lookupRows(vector.data, keys, rows, take);
    const perChunk = vector.data.map((d) => lookup(d, keys, take));
    return fieldNames.map((_, k) => new Vector(perChunk.map((chunk) => chunk[k]!)));
  }
  throw new MetadataSchemaError(
    `arrow: expected a Struct or Map column to read "${fieldNames.join('", "')}" from, got ${vector.type}`,
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

/** The values under each key of one map chunk, as one chunk per key. */
function lookup(map: Data, keys: readonly Uint8Array[], take: TakeFn | undefined): Data[] {
  const values = map.children[0]!.children[1]!;
  return mapKeyPositions(map, keys).map((indices) => takeColumn(values, indices, take).data[0]!);
}

/** The values under each key at `rows` of a (possibly multi-chunk) map column, one chunk per key. */
function lookupRows(
  chunks: readonly Data[],
  keys: readonly Uint8Array[],
  rows: Int32Array,
  take?: TakeFn,
): Vector[] {
  const n = chunks.reduce((t, d) => t + d.length, 0);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    if (i < -1 || i >= n) throw new InvalidArgumentError(`arrow: row ${i} is out of range for ${n} map rows`);
  }
  const values = chunks.map((d) => fitToParent(d.children[0]!.children[1]!, d.children[0]!.length));
  const valueColumn = new Vector(values);
  const entryBase = [0];
  for (const v of values) entryBase.push(entryBase[entryBase.length - 1]! + v.length);
  const seq = sharedSequence(chunks);
  if (seq !== null) {
    // Every row repeats one key sequence: a row's first entry, plus the key's place in it.
    const first = rowStarts(chunks, entryBase, seq.perRow);
    return keys.map((key) => {
      const k = firstKeyIndex(seq, key);
      const picks = new Int32Array(rows.length);
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r]!;
        const start = i < 0 || k < 0 ? -1 : first[i]!;
        picks[r] = start < 0 ? -1 : start + k;
      }
      return takeColumn(valueColumn, picks, take);
    });
  }
  const positions = chunks.map((d) => mapKeyPositions(d, keys));
  return keys.map((_, k) => {
    const entry = acrossChunks(chunks, entryBase, positions, k);
    const picks = new Int32Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      picks[r] = i < 0 ? -1 : entry[i]!;
    }
    return takeColumn(valueColumn, picks, take);
  });
}

/** The key sequence all (non-empty) chunks repeat on every row, or null. */
function sharedSequence(chunks: readonly Data[]): KeySequence | null {
  let shared: KeySequence | null = null;
  for (const d of chunks) {
    if (d.length === 0) continue;
    const seq = keySequence(d);
    if (seq === null || (shared !== null && !sameKeySequence(shared, seq))) return null;
    shared = seq;
  }
  return shared;
}

/** Each column row's first entry (numbered across chunks), -1 for a null map row. */
function rowStarts(chunks: readonly Data[], entryBase: readonly number[], perRow: number): Int32Array {
  const out = new Int32Array(chunks.reduce((t, d) => t + d.length, 0));
  let row = 0;
  chunks.forEach((d, c) => {
    const bits = validityOf(d);
    const base = entryBase[c]! + (d.length > 0 ? (d.valueOffsets as Int32Array)[0]! : 0);
    for (let i = 0; i < d.length; i++) out[row + i] = base + i * perRow;
    if (bits !== null)
      for (let i = 0; i < d.length; i++) if (!isValidAt(bits, d.offset, i)) out[row + i] = -1;
    row += d.length;
  });
  return out;
}

/** Each column row's entry for key `k`, numbered across the chunks' value children in order. */
function acrossChunks(
  chunks: readonly Data[],
  entryBase: readonly number[],
  positions: readonly Int32Array[][],
  k: number,
): Int32Array {
  if (chunks.length === 1) return positions[0]![k]!;
  const entry = new Int32Array(chunks.reduce((t, d) => t + d.length, 0));
  let row = 0;
  chunks.forEach((d, c) => {
    const p = positions[c]![k]!;
    for (let i = 0; i < d.length; i++) entry[row + i] = p[i]! < 0 ? -1 : entryBase[c]! + p[i]!;
    row += d.length;
  });
  return entry;
}
