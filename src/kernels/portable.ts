import type { Kernels } from "./kernels.js";
import { groupConcat } from "./portable/group-concat.js";
import { hashRows } from "./portable/hash-rows.js";
import { join } from "./portable/join.js";
import { keepLatest } from "./portable/keep-latest.js";
import { take } from "./portable/take.js";

/**
 * The TypeScript kernel set: runs everywhere, no native module, bit-identical to the native set.
 * Works straight on Arrow buffers (multi-chunk, sliced, Utf8/LargeUtf8/Utf8View) without a JS
 * string or object per row on the hot paths.
 *
 * @example
 * const hashes = portableKernels.hashRows("xxhash64", [{ column: ids }], { separator: "|", truncation: 8 });
 */
export const portableKernels: Kernels = {
  kind: "portable",
  hashRows,
  join,
  keepLatest,
  groupConcat,
  take,
  parquet: null,
};
