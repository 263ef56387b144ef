import {
  Binary,
  type Data,
  type DataType,
  makeData,
  makeVector,
  Type,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import { stringChunks } from "../../arrow/strings.js";
import { MetadataSchemaError } from "../../errors.js";
import { alignedValidity, isValid } from "./validity.js";

const MAX_INT32 = 2 ** 31 - 1;

/**
 * A Utf8 chunk (offsets from 0, validity from bit 0) with the strings of a Utf8, LargeUtf8 or
 * Utf8View chunk; a Utf8 chunk already in that form is returned as is.
 *
 * @example
 * castUtf8(largeUtf8Chunk).type; // Utf8
 */
export function castUtf8(data: Data): Data {
  if (data.type.typeId === Type.Utf8 && data.offset === 0 && (data.valueOffsets as Int32Array)[0] === 0) {
    return data;
  }
  const chunk = stringChunks(data)[0]!;
  return variableWidth(new Utf8(), data, chunk.offsets, chunk.values);
}

/**
 * A Binary chunk with the bytes of a Binary, LargeBinary or FixedSizeBinary chunk.
 *
 * @example
 * castBinary(fixedSizeBinaryChunk, "digest").type; // Binary
 */
export function castBinary(data: Data, column: string): Data {
  const type = new Binary();
  switch (data.type.typeId) {
    case Type.Binary:
    case Type.LargeBinary: {
      const offsets = (data.valueOffsets as Int32Array | BigInt64Array).subarray(0, data.length + 1);
      if (data.type.typeId === Type.Binary && data.offset === 0 && offsets[0] === 0) return data;
      return variableWidth(type, data, offsets, data.values as Uint8Array);
    }
    case Type.FixedSizeBinary: {
      const width = (data.type as unknown as { byteWidth: number }).byteWidth;
      const offsets = new Int32Array(data.length + 1);
      for (let i = 0; i <= data.length; i++) offsets[i] = i * width;
      return variableWidth(type, data, offsets, (data.values as Uint8Array).subarray(0, data.length * width));
    }
  }
  throw new MetadataSchemaError(
    `delta: column "${column}" holds ${data.type}, which cannot be read as Binary`,
  );
}

/** Rebases absolute (possibly 64-bit) offsets to an Int32 layout starting at 0. */
function variableWidth(
  type: DataType,
  data: Data,
  offsets: Int32Array | BigInt64Array,
  values: Uint8Array,
): Data {
  const first = Number(offsets[0]);
  const last = Number(offsets[data.length]);
  if (last - first > MAX_INT32) {
    throw new MetadataSchemaError(`delta: a ${data.type} chunk holds more than 2 GiB of bytes`);
  }
  const out = new Int32Array(data.length + 1);
  for (let i = 0; i <= data.length; i++) out[i] = Number(offsets[i]) - first;
  return makeData({
    type,
    length: data.length,
    nullCount: data.nullCount,
    nullBitmap: alignedValidity(data),
    valueOffsets: out,
    data: values.subarray(first, last),
  } as never);
}

/**
 * The values of a dictionary-encoded chunk, gathered into a plain chunk of the dictionary's value
 * type (string dictionaries without building JS strings).
 *
 * @example
 * decodeDictionary(tableFromArrays({ s: ["a", "b"] }).getChild("s")!.data[0]!, "s").type; // Utf8
 */
export function decodeDictionary(data: Data, column: string): Data {
  const dictionary = data.dictionary;
  if (dictionary === undefined) {
    throw new MetadataSchemaError(`delta: dictionary column "${column}" has no dictionary`);
  }
  const indices = data.values as ArrayLike<number | bigint>;
  const valueType = dictionary.type as DataType;
  if (
    valueType.typeId === Type.Utf8 ||
    valueType.typeId === Type.LargeUtf8 ||
    valueType.typeId === Type.Utf8View
  ) {
    const words: Uint8Array[] = [];
    for (const chunk of stringChunks(dictionary)) {
      for (let k = 0; k < chunk.length; k++) {
        words.push(chunk.values.subarray(Number(chunk.offsets[k]), Number(chunk.offsets[k + 1])));
      }
    }
    const offsets = new Int32Array(data.length + 1);
    let total = 0;
    for (let i = 0; i < data.length; i++) {
      if (isValid(data, i)) total += words[Number(indices[i])]!.length;
      offsets[i + 1] = total;
    }
    const bytes = new Uint8Array(total);
    for (let i = 0; i < data.length; i++) {
      if (offsets[i + 1] !== offsets[i]) bytes.set(words[Number(indices[i])]!, offsets[i]);
    }
    return makeData({
      type: new Utf8(),
      length: data.length,
      nullCount: data.nullCount,
      nullBitmap: alignedValidity(data),
      valueOffsets: offsets,
      data: bytes,
    } as never);
  }
  // Rare (non-string dictionaries): go through JS values.
  const vector = makeVector(data);
  const values: unknown[] = [];
  for (let i = 0; i < data.length; i++) values.push(vector.get(i));
  return vectorFromArray(values, valueType).data[0]!;
}
