import type { Utf8, Vector } from "apache-arrow";
import { isStringColumn, utf8FromBuffers } from "../../arrow/strings.js";
import { KernelError } from "../../errors.js";
import { parseHashAlgorithm } from "../../hashing/algorithms.js";
import type { Kernels } from "../kernels.js";
import type { NativeBinding, NativePart } from "./binding.js";
import { callNative } from "./call.js";
import { nativeStrings } from "./columns.js";

const encoder = new TextEncoder();

/**
 * Native `Kernels.hashRows`: one call for all rows; the result's buffers are owned by the module's
 * allocation and wrapped as a Utf8 vector without copying.
 *
 * @example
 * const hashRows = nativeHashRows(binding, () => 2);
 */
export function nativeHashRows(binding: NativeBinding, threads: () => number): Kernels["hashRows"] {
  return (algorithm, parts, options, length) => {
    parseHashAlgorithm(algorithm);
    const { truncation } = options;
    if (truncation !== null && (!Number.isInteger(truncation) || truncation < 0)) {
      throw new KernelError(
        `kernels: invalid truncation ${truncation}: expected a non-negative integer or null`,
      );
    }
    let rows = length;
    const native = parts.map((part, k): NativePart => {
      if ("literal" in part) return encoder.encode(part.literal);
      if (!isStringColumn(part.column)) {
        throw new KernelError(`kernels: hashRows part ${k} must be a string column, got ${part.column.type}`);
      }
      if (rows !== undefined && part.column.length !== rows) {
        throw new KernelError(`kernels: hashRows part ${k} has ${part.column.length} rows, expected ${rows}`);
      }
      rows = part.column.length;
      return [nativeStrings(part.column), part.nullAs === undefined ? null : encoder.encode(part.nullAs)];
    });
    if (rows === undefined) {
      throw new KernelError("kernels: hashRows needs `length` when every part is a literal");
    }
    const n = rows;
    const [offsets, values, validity, nulls] = callNative(() =>
      binding.hashRows(algorithm, native, encoder.encode(options.separator), truncation ?? -1, n, threads()),
    );
    return utf8FromBuffers(offsets as Int32Array, values, validity, nulls) as Vector<Utf8>;
  };
}
