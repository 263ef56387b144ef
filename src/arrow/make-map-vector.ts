import { type Data, type Map_, type Struct, type Utf8, Utf8 as Utf8Type, Vector } from "apache-arrow";
import { InvalidArgumentError, MetadataSchemaError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";
import { getBit, newBitmap, setBit } from "./bitmap.js";
import { isStringType } from "./canonical-type.js";
import { makeChunk } from "./chunk.js";
import { utf8MapType } from "./infer-type.js";
import { isValidAt, stringChunks } from "./strings.js";
import { oneChunk } from "./take-column.js";

const encoder = new TextEncoder();

/**
 * A Map<Utf8, Utf8> column with one entry per key on every row, in the given key order; a null
 * value stays an entry with a null value. `length` is only needed when there are no keys.
 *
 * @example
 * makeMapVector([["audio", audioHashes], ["frames", frameHashes]]);
 */
export function makeMapVector(
  entries: readonly (readonly [string, Column])[],
  length?: number,
): Vector<Map_<Utf8, Utf8>> {
  const n = entries[0]?.[1].length ?? length ?? 0;
  return new Vector([
    utf8MapData(
      entries.map(([k]) => k),
      entries.map(([, v]) => v),
      n,
      null,
    ),
  ]);
}

/**
 * One Map<Utf8, Utf8> chunk: row i holds (keys[j], columns[j][i]) for every j, unless `validity`
 * (from bit 0) marks it null, in which case it holds no entries.
 *
 * @example
 * utf8MapData(["a"], [utf8Vector(["1"])], 1, null);
 */
export function utf8MapData(
  keys: readonly string[],
  columns: readonly Column[],
  n: number,
  validity: Uint8Array | null,
): Data<Map_<Utf8, Utf8>> {
  const sources = columns.map((c, j) => {
    if (c.length !== n)
      throw new InvalidArgumentError(`arrow: map value "${keys[j]}" has ${c.length} rows, expected ${n}`);
    if (!isStringType(c.type))
      throw new MetadataSchemaError(`arrow: map value "${keys[j]}" must be strings, got ${c.type}`);
    return stringChunks(oneChunk(c))[0]!;
  });
  const keyBytes = keys.map((k) => encoder.encode(k));
  const rowValid = (i: number) => validity === null || getBit(validity, i);
  let rows = 0;
  let valueTotal = 0;
  for (let i = 0; i < n; i++) {
    if (!rowValid(i)) continue;
    rows++;
    for (const s of sources) valueTotal += Number(s.offsets[i + 1]) - Number(s.offsets[i]);
  }
  const total = rows * keys.length;
  const keyOffsets = new Int32Array(total + 1);
  const keyValues = new Uint8Array(rows * keyBytes.reduce((t, b) => t + b.length, 0));
  const valueOffsets = new Int32Array(total + 1);
  const values = new Uint8Array(valueTotal);
  const valueBits = newBitmap(total);
  const offsets = new Int32Array(n + 1);
  let e = 0;
  let kPos = 0;
  let vPos = 0;
  let valueNulls = 0;
  for (let i = 0; i < n; i++) {
    if (rowValid(i)) {
      for (let j = 0; j < keys.length; j++) {
        keyValues.set(keyBytes[j]!, kPos);
        kPos += keyBytes[j]!.length;
        const s = sources[j]!;
        if (isValidAt(s.validity, s.validityOffset, i)) {
          const bytes = s.values.subarray(Number(s.offsets[i]), Number(s.offsets[i + 1]));
          values.set(bytes, vPos);
          vPos += bytes.length;
          setBit(valueBits, e);
        } else valueNulls++;
        e++;
        keyOffsets[e] = kPos;
        valueOffsets[e] = vPos;
      }
    }
    offsets[i + 1] = e;
  }
  const keyData = makeChunk(new Utf8Type(), total, 0, { offsets: keyOffsets, values: keyValues });
  const valueData = makeChunk(new Utf8Type(), total, valueNulls, {
    offsets: valueOffsets,
    values,
    validity: valueBits,
  });
  const type = utf8MapType();
  const entries = makeChunk(type.childType as Struct, total, 0, {}, [keyData, valueData]);
  return makeChunk(type, n, n - rows, { offsets, validity }, [entries]);
}
