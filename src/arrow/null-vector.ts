import { type Data, DataType, type FixedSizeList, Type, Vector } from "apache-arrow";
import { InvalidArgumentError } from "../errors.js";
import { newBitmap } from "./bitmap.js";
import { makeChunk } from "./chunk.js";

/**
 * A vector of `length` nulls of any type, with every buffer allocated at its full size (zeroed) so
 * that IPC and Parquet writers see a well-formed column. Struct children are null too; Map and List
 * rows are empty.
 *
 * @example
 * const deletedAt = nullVector(new TimestampMicrosecond("UTC"), table.numRows);
 */
export function nullVector<T extends DataType>(type: T, length: number): Vector<T> {
  return new Vector([nullData(type, length)]) as Vector<T>;
}

/**
 * One all-null chunk of the type (see {@link nullVector}).
 *
 * @example
 * const chunk = nullData(new Utf8(), 3); // offsets [0,0,0,0], validity all zero
 */
export function nullData<T extends DataType>(type: T, length: number): Data<T> {
  const validity = newBitmap(length);
  switch (type.typeId) {
    case Type.Null:
      return makeChunk(type, length, length, {});
    case Type.Utf8:
    case Type.Binary:
      return makeChunk(type, length, length, {
        offsets: new Int32Array(length + 1),
        values: new Uint8Array(0),
        validity,
      });
    case Type.LargeUtf8:
    case Type.LargeBinary:
      return makeChunk(type, length, length, {
        offsets: new BigInt64Array(length + 1),
        values: new Uint8Array(0),
        validity,
      });
    case Type.Utf8View:
    case Type.BinaryView:
      return makeChunk(type, length, length, { values: new Uint8Array(length * 16), validity });
    case Type.Bool:
      return makeChunk(type, length, length, { values: newBitmap(length), validity });
    case Type.Struct:
      return makeChunk(
        type,
        length,
        length,
        { validity },
        type.children.map((f) => nullData(f.type, length)),
      );
    case Type.List:
    case Type.Map:
      return makeChunk(type, length, length, { offsets: new Int32Array(length + 1), validity }, [
        nullData(type.children[0]!.type, 0),
      ]);
    case Type.LargeList:
      return makeChunk(type, length, length, { offsets: new BigInt64Array(length + 1), validity }, [
        nullData(type.children[0]!.type, 0),
      ]);
    case Type.FixedSizeList: {
      const size = (type as unknown as FixedSizeList).listSize;
      return makeChunk(type, length, length, { validity }, [nullData(type.children[0]!.type, length * size)]);
    }
    case Type.Dictionary: {
      const dict = type as unknown as { indices: DataType; dictionary: DataType };
      const keys = fixedWidthValues(dict.indices, length);
      return makeChunk(
        type,
        length,
        length,
        { values: keys, validity },
        [],
        new Vector([nullData(dict.dictionary, 0)]),
      );
    }
    default: {
      if (DataType.isUnion(type) || type.typeId === Type.NONE) {
        throw new InvalidArgumentError(`arrow: cannot build a null column of type ${type}`);
      }
      return makeChunk(type, length, length, { values: fixedWidthValues(type, length), validity });
    }
  }
}

/** A zeroed values buffer for `length` rows of a fixed-width type, sized by the type's stride. */
function fixedWidthValues(type: DataType, length: number): ArrayBufferView {
  const probe = makeChunk(type, 0, 0, {});
  const ArrayType = type.ArrayType as Uint8ArrayConstructor;
  return new ArrayType(length * probe.stride);
}
