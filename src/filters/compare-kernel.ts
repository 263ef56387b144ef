import type { Data } from "apache-arrow";
import { bytesEqual } from "../arrow/bytes-equal.js";
import { stringChunks } from "../arrow/strings.js";
import type { Bound } from "./coerce-literal.js";
import type { CompareOp } from "./filter-expr.js";
import type { RowKernel } from "./run-kernel.js";

/**
 * Bit c set = the operator holds when the row compares as c (0 less, 1 equal, 2 greater) with the
 * literal. Every kernel computes c and emits `((mask >> c) & 1) << 1`, i.e. FALSE (0) or TRUE (2).
 */
const MASKS: Record<CompareOp, number> = {
  "=": 0b010,
  "!=": 0b101,
  "<": 0b001,
  "<=": 0b011,
  ">": 0b100,
  ">=": 0b110,
};

/** Against a literal strictly between `floor` and `floor + 1`, a row equal to `floor` is "less". */
function maskFor(op: CompareOp, exact: boolean): number {
  const mask = MASKS[op];
  return exact ? mask : (mask & 0b101) | ((mask & 0b001) << 1);
}

function numberKernel(literal: number, mask: number): RowKernel {
  return (data, out, at) => {
    const v = data.values as ArrayLike<number>;
    for (let i = 0; i < data.length; i++) {
      const x = v[i]!;
      // NaN falls through to "greater", as in DuckDB and Polars (NaN sorts last).
      const c = x < literal ? 0 : x === literal ? 1 : 2;
      out[at + i] = ((mask >> c) & 1) << 1;
    }
  };
}

/** 64-bit values compared as (high word, low word) pairs: no BigInt per row. */
function int64Kernel(literal: bigint, signed: boolean, mask: number): RowKernel {
  const min = signed ? -(1n << 63n) : 0n;
  const max = signed ? (1n << 63n) - 1n : (1n << 64n) - 1n;
  if (literal > max || literal < min) {
    const constant = ((mask >> (literal > max ? 0 : 2)) & 1) << 1;
    return (data, out, at) => out.fill(constant, at, at + data.length);
  }
  const hiL = signed ? Number(BigInt.asIntN(32, literal >> 32n)) : Number(literal >> 32n);
  const loL = Number(BigInt.asUintN(32, literal));
  return (data, out, at) => {
    const v = data.values as BigInt64Array;
    const lo = new Uint32Array(v.buffer, v.byteOffset, data.length * 2);
    const hi = signed ? new Int32Array(v.buffer, v.byteOffset, data.length * 2) : lo;
    for (let i = 0; i < data.length; i++) {
      const h = hi[2 * i + 1]!;
      let c: number;
      if (h !== hiL) c = h < hiL ? 0 : 2;
      else {
        const l = lo[2 * i]!;
        c = l < loL ? 0 : l === loL ? 1 : 2;
      }
      out[at + i] = ((mask >> c) & 1) << 1;
    }
  };
}

/** Bytewise comparison of UTF-8, which is code-point order. */
function stringKernel(literal: Uint8Array, mask: number): RowKernel {
  const m = literal.length;
  const equalityOnly = (mask & 0b101) === 0 || (mask & 0b101) === 0b101;
  return (data: Data, out, at) => {
    const chunk = stringChunks(data)[0]!;
    const offsets =
      chunk.offsets instanceof BigInt64Array ? Float64Array.from(chunk.offsets, Number) : chunk.offsets;
    const bytes = chunk.values;
    if (everyRowIs(offsets, bytes, chunk.length, literal)) {
      out.fill(((mask >> 1) & 1) << 1, at, at + chunk.length);
      return;
    }
    for (let i = 0; i < chunk.length; i++) {
      const s = offsets[i]!;
      const len = offsets[i + 1]! - s;
      let c: number;
      if (equalityOnly && len !== m) c = 0;
      else {
        const k = Math.min(len, m);
        let j = 0;
        while (j < k && bytes[s + j] === literal[j]) j++;
        if (j < k) c = bytes[s + j]! < literal[j]! ? 0 : 2;
        else c = len < m ? 0 : len === m ? 1 : 2;
      }
      out[at + i] = ((mask >> c) & 1) << 1;
    }
  };
}

/**
 * True when every row of a string chunk holds exactly `literal` (as a version column does when
 * every row is current): fixed-width offsets, then the bytes checked as the literal repeated by a
 * native memcmp of the range against itself shifted by one row.
 */
function everyRowIs(
  offsets: Int32Array | Float64Array,
  bytes: Uint8Array,
  n: number,
  literal: Uint8Array,
): boolean {
  const m = literal.length;
  if (n === 0) return false;
  const s = offsets[0]!;
  for (let i = 1; i <= n; i++) if (offsets[i] !== s + i * m) return false;
  return bytesEqual(bytes, s, literal, 0, m) && bytesEqual(bytes, s + m, bytes, s, (n - 1) * m);
}

function boolKernel(literal: 0 | 1, mask: number): RowKernel {
  return (data, out, at) => {
    const bits = data.values as Uint8Array;
    for (let i = 0; i < data.length; i++) {
      const bit = data.offset + i;
      const x = (bits[bit >> 3]! >> (bit & 7)) & 1;
      const c = x < literal ? 0 : x === literal ? 1 : 2;
      out[at + i] = ((mask >> c) & 1) << 1;
    }
  };
}

/**
 * A kernel for `column op literal`, the literal already converted to the column's domain.
 *
 * @example
 * runKernel(column, compareKernel("=", coerceLiteral(domain, "abc")!), UNKNOWN, out);
 */
export function compareKernel(op: CompareOp, bound: Bound): RowKernel {
  switch (bound.kind) {
    case "number":
      return numberKernel(bound.value, maskFor(op, bound.exact));
    case "int64":
      return (data, out, at) => {
        const signed = !(data.values instanceof BigUint64Array);
        int64Kernel(bound.value, signed, maskFor(op, bound.exact))(data, out, at);
      };
    case "bytes":
      return stringKernel(bound.value, MASKS[op]);
    case "bool":
      return boolKernel(bound.value, MASKS[op]);
    case "none":
      return () => {};
  }
}
