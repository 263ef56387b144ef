import { Utf8, type Vector } from "apache-arrow";
import { nullVector } from "./null-vector.js";
import { utf8FromBuffers } from "./strings.js";

const encoder = new TextEncoder();

/**
 * A Utf8 column holding `value` on every row (all null for `null`), built directly in buffers.
 *
 * @example
 * constantUtf8(featureVersion, table.numRows); // the metaxy_feature_version column
 */
export function constantUtf8(value: string | null, length: number): Vector<Utf8> {
  if (value === null) return nullVector(new Utf8(), length);
  const bytes = encoder.encode(value);
  const values = new Uint8Array(bytes.length * length);
  const offsets = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) {
    values.set(bytes, i * bytes.length);
    offsets[i + 1] = (i + 1) * bytes.length;
  }
  return utf8FromBuffers(offsets, values, null, 0);
}
