import { KernelError } from "../../errors.js";
import type { Kernels } from "../kernels.js";
import type { NativeBinding } from "./binding.js";
import { callNative } from "./call.js";
import { nativeKey } from "./columns.js";

const JOIN_KINDS: ReadonlySet<string> = new Set(["inner", "left", "full", "anti", "semi"]);

/**
 * Native `Kernels.join`: the index arrays come back as Int32Arrays over the module's memory.
 *
 * @example
 * const join = nativeJoin(binding, () => 2);
 */
export function nativeJoin(binding: NativeBinding, threads: () => number): Kernels["join"] {
  return (leftKeys, rightKeys, kind) => {
    if (!JOIN_KINDS.has(kind)) throw new KernelError(`kernels: unknown join kind "${kind}"`);
    if (leftKeys.length === 0 || leftKeys.length !== rightKeys.length) {
      throw new KernelError(
        `kernels: join needs the same non-zero number of key columns on both sides, got ${leftKeys.length} and ${rightKeys.length}`,
      );
    }
    const left = leftKeys.map((c, k) => nativeKey(c, `left join key ${k}`));
    const right = rightKeys.map((c, k) => nativeKey(c, `right join key ${k}`));
    leftKeys.forEach((l, k) => {
      const r = rightKeys[k]!;
      if ((left[k]![0]?.[4] === null) !== (right[k]![0]?.[4] === null)) {
        throw new KernelError(
          `kernels: join key ${k} compares ${l.type} with ${r.type}: both must be integers or both strings`,
        );
      }
    });
    const [l, r] = callNative(() => binding.join(left, right, kind, threads()));
    return { left: l, right: r };
  };
}
