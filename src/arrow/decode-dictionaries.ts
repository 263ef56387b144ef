import { type Data, Type, Vector } from "apache-arrow";
import type { Column } from "../kernels/kernels.js";
import { asVector } from "./chunk.js";
import { iota, takeColumn } from "./take-column.js";
import { hasDictionary, withChildTypes } from "./with-child-types.js";

/**
 * The column with every Dictionary (also inside Struct, List and Map children) replaced by its plain
 * values: Dictionary<Int32, Utf8> becomes Utf8. Chunks stay chunks; columns without dictionaries are
 * returned as is.
 *
 * @example
 * decodeDictionaries(arqueroOutput.getChild("name")!).type; // Utf8
 */
export function decodeDictionaries(column: Column): Vector {
  const vector = asVector(column);
  if (!hasDictionary(vector.type)) return vector;
  return new Vector(vector.data.map(decodeChunk));
}

function decodeChunk(data: Data): Data {
  if (!hasDictionary(data.type)) return data;
  if (data.typeId === Type.Dictionary) {
    return decodeChunk(takeColumn(new Vector([data]), iota(data.length)).data[0]!);
  }
  const children = data.children.map(decodeChunk);
  const type = withChildTypes(
    data.type,
    children.map((c) => c.type),
  );
  return data.clone(type, data.offset, data.length, data.nullCount, data as never, children);
}
