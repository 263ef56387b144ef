import type { Kernels } from "../kernels.js";
import type { NativeBinding } from "./binding.js";
import { callNative } from "./call.js";
import { nativeInts, nativeKey } from "./columns.js";

/**
 * Native `Kernels.keepLatest`.
 *
 * @example
 * const keepLatest = nativeKeepLatest(binding);
 */
export function nativeKeepLatest(binding: NativeBinding): Kernels["keepLatest"] {
  return (keys, orderBy) => {
    const order = nativeInts(orderBy, "keepLatest orderBy");
    const native = keys.map((c, k) => nativeKey(c, `keepLatest key ${k}`));
    return callNative(() => binding.keepLatest(native, order));
  };
}
