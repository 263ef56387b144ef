import { KernelError } from "../../errors.js";
import type { Column, JoinKind, JoinResult } from "../kernels.js";
import { Int32Growable, keyColumns, tableSize } from "./key-columns.js";
import { hashKeyRows, nullRows, rowEquality } from "./key-hash.js";

const JOIN_KINDS: ReadonlySet<string> = new Set(["inner", "left", "full", "anti", "semi"]);

/**
 * Portable hash join (see `Kernels.join` for the exact output order): builds an open-addressing
 * table over the right keys, with rows of equal key chained in ascending order, then probes it
 * with every left row. No JS string or object per row.
 *
 * @example
 * const { left, right } = join([a.getChild("id")!], [b.getChild("id")!], "inner");
 */
export function join(leftKeys: readonly Column[], rightKeys: readonly Column[], kind: JoinKind): JoinResult {
  if (!JOIN_KINDS.has(kind)) throw new KernelError(`kernels: unknown join kind "${kind}"`);
  if (leftKeys.length === 0 || leftKeys.length !== rightKeys.length) {
    throw new KernelError(
      `kernels: join needs the same non-zero number of key columns on both sides, got ${leftKeys.length} and ${rightKeys.length}`,
    );
  }
  const L = keyColumns(leftKeys, "left join key");
  const R = keyColumns(rightKeys, "right join key");
  for (let k = 0; k < L.keys.length; k++) {
    if (L.keys[k]!.kind !== R.keys[k]!.kind) {
      throw new KernelError(
        `kernels: join key ${k} compares ${leftKeys[k]!.type} with ${rightKeys[k]!.type}: both must be integers or both strings`,
      );
    }
  }
  const nl = L.length;
  const nr = R.length;
  const lh = hashKeyRows(L.keys, nl);
  const rh = hashKeyRows(R.keys, nr);
  const lnull = nullRows(L.keys, nl);
  const rnull = nullRows(R.keys, nr);

  // Build: one slot per distinct right key holding its first row; `next` chains equal keys ascending.
  const size = tableSize(nr);
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const next = new Int32Array(nr).fill(-1);
  const rightEq = rowEquality(R.keys, R.keys);
  for (let j = nr - 1; j >= 0; j--) {
    if (rnull !== null && rnull[j] === 1) continue;
    const h = rh[j]!;
    let p = h & mask;
    for (;;) {
      const head = slots[p]!;
      if (head === -1) {
        slots[p] = j;
        break;
      }
      if (rh[head] === h && rightEq(j, head)) {
        next[j] = head;
        slots[p] = j;
        break;
      }
      p = (p + 1) & mask;
    }
  }

  const eq = rowEquality(L.keys, R.keys);
  const firstMatch = (i: number): number => {
    if (lnull !== null && lnull[i] === 1) return -1;
    const h = lh[i]!;
    let p = h & mask;
    for (;;) {
      const head = slots[p]!;
      if (head === -1) return -1;
      if (rh[head] === h && eq(i, head)) return head;
      p = (p + 1) & mask;
    }
  };

  if (kind === "anti" || kind === "semi") {
    const want = kind === "semi";
    const out = new Int32Growable(nl);
    for (let i = 0; i < nl; i++) if ((firstMatch(i) !== -1) === want) out.push(i);
    return { left: out.finish(), right: new Int32Array(0) };
  }

  const outL = new Int32Growable(nl);
  const outR = new Int32Growable(nl);
  const matched = kind === "full" ? new Uint8Array(nr) : null;
  const keepUnmatched = kind !== "inner";
  for (let i = 0; i < nl; i++) {
    let j = firstMatch(i);
    if (j === -1) {
      if (keepUnmatched) {
        outL.push(i);
        outR.push(-1);
      }
      continue;
    }
    for (; j !== -1; j = next[j]!) {
      outL.push(i);
      outR.push(j);
      if (matched !== null) matched[j] = 1;
    }
  }
  if (matched !== null) {
    for (let j = 0; j < nr; j++) {
      if (matched[j] === 0) {
        outL.push(-1);
        outR.push(j);
      }
    }
  }
  return { left: outL.finish(), right: outR.finish() };
}
