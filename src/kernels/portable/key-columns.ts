import { KernelError } from "../../errors.js";
import type { Column } from "../kernels.js";
import { type FlatColumn, flatColumn } from "./columns.js";

/**
 * Flattens a tuple of key columns and checks they share one length; `expected` (when given) is the
 * length they must have.
 *
 * @example
 * const { keys, length } = keyColumns([t.getChild("a")!, t.getChild("b")!], "group key");
 */
export function keyColumns(
  columns: readonly Column[],
  role: string,
  expected?: number,
): { readonly keys: FlatColumn[]; readonly length: number } {
  const keys = columns.map((c, k) => flatColumn(c, `${role} ${k}`));
  let length = expected ?? keys[0]?.length ?? 0;
  for (let k = 0; k < keys.length; k++) {
    if (keys[k]!.length !== length) {
      throw new KernelError(`kernels: ${role} ${k} has ${keys[k]!.length} rows, expected ${length}`);
    }
  }
  if (expected === undefined && keys.length === 0) length = 0;
  return { keys, length };
}

/**
 * Smallest power of two ≥ 2·n (at least 16): the slot count of an open-addressing table.
 *
 * @example
 * tableSize(1000); // 2048
 */
export function tableSize(n: number): number {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}

/**
 * An Int32Array that grows by doubling; `finish()` returns the filled prefix.
 *
 * @example
 * const b = new Int32Growable(4);
 * b.push(7);
 * b.finish(); // Int32Array [7]
 */
export class Int32Growable {
  private buf: Int32Array;
  private n = 0;

  constructor(capacity: number) {
    this.buf = new Int32Array(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.n === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = v;
  }

  finish(): Int32Array {
    return this.buf.slice(0, this.n);
  }
}
