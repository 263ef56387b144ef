import { type Data, type DataType, type Field, makeData, Type } from "apache-arrow";
import { MetadataSchemaError } from "../../errors.js";
import { nullData } from "./null-data.js";
import { alignedValidity } from "./validity.js";

/** The element caster (`castData`), passed in to keep the modules acyclic. */
export type CastFn = (data: Data, target: DataType, column: string) => Data;

/**
 * Casts a struct chunk field by field, by name: fields the target lacks are dropped, fields the
 * chunk lacks are null.
 *
 * @example
 * castStruct(chunk, new Struct([new Field("a", new Utf8())]), "s", castData);
 */
export function castStruct(data: Data, target: DataType, column: string, cast: CastFn): Data {
  const sourceFields = data.type.children as Field[];
  const children = (target.children as Field[]).map((field) => {
    const index = sourceFields.findIndex((f) => f.name === field.name);
    // Struct children are sliced along with their parent, so they line up with its rows.
    return index < 0
      ? nullData(field.type, data.length)
      : cast(data.children[index]!, field.type, `${column}.${field.name}`);
  });
  return makeData({
    type: target,
    length: data.length,
    nullCount: data.nullCount,
    nullBitmap: alignedValidity(data),
    children,
  } as never);
}

/**
 * Casts a List, LargeList or FixedSizeList chunk to a List of the target element type.
 *
 * @example
 * castList(largeListChunk, new List(new Field("element", new Int64())), "xs", castData);
 */
export function castList(data: Data, target: DataType, column: string, cast: CastFn): Data {
  const { offsets, child } = listParts(data, column);
  const element = target.children[0]!.type as DataType;
  return makeData({
    type: target,
    length: data.length,
    nullCount: data.nullCount,
    nullBitmap: alignedValidity(data),
    valueOffsets: offsets,
    child: cast(child, element, `${column}.element`),
  } as never);
}

/**
 * Casts a Map chunk: keys and values to the target entry types, entries renamed to the target's.
 *
 * @example
 * castMap(mapChunk, deltaToArrowType({ type: "map", keyType: "string", valueType: "string", valueContainsNull: true }), "m", castData);
 */
export function castMap(data: Data, target: DataType, column: string, cast: CastFn): Data {
  const { offsets, child } = listParts(data, column);
  const entriesType = target.children[0]!.type as DataType;
  const [keyField, valueField] = entriesType.children as Field[];
  const [key, value] = child.children;
  const entries = makeData({
    type: entriesType,
    length: child.length,
    nullCount: 0,
    children: [
      cast(key!, keyField!.type, `${column}.key`),
      cast(value!, valueField!.type, `${column}.value`),
    ],
  } as never);
  return makeData({
    type: target,
    length: data.length,
    nullCount: data.nullCount,
    nullBitmap: alignedValidity(data),
    valueOffsets: offsets,
    child: entries,
  } as never);
}

/**
 * Int32 offsets starting at 0 and the child rows they index. List children are not sliced with
 * their parent (the offsets are), so the child is cut to the referenced range here.
 */
function listParts(data: Data, column: string): { offsets: Int32Array; child: Data } {
  const child = data.children[0]!;
  if (data.type.typeId === Type.FixedSizeList) {
    const size = (data.type as unknown as { listSize: number }).listSize;
    const offsets = new Int32Array(data.length + 1);
    for (let i = 0; i <= data.length; i++) offsets[i] = i * size;
    return { offsets, child };
  }
  const raw = (data.valueOffsets as Int32Array | BigInt64Array).subarray(0, data.length + 1);
  const first = Number(raw[0]);
  const last = Number(raw[data.length]);
  if (last - first > 2 ** 31 - 1) {
    throw new MetadataSchemaError(
      `delta: column "${column}" holds a list chunk with more than 2^31 elements`,
    );
  }
  const offsets = new Int32Array(data.length + 1);
  for (let i = 0; i <= data.length; i++) offsets[i] = Number(raw[i]) - first;
  const sliced = first === 0 && last === child.length ? child : child.slice(first, last - first);
  return { offsets, child: sliced };
}
