/**
 * Benchmark inputs, built straight into Arrow buffers (no JS string per row): string columns for
 * hashRows pre-images and 64-bit unsigned keys for the joins.
 */
import { makeData, makeVector, Uint64, type Utf8, type Vector } from "apache-arrow";
import { utf8FromBuffers } from "../../src/arrow/strings.js";

/** `sample_0000123`-style ids (14 bytes, 7 digits: distinct below 10M rows). */
export function sampleIds(n: number): Vector<Utf8> {
  return fixedStrings(n, 14, (i, out, at) => {
    out.set(PREFIX, at);
    writeDigits(i, out, at + 7, 7);
  });
}

/** 8 hex characters per row (a field version stand-in). */
export function hexVersions(n: number): Vector<Utf8> {
  return fixedStrings(n, 8, (i, out, at) => {
    let v = Math.imul(i, 2654435761) >>> 0;
    for (let k = 7; k >= 0; k--) {
      out[at + k] = HEX[v & 15]!;
      v >>>= 4;
    }
  });
}

const PREFIX = new TextEncoder().encode("sample_");
const HEX = new TextEncoder().encode("0123456789abcdef");

function writeDigits(v: number, out: Uint8Array, at: number, width: number): void {
  for (let k = width - 1; k >= 0; k--) {
    out[at + k] = 48 + (v % 10);
    v = Math.floor(v / 10);
  }
}

function fixedStrings(
  n: number,
  width: number,
  fill: (i: number, out: Uint8Array, at: number) => void,
): Vector<Utf8> {
  const offsets = new Int32Array(n + 1);
  const values = new Uint8Array(n * width);
  for (let i = 0; i < n; i++) {
    fill(i, values, i * width);
    offsets[i + 1] = (i + 1) * width;
  }
  return utf8FromBuffers(offsets, values, null, 0);
}

/** A UInt64 Arrow vector over `values` (no copy). */
export function u64Vector(values: BigUint64Array): Vector<Uint64> {
  return makeVector(makeData({ type: new Uint64(), length: values.length, data: values }));
}
