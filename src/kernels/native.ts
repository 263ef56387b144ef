import { KernelError } from "../errors.js";
import type { Kernels } from "./kernels.js";

/**
 * Loads the native (Rust N-API) kernel set. Placeholder until the native module exists: always
 * throws, so `getKernels()` falls back to the portable kernels.
 *
 * @example
 * try { loadNativeKernels(); } catch (e) { console.log((e as Error).message); }
 */
export function loadNativeKernels(): Kernels {
  throw new KernelError("kernels: native module not built");
}
