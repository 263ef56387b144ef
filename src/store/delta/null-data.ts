import { type Data, type DataType, makeData, Type } from "apache-arrow";

/**
 * A chunk of `length` nulls of any type (nested types get null or empty children), used for columns
 * a data file lacks (written before the column was added).
 *
 * @example
 * makeVector(nullData(new Utf8(), 3)).toArray(); // [null, null, null]
 */
export function nullData(type: DataType, length: number): Data {
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  const common = { type, length, nullCount: length, nullBitmap } as const;
  switch (type.typeId) {
    case Type.Null:
      return makeData({ type, length } as never);
    case Type.Utf8:
    case Type.Binary:
      return makeData({
        ...common,
        valueOffsets: new Int32Array(length + 1),
        data: new Uint8Array(0),
      } as never);
    case Type.LargeUtf8:
    case Type.LargeBinary:
      return makeData({
        ...common,
        valueOffsets: new BigInt64Array(length + 1),
        data: new Uint8Array(0),
      } as never);
    case Type.Bool:
      return makeData({ ...common, data: new Uint8Array((length + 7) >> 3) } as never);
    case Type.Struct:
      return makeData({ ...common, children: type.children.map((f) => nullData(f.type, length)) } as never);
    case Type.List:
    case Type.Map:
      return makeData({
        ...common,
        valueOffsets: new Int32Array(length + 1),
        child: nullData(type.children[0]!.type, 0),
      } as never);
    case Type.FixedSizeBinary:
      return makeData({
        ...common,
        data: new Uint8Array(length * (type as unknown as { byteWidth: number }).byteWidth),
      } as never);
    case Type.FixedSizeList: {
      const size = (type as unknown as { listSize: number }).listSize;
      return makeData({ ...common, child: nullData(type.children[0]!.type, length * size) } as never);
    }
    default: {
      const ArrayType = type.ArrayType as new (n: number) => ArrayLike<unknown>;
      const stride = type.typeId === Type.Decimal ? 4 : type.typeId === Type.Interval ? 2 : 1;
      return makeData({ ...common, data: new ArrayType(length * stride) } as never);
    }
  }
}
