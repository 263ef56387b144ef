import {
  type Data,
  type DataType,
  type FixedSizeList,
  makeVector,
  type Timestamp,
  TimeUnit,
  Type,
  type Vector,
} from "apache-arrow";
import type { Column } from "../kernels/kernels.js";
import { getBit, validityOf } from "./bitmap.js";
import { chunksOf, isValidAt, stringChunks } from "./strings.js";

/**
 * How cells become JS values. `rows`: Int64/Uint64 → number when safe else bigint, Timestamp → Date,
 * Struct and Map → plain objects, strings → string. `raw`: the same, except 64-bit integers stay
 * bigint and Timestamps are their bigint ticks — lossless, for converting between Arrow types.
 *
 * @example
 * const mode: ReadMode = "raw"; columnValues(createdAt, mode); // [1700000000000000n]
 */
export type ReadMode = "rows" | "raw";

/**
 * Every cell of a column (any number of chunks, sliced or not) as JS values; null for null cells.
 *
 * @example
 * columnValues(table.getChild("sample_uid")!, "rows"); // [1, 2, null]
 */
export function columnValues(column: Column, mode: ReadMode): unknown[] {
  const out: unknown[] = [];
  for (const data of chunksOf(column)) {
    const read = chunkReader(data, mode);
    for (let i = 0; i < data.length; i++) out.push(read(i));
  }
  return out;
}

/**
 * A reader of row i (relative to the chunk) of one chunk.
 *
 * @example
 * const read = chunkReader(column.data[0], "rows"); read(0);
 */
export function chunkReader(data: Data, mode: ReadMode): (i: number) => unknown {
  if (data.typeId === Type.Null) return () => null;
  const read = valueReader(data, mode);
  const validity = validityOf(data);
  if (validity === null) return read;
  const offset = data.offset;
  return (i) => (isValidAt(validity, offset, i) ? read(i) : null);
}

const decoder = new TextDecoder();
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MS_DIVISOR: Readonly<Record<number, number>> = {
  [TimeUnit.SECOND]: 1e-3,
  [TimeUnit.MILLISECOND]: 1,
  [TimeUnit.MICROSECOND]: 1e3,
  [TimeUnit.NANOSECOND]: 1e6,
};

/** Reads a valid cell; validity is handled by {@link chunkReader}. */
function valueReader(data: Data, mode: ReadMode): (i: number) => unknown {
  const type: DataType = data.type;
  switch (type.typeId) {
    case Type.Int: {
      const values = data.values as ArrayLike<number | bigint>;
      if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
        const big = values as BigInt64Array;
        return mode === "raw" ? (i) => big[i] : (i) => safeNumber(big[i]!);
      }
      return (i) => values[i];
    }
    case Type.Float:
      if (data.values instanceof Uint16Array) break; // Float16: let Arrow decode the half floats
      return (i) => (data.values as Float64Array)[i];
    case Type.Bool: {
      const bits = data.values as Uint8Array;
      const offset = data.offset;
      return (i) => getBit(bits, offset + i);
    }
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View: {
      const c = stringChunks(data)[0]!;
      return (i) => decoder.decode(c.values.subarray(Number(c.offsets[i]), Number(c.offsets[i + 1])));
    }
    case Type.Timestamp: {
      const ticks = data.values as BigInt64Array;
      if (mode === "raw") return (i) => ticks[i];
      const divisor = MS_DIVISOR[(type as Timestamp).unit]!;
      return (i) => new Date(Math.floor(Number(ticks[i]) / divisor));
    }
    case Type.Struct: {
      const names = type.children.map((f) => f.name);
      const readers = data.children.map((child) => chunkReader(child, mode));
      return (i) => {
        const row: Record<string, unknown> = {};
        for (let k = 0; k < names.length; k++) setKey(row, names[k]!, readers[k]!(i));
        return row;
      };
    }
    case Type.Map: {
      const offsets = data.valueOffsets as Int32Array;
      const entries = data.children[0]!;
      const key = chunkReader(entries.children[0]!, mode);
      const value = chunkReader(entries.children[1]!, mode);
      return (i) => {
        const row: Record<string, unknown> = {};
        for (let j = offsets[i]!; j < offsets[i + 1]!; j++) setKey(row, String(key(j)), value(j));
        return row;
      };
    }
    case Type.List:
    case Type.LargeList: {
      const offsets = data.valueOffsets as Int32Array | BigInt64Array;
      const child = chunkReader(data.children[0]!, mode);
      return (i) => {
        const out: unknown[] = [];
        for (let j = Number(offsets[i]); j < Number(offsets[i + 1]); j++) out.push(child(j));
        return out;
      };
    }
    case Type.FixedSizeList: {
      const size = (type as FixedSizeList).listSize;
      const child = chunkReader(data.children[0]!, mode);
      return (i) => Array.from({ length: size }, (_, k) => child(i * size + k));
    }
    case Type.Dictionary: {
      const keys = data.values as ArrayLike<number | bigint>;
      const dictionary = columnValues(data.dictionary as Vector, mode);
      return (i) => dictionary[Number(keys[i])];
    }
    case Type.Date: {
      const vector = makeVector(data);
      if (mode === "raw") return (i) => vector.get(i);
      return (i) => {
        const v: unknown = vector.get(i);
        return typeof v === "number" ? new Date(v) : v;
      };
    }
  }
  const vector = makeVector(data);
  return (i) => vector.get(i);
}

function safeNumber(v: bigint): number | bigint {
  return v >= -SAFE && v <= SAFE ? Number(v) : v;
}

/**
 * Sets an own enumerable property, also for the key `__proto__` (which plain assignment would turn
 * into a prototype change): keys come from data.
 *
 * @example
 * setKey(row, "__proto__", "x"); // row.__proto__ is an own property holding "x"
 */
export function setKey(row: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
  else row[key] = value;
}
