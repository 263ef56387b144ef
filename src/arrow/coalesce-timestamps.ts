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
  // `fresh`: no row is filled yet (the first column), so its non-null chunks are copied whole.
  const fill = (column: Vector, fresh: boolean) => {
    let at = 0;
    for (const data of chunksOf(column)) {
      const len = data.length;
      if (data.typeId !== Type.Null && nulls > 0 && data.nullCount < len) {
        const values = data.values as BigInt64Array;
        const bits = validityOf(data);
        if (bits === null && fresh) {
          out.set(values.subarray(0, len), at);
          setRun(validity, at, at + len);
          nulls -= len;
        } else {
          for (let i = 0; i < len; i++) {
            const row = at + i;
            if (isValidAt(validity, 0, row) || !isValidAt(bits, data.offset, i)) continue;
            out[row] = values[i]!;
            setBit(validity, row);
            nulls--;
          }
        }
      }
      at += len;
    }
  };
  fill(va, true);
  if (nulls > 0)
    fill(vb.type.typeId === Type.Null ? vb : castVector(vb, type as Timestamp, "coalesce"), nulls === n);
  return new Vector([makeChunk(type, n, nulls, { values: out, validity })]);
}

/** Sets bits [from, to) of a bitmap, whole bytes at a time in the middle. */
function setRun(bitmap: Uint8Array, from: number, to: number): void {
  let i = from;
  for (; i < to && (i & 7) !== 0; i++) setBit(bitmap, i);
  const fullBytes = (to - i) >> 3;
  bitmap.fill(0xff, i >> 3, (i >> 3) + fullBytes);
  for (i += fullBytes << 3; i < to; i++) setBit(bitmap, i);
}
