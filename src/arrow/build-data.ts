import {
  type Data,
  DataType,
  type Float,
  type Int,
  type Map_,
  Null,
  type Struct,
  type Timestamp,
  TimeUnit,
  Type,
} from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";
import { newBitmap, setBit } from "./bitmap.js";
import { type BuildContext, misfit } from "./build-context.js";
import { buildMap, buildStruct } from "./build-nested.js";
import { makeChunk } from "./chunk.js";
import { describeValue, kindOf } from "./describe-value.js";
import { inferType } from "./infer-type.js";
import { utf8Vector } from "./strings.js";

/**
 * Converts JS values to one chunk of the given type; null and undefined become null. Integers go to
 * Int8..Int64 / Uint8..Uint64 (range-checked for the width), numbers and bigints to Float32/Float64, strings to Utf8 (also for
 * a LargeUtf8 / Utf8View / Dictionary target: this module always produces Utf8), booleans to Bool,
 * Dates and bigint ticks to Timestamp, plain objects to Struct or Map. A Null target means "no
 * opinion": the type is inferred. A value that does not fit is a MetadataSchemaError naming the
 * column, row and value.
 *
 * @example
 * const data = buildData([1, null, 3], new Int32(), { path: "n" });
 */
export function buildData(values: readonly unknown[], type: DataType, ctx: BuildContext): Data {
  if (DataType.isDictionary(type)) return buildData(values, type.dictionary, ctx);
  switch (type.typeId) {
    case Type.Null: {
      const inferred = inferType(values, ctx.path);
      if (inferred.typeId === Type.Null) return makeChunk(new Null(), values.length, values.length, {});
      return buildData(values, inferred, ctx);
    }
    case Type.Int:
      return (type as Int).bitWidth === 64
        ? buildInt64(values, type as Int, ctx)
        : buildInt(values, type as Int, ctx);
    case Type.Float:
      return buildFloat(values, type as Float, ctx);
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return buildStrings(values, type, ctx);
    case Type.Bool:
      return buildBool(values, type, ctx);
    case Type.Timestamp:
      return buildTimestamp(values, type as Timestamp, ctx);
    case Type.Struct:
      return buildStruct(values, type as Struct, ctx, buildData);
    case Type.Map:
      return buildMap(values, type as Map_, ctx, buildData);
    default:
      throw new MetadataSchemaError(
        `arrow: column "${ctx.path}" has type ${type}, which JS values cannot be converted to`,
      );
  }
}

function got(value: unknown): string {
  return `got ${kindOf(value)} ${describeValue(value)}`;
}

function integer(value: unknown, type: DataType, ctx: BuildContext, i: number): number | bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") {
    if (!Number.isInteger(value)) misfit(ctx, i, `${describeValue(value)} is not an integer (${type})`);
    return value;
  }
  return misfit(ctx, i, `expected an integer (${type}), ${got(value)}`);
}

function buildInt(values: readonly unknown[], type: Int, ctx: BuildContext): Data {
  const n = values.length;
  const bits = type.bitWidth;
  const min = type.isSigned ? -(2 ** (bits - 1)) : 0;
  const max = type.isSigned ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  const out = new (type.ArrayType as Int32ArrayConstructor)(n);
  const validity = newBitmap(n);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value == null) {
      nulls++;
      continue;
    }
    const v = Number(integer(value, type, ctx, i));
    if (v < min || v > max || (typeof value === "bigint" && BigInt(v) !== value)) {
      misfit(ctx, i, `${describeValue(value)} is out of range for ${type} (${min}..${max})`);
    }
    out[i] = v;
    setBit(validity, i);
  }
  return makeChunk(type, n, nulls, { values: out, validity });
}

function buildInt64(values: readonly unknown[], type: Int, ctx: BuildContext): Data {
  const n = values.length;
  const min = type.isSigned ? -(1n << 63n) : 0n;
  const max = type.isSigned ? (1n << 63n) - 1n : (1n << 64n) - 1n;
  const out = type.isSigned ? new BigInt64Array(n) : new BigUint64Array(n);
  const validity = newBitmap(n);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value == null) {
      nulls++;
      continue;
    }
    const v = BigInt(integer(value, type, ctx, i));
    if (v < min || v > max)
      misfit(ctx, i, `${describeValue(value)} is out of range for ${type} (${min}..${max})`);
    out[i] = v;
    setBit(validity, i);
  }
  return makeChunk(type, n, nulls, { values: out, validity });
}

function buildFloat(values: readonly unknown[], type: Float, ctx: BuildContext): Data {
  if (type.ArrayType !== Float32Array && type.ArrayType !== Float64Array) {
    throw new MetadataSchemaError(
      `arrow: column "${ctx.path}" has type ${type}, which JS values cannot be converted to`,
    );
  }
  const n = values.length;
  const out = new (type.ArrayType as Float64ArrayConstructor)(n);
  const validity = newBitmap(n);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value == null) {
      nulls++;
      continue;
    }
    if (typeof value !== "number" && typeof value !== "bigint")
      misfit(ctx, i, `expected a number (${type}), ${got(value)}`);
    out[i] = Number(value);
    setBit(validity, i);
  }
  return makeChunk(type, n, nulls, { values: out, validity });
}

function buildStrings(values: readonly unknown[], type: DataType, ctx: BuildContext): Data {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value != null && typeof value !== "string")
      misfit(ctx, i, `expected a string (${type}), ${got(value)}`);
  }
  return utf8Vector(values as readonly (string | null | undefined)[]).data[0]!;
}

function buildBool(values: readonly unknown[], type: DataType, ctx: BuildContext): Data {
  const n = values.length;
  const out = newBitmap(n);
  const validity = newBitmap(n);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value == null) {
      nulls++;
      continue;
    }
    if (typeof value !== "boolean") misfit(ctx, i, `expected a boolean (${type}), ${got(value)}`);
    if (value) setBit(out, i);
    setBit(validity, i);
  }
  return makeChunk(type, n, nulls, { values: out, validity });
}

const TICKS_PER_MS: Readonly<Record<number, bigint>> = {
  [TimeUnit.MILLISECOND]: 1n,
  [TimeUnit.MICROSECOND]: 1000n,
  [TimeUnit.NANOSECOND]: 1_000_000n,
};
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

function buildTimestamp(values: readonly unknown[], type: Timestamp, ctx: BuildContext): Data {
  const n = values.length;
  const out = new BigInt64Array(n);
  const validity = newBitmap(n);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value == null) {
      nulls++;
      continue;
    }
    let ticks: bigint;
    if (value instanceof Date) {
      const ms = value.getTime();
      if (Number.isNaN(ms)) misfit(ctx, i, `Invalid Date does not fit ${type}`);
      ticks =
        type.unit === TimeUnit.SECOND ? BigInt(Math.floor(ms / 1000)) : BigInt(ms) * TICKS_PER_MS[type.unit]!;
    } else if (typeof value === "bigint") {
      ticks = value;
    } else {
      return misfit(ctx, i, `expected a Date or bigint ticks since the epoch (${type}), ${got(value)}`);
    }
    if (ticks < INT64_MIN || ticks > INT64_MAX)
      misfit(ctx, i, `${describeValue(value)} is out of range for ${type}`);
    out[i] = ticks;
    setBit(validity, i);
  }
  return makeChunk(type, n, nulls, { values: out, validity });
}
