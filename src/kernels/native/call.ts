import { KernelError } from "../../errors.js";

/**
 * Runs one native call, turning the module's thrown `Error` (argument problems, kernel errors,
 * caught panics) into a `KernelError` that keeps the original as `cause`.
 *
 * @example
 * const rows = callNative(() => binding.keepLatest(keys, order));
 */
export function callNative<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof KernelError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new KernelError(message.startsWith("kernels:") ? message : `kernels: ${message}`, { cause: error });
  }
}
