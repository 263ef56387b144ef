import { Field, Struct, Vector } from "apache-arrow";
import { InvalidArgumentError } from "../errors.js";
import { getBit } from "./bitmap.js";
import { makeChunk } from "./chunk.js";
import { oneChunk } from "./take-column.js";

/**
 * A Struct column from named child columns (each made one chunk; names and order as given, all
 * fields nullable). `nullBitmap` (bit i set = row i valid, from bit 0) marks null struct rows.
 * `length` is only needed when there are no fields.
 *
 * @example
 * makeStructVector([["audio", audioHashes], ["frames", frameHashes]]);
 */
export function makeStructVector(
  fields: readonly (readonly [string, Vector])[],
  nullBitmap?: Uint8Array | null,
  length?: number,
): Vector<Struct> {
  const n = fields[0]?.[1].length ?? length ?? 0;
  for (const [name, v] of fields) {
    if (v.length !== n)
      throw new InvalidArgumentError(`arrow: struct field "${name}" has ${v.length} rows, expected ${n}`);
  }
  if (nullBitmap && nullBitmap.length * 8 < n) {
    throw new InvalidArgumentError(
      `arrow: struct null bitmap covers ${nullBitmap.length * 8} rows, expected ${n}`,
    );
  }
  let nulls = 0;
  if (nullBitmap) for (let i = 0; i < n; i++) if (!getBit(nullBitmap, i)) nulls++;
  const children = fields.map(([, v]) => oneChunk(v));
  const type = new Struct(fields.map(([name], k) => new Field(name, children[k]!.type, true)));
  return new Vector([makeChunk(type, n, nulls, { validity: nullBitmap ?? null }, children)]);
}
