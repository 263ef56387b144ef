import type { Utf8, Vector } from "apache-arrow";
import { isStringColumn, utf8FromBuffers } from "../../arrow/strings.js";
import { KernelError } from "../../errors.js";
import type { Kernels } from "../kernels.js";
import type { NativeBinding } from "./binding.js";
import { callNative } from "./call.js";
import { nativeKey, nativeStrings } from "./columns.js";

const encoder = new TextEncoder();

/**
 * Native `Kernels.groupConcat`.
 *
 * @example
 * const groupConcat = nativeGroupConcat(binding);
 */
export function nativeGroupConcat(binding: NativeBinding): Kernels["groupConcat"] {
  return (groupKeys, orderKeys, values, separator) => {
    if (!isStringColumn(values)) {
      throw new KernelError(`kernels: groupConcat values must be a string column, got ${values.type}`);
    }
    const n = values.length;
    const keyed = (cols: typeof groupKeys, role: string) =>
      cols.map((c, k) => {
        if (c.length !== n)
          throw new KernelError(`kernels: ${role} ${k} has ${c.length} rows, expected ${n}`);
        return nativeKey(c, `${role} ${k}`);
      });
    const groups = keyed(groupKeys, "groupConcat group key");
    const order = keyed(orderKeys, "groupConcat order key");
    const [offsets, bytes] = callNative(() =>
      binding.groupConcat(groups, order, nativeStrings(values), encoder.encode(separator)),
    );
    return utf8FromBuffers(offsets as Int32Array, bytes, null, 0) as Vector<Utf8>;
  };
}
