import { type DataType, type Field, FixedSizeList, LargeList, List, Map_, Struct, Type } from "apache-arrow";

/**
 * The same nested type (Struct, List, LargeList, FixedSizeList, Map) with its children's types
 * replaced, keeping names, nullability and metadata. Other types are returned unchanged.
 *
 * @example
 * withChildTypes(structType, [new Utf8(), new Int64()]);
 */
export function withChildTypes(type: DataType, childTypes: readonly DataType[]): DataType {
  const fields = (type.children ?? []).map((f: Field, k: number) =>
    f.clone({ type: childTypes[k] ?? f.type }),
  );
  switch (type.typeId) {
    case Type.Struct:
      return new Struct(fields);
    case Type.List:
      return new List(fields[0]!);
    case Type.LargeList:
      return new LargeList(fields[0]!);
    case Type.FixedSizeList:
      return new FixedSizeList((type as FixedSizeList).listSize, fields[0]!);
    case Type.Map:
      return new Map_(fields[0]! as Field<Struct>, (type as Map_).keysSorted);
    default:
      return type;
  }
}

/**
 * True when the type is a Dictionary or nests one anywhere.
 *
 * @example
 * hasDictionary(table.getChild("s")!.type);
 */
export function hasDictionary(type: DataType): boolean {
  return type.typeId === Type.Dictionary || (type.children ?? []).some((f: Field) => hasDictionary(f.type));
}
