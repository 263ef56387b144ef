import {
  type Data,
  type DataType,
  type Decimal,
  type Float as FloatType,
  type Int as IntType,
  makeData,
  Precision,
  type Timestamp,
  TimeUnit,
  Type,
} from "apache-arrow";
import { MetadataSchemaError } from "../../errors.js";
import { castList, castMap, castStruct } from "./cast-nested.js";
import { castBinary, castUtf8, decodeDictionary } from "./cast-strings.js";
import { alignedValidity, isValid } from "./validity.js";

/**
 * Converts one chunk to `target`, the Arrow type of its Delta column: string layouts (LargeUtf8,
 * Utf8View, dictionaries) to Utf8, integers of any width or sign (range-checked), timestamps of any
 * unit to microseconds, Date64 to Date32, Float32 to Float64, and nested types field by field
 * (struct fields the chunk lacks become null). Chunks already of the target type come back as they
 * are. Anything else throws `MetadataSchemaError` naming `column` and both types.
 *
 * @example
 * castData(largeUtf8Chunk, new Utf8(), "name"); // a Utf8 chunk with the same strings
 */
export function castData(data: Data, target: DataType, column: string): Data {
  if (data.type.typeId === Type.Dictionary) data = decodeDictionary(data, column);
  const source = data.type;
  switch (target.typeId) {
    case Type.Utf8:
      if (isString(source)) return castUtf8(data);
      break;
    case Type.Binary:
      if (isBinary(source)) return castBinary(data, column);
      break;
    case Type.Bool:
      if (source.typeId === Type.Bool) return data;
      break;
    case Type.Int:
      if (source.typeId === Type.Int) return castInt(data, target as IntType, column);
      break;
    case Type.Float:
      if (source.typeId === Type.Float) return castFloat(data, target as FloatType, column);
      break;
    case Type.Date:
      if (source.typeId === Type.Date) return castDate(data, target);
      break;
    case Type.Timestamp:
      if (source.typeId === Type.Timestamp) return castTimestamp(data, target as Timestamp);
      break;
    case Type.Decimal:
      if (source.typeId === Type.Decimal && (source as Decimal).scale === (target as Decimal).scale) {
        return relabel(data, target);
      }
      break;
    case Type.Struct:
      if (source.typeId === Type.Struct) return castStruct(data, target, column, castData);
      break;
    case Type.List:
      if (isList(source)) return castList(data, target, column, castData);
      break;
    case Type.Map:
      if (source.typeId === Type.Map) return castMap(data, target, column, castData);
      break;
  }
  throw new MetadataSchemaError(
    `delta: column "${column}" holds ${source}, which cannot be read as ${target}`,
  );
}

function isString(t: DataType): boolean {
  return t.typeId === Type.Utf8 || t.typeId === Type.LargeUtf8 || t.typeId === Type.Utf8View;
}

function isBinary(t: DataType): boolean {
  return t.typeId === Type.Binary || t.typeId === Type.LargeBinary || t.typeId === Type.FixedSizeBinary;
}

function isList(t: DataType): boolean {
  return t.typeId === Type.List || t.typeId === Type.LargeList || t.typeId === Type.FixedSizeList;
}

/** Same buffers under another (compatible) type. */
function relabel(data: Data, type: DataType): Data {
  return makeData({
    type,
    length: data.length,
    nullCount: data.nullCount,
    nullBitmap: alignedValidity(data),
    data: data.values,
  } as never);
}

function withValues(data: Data, type: DataType, values: ArrayLike<unknown>): Data {
  return makeData({
    type,
    length: data.length,
    nullCount: data.nullCount,
    nullBitmap: alignedValidity(data),
    data: values,
  } as never);
}

const INT_RANGE: Readonly<Record<number, readonly [bigint, bigint]>> = {
  8: [-(2n ** 7n), 2n ** 7n - 1n],
  16: [-(2n ** 15n), 2n ** 15n - 1n],
  32: [-(2n ** 31n), 2n ** 31n - 1n],
  64: [-(2n ** 63n), 2n ** 63n - 1n],
};

function castInt(data: Data, target: IntType, column: string): Data {
  const source = data.type as IntType;
  if (source.bitWidth === target.bitWidth && source.isSigned === target.isSigned)
    return relabel(data, target);
  const [min, max] = INT_RANGE[target.bitWidth]!;
  const values = data.values as ArrayLike<number | bigint>;
  const ArrayType = target.ArrayType as unknown as new (n: number) => { [i: number]: number | bigint };
  const out = new ArrayType(data.length);
  const wide = target.bitWidth === 64;
  for (let i = 0; i < data.length; i++) {
    if (!isValid(data, i)) continue;
    const v = values[i]!;
    const big = BigInt(v);
    if (big < min || big > max) {
      throw new MetadataSchemaError(
        `delta: column "${column}" value ${big} does not fit ${target} (from ${source})`,
      );
    }
    out[i] = wide ? big : Number(v);
  }
  return withValues(data, target, out as unknown as ArrayLike<unknown>);
}

function castFloat(data: Data, target: FloatType, column: string): Data {
  const source = data.type as FloatType;
  if (source.precision === target.precision) return relabel(data, target);
  if (source.precision === Precision.SINGLE && target.precision === Precision.DOUBLE) {
    return withValues(
      data,
      target,
      Float64Array.from((data.values as Float32Array).subarray(0, data.length)),
    );
  }
  throw new MetadataSchemaError(
    `delta: column "${column}" holds ${source}, which cannot be read as ${target}`,
  );
}

function castDate(data: Data, target: DataType): Data {
  if ((data.type as unknown as { unit: number }).unit === (target as unknown as { unit: number }).unit)
    return data;
  // Date64 (milliseconds) to Date32 (days), rounding towards the past.
  const ms = data.values as BigInt64Array;
  const out = new Int32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Math.floor(Number(ms[i]!) / 86_400_000);
  return withValues(data, target, out);
}

const MICROS_PER: Readonly<Record<number, bigint>> = {
  [TimeUnit.SECOND]: 1_000_000n,
  [TimeUnit.MILLISECOND]: 1_000n,
  [TimeUnit.MICROSECOND]: 1n,
};

function castTimestamp(data: Data, target: Timestamp): Data {
  const unit = (data.type as Timestamp).unit;
  if (unit === target.unit) return relabel(data, target);
  const values = data.values as BigInt64Array;
  const out = new BigInt64Array(data.length);
  if (unit === TimeUnit.NANOSECOND) {
    for (let i = 0; i < data.length; i++) {
      const v = values[i]!;
      // Floor division: a pre-1970 instant with sub-microsecond digits rounds towards the past.
      const q = v / 1000n;
      out[i] = v < 0n && q * 1000n !== v ? q - 1n : q;
    }
  } else {
    const factor = MICROS_PER[unit]!;
    for (let i = 0; i < data.length; i++) out[i] = values[i]! * factor;
  }
  return withValues(data, target, out);
}
