/**
 * Shared by the native kernel tests: loads the native set once and decides whether its tests run.
 * Without the module they are skipped with a printed reason, unless `METAXY_REQUIRE_NATIVE=1`
 * (CI with cargo), where {@link requireNativeTest} fails instead.
 */
import { expect, it } from "vitest";
import type { Kernels } from "../../src/kernels/kernels.js";
import { loadNativeKernels } from "../../src/kernels/native.js";

function tryLoad(): { kernels: Kernels } | { error: unknown } {
  try {
    return { kernels: loadNativeKernels() };
  } catch (error) {
    return { error };
  }
}

const outcome = tryLoad();

/** The native kernel set, or `null` when the module is absent. */
export const native: Kernels | null = "kernels" in outcome ? outcome.kernels : null;

/** True when the native tests run. */
export const haveNative = native !== null;

/** True when CI demands the native module (`METAXY_REQUIRE_NATIVE=1`). */
export const nativeRequired = process.env.METAXY_REQUIRE_NATIVE === "1";

/** Why the native module did not load (for the skip message and the failing assertion). */
export const nativeError: string | null =
  "error" in outcome
    ? outcome.error instanceof Error
      ? outcome.error.message
      : String(outcome.error)
    : null;

/** Prints why `file`'s native tests are skipped, when they are. */
export function announceSkip(file: string): void {
  if (!haveNative && !nativeRequired) {
    console.log(`${file}: native kernels unavailable, skipping native tests (${nativeError})`);
  }
}

/** Registers the test that fails when `METAXY_REQUIRE_NATIVE=1` and the module did not load. */
export function requireNativeTest(): void {
  it.runIf(nativeRequired)("loads the native module (METAXY_REQUIRE_NATIVE=1)", () => {
    expect(nativeError).toBeNull();
    expect(native?.kind).toBe("native");
  });
}

/** The native set inside tests that run only when it loaded. */
export function nativeKernels(): Kernels {
  if (native === null) throw new Error(`native kernels unavailable: ${nativeError}`);
  return native;
}
