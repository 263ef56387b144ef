import { type DataType, type Timestamp, Type, Vector } from "apache-arrow";
import { InvalidArgumentError, MetadataSchemaError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";
import { newBitmap, setBit, validityOf } from "./bitmap.js";
import { castVector } from "./cast-vector.js";
import { asVector, makeChunk } from "./chunk.js";
import { chunksOf, isValidAt } from "./strings.js";

/**
 * Per row `a ?? b` over Int64 / Timestamp columns (a Null-typed column counts as all null), in a
 * fresh buffer. The result has a's type (b's when a is Null-typed); b is converted to it first, so
 * Timestamp units may differ. Used for `created_at`: keep the stored value, else the new one.
 *
 * @example
 * coalesceTimestamps(stored.getChild(METAXY_CREATED_AT)!, timestampVector(now, n));
 */
export function coalesceTimestamps(a: Column, b: Column): Vector {
  const va = asVector(a);
  const vb = asVector(b);
  if (va.length !== vb.length) {
    throw new InvalidArgumentError(`arrow: coalesceTimestamps got ${va.length} and ${vb.length} rows`);
  }
  const type: DataType = va.type.typeId === Type.Null ? vb.type : va.type;
  const id: number = type.typeId;
  if (id === Type.Null) return va;
  if (
    id !== Type.Timestamp &&
    !(id === Type.Int && (type as unknown as { bitWidth: number }).bitWidth === 64)
  ) {
    throw new MetadataSchemaError(
      `arrow: coalesceTimestamps needs Int64 or Timestamp columns, got ${va.type} and ${vb.type}`,
    );
  }
  const n = va.length;
  const out = new BigInt64Array(n);
  const validity = newBitmap(n);
  let nulls = n;
  const fill = (column: Vector) => {
    let at = 0;
    for (const data of chunksOf(column)) {
      if (data.typeId !== Type.Null) {
        const values = data.values as BigInt64Array;
        const bits = validityOf(data);
        for (let i = 0; i < data.length; i++) {
          const row = at + i;
          if (isValidAt(validity, 0, row) || !isValidAt(bits, data.offset, i)) continue;
          out[row] = values[i]!;
          setBit(validity, row);
          nulls--;
        }
      }
      at += data.length;
    }
  };
  fill(va);
  fill(vb.type.typeId === Type.Null ? vb : castVector(vb, type as Timestamp, "coalesce"));
  return new Vector([makeChunk(type, n, nulls, { values: out, validity })]);
}
