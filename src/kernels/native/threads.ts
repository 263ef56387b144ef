import { availableParallelism } from "node:os";
import { KernelError } from "../../errors.js";

/**
 * Worker threads a native kernel call may use: `METAXY_KERNEL_THREADS` (a positive integer) when
 * set, else the machine's cores capped at 2. The native side uses more than one only for inputs
 * large enough to repay it (hashRows from 16,384 rows per thread, join probes from 65,536 left
 * rows per thread), so small calls stay on the calling thread.
 *
 * @example
 * process.env.METAXY_KERNEL_THREADS = "1"; // force single-threaded native kernels
 * kernelThreads(); // 1
 */
export function kernelThreads(): number {
  const env = process.env.METAXY_KERNEL_THREADS;
  if (env === undefined || env === "") return Math.min(2, availableParallelism());
  const n = Number(env);
  if (!Number.isInteger(n) || n < 1) {
    throw new KernelError(`kernels: invalid METAXY_KERNEL_THREADS "${env}": expected a positive integer`);
  }
  return n;
}
