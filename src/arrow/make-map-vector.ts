import { type Data, type Map_, type Struct, type Utf8, Utf8 as Utf8Type, Vector } from "apache-arrow";
import { InvalidArgumentError, MetadataSchemaError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";
import { isStringType } from "./canonical-type.js";
import { makeChunk } from "./chunk.js";
import { utf8MapType } from "./infer-type.js";
import { interleaveStrings } from "./interleave-strings.js";
import { rememberKeySequence } from "./map-key-sequence.js";
import { keySequenceOf, repeatKeys } from "./repeat-keys.js";
import { stringChunks } from "./strings.js";
import { oneChunk } from "./take-column.js";

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
  const sequence = keySequenceOf(keys);
  const {
    rows,
    offsets,
    valueOffsets,
    values,
    validity: valueBits,
    nulls,
  } = interleaveStrings(sources, n, validity);
  const total = rows * keys.length;
  const keyData = repeatKeys(sequence, rows);
  const valueData = makeChunk(new Utf8Type(), total, nulls, {
    offsets: valueOffsets,
    values,
    validity: valueBits,
  });
  const type = utf8MapType();
  const entries = makeChunk(type.childType as Struct, total, 0, {}, [keyData, valueData]);
  const map = makeChunk(type, n, n - rows, { offsets, validity }, [entries]);
  if (rows === n && n > 0 && keys.length > 0) rememberKeySequence(map, sequence);
  return map;
}
