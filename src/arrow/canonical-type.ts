import { type DataType, Type, Utf8, util } from "apache-arrow";
import { withChildTypes } from "./with-child-types.js";

/**
 * The type this module produces for a column of the given type: Dictionary → its value type,
 * LargeUtf8 / Utf8View → Utf8, recursively inside nested types; everything else unchanged.
 *
 * @example
 * canonicalType(new Dictionary(new Utf8(), new Int32())); // Utf8
 */
export function canonicalType(type: DataType): DataType {
  switch (type.typeId) {
    case Type.Dictionary:
      return canonicalType((type as unknown as { dictionary: DataType }).dictionary);
    case Type.LargeUtf8:
    case Type.Utf8View:
      return new Utf8();
    default:
      if (!type.children?.length) return type;
      return withChildTypes(
        type,
        type.children.map((f) => canonicalType(f.type)),
      );
  }
}

/**
 * True for Utf8, LargeUtf8 and Utf8View.
 *
 * @example
 * isStringType(new LargeUtf8()); // true
 */
export function isStringType(type: DataType): boolean {
  return type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8 || type.typeId === Type.Utf8View;
}

/**
 * Deep type equality (names, nullability and types of children included).
 *
 * @example
 * sameType(new Int64(), new Int64()); // true
 */
export function sameType(a: DataType, b: DataType): boolean {
  return util.compareTypes(a, b);
}
