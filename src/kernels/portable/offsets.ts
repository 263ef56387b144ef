import { KernelError } from "../../errors.js";

/**
 * Int32 access to a chunk's offsets: `offs[i * step]` is offset i. Int64 offsets (LargeUtf8,
 * LargeBinary, LargeList) are read through their low little-endian words without copying or
 * creating a BigInt per row; they must stay below 2 GiB.
 *
 * @example
 * const { offs, step } = offsetsView(data.valueOffsets, data.length);
 * const start = offs[i * step]!;
 */
export function offsetsView(
  offsets: Int32Array | BigInt64Array,
  length: number,
): { offs: Int32Array; step: number } {
  if (offsets instanceof Int32Array) return { offs: offsets, step: 1 };
  if (length >= 0 && offsets[length]! > 0x7fffffffn) {
    throw new KernelError("kernels: 64-bit offsets beyond 2 GiB are not supported by the portable kernels");
  }
  return { offs: new Int32Array(offsets.buffer, offsets.byteOffset, 2 * (length + 1)), step: 2 };
}
