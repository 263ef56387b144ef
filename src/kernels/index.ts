import { KernelError } from "../errors.js";
import type { Kernels } from "./kernels.js";
import { loadNativeKernels } from "./native.js";
import { portableKernels } from "./portable.js";

type NativeOutcome = { readonly kernels: Kernels } | { readonly error: unknown };

let native: NativeOutcome | undefined;

/** Loads the native set once; later calls reuse the outcome (success or failure). */
function nativeOutcome(): NativeOutcome {
  if (native === undefined) {
    try {
      native = { kernels: loadNativeKernels() };
    } catch (error) {
      native = { error };
    }
  }
  return native;
}

/** The kind `getKernels()` picks: `METAXY_KERNELS` when set, else native when it loads. */
function defaultKind(): "native" | "portable" {
  const env = process.env.METAXY_KERNELS;
  if (env === undefined || env === "") return "kernels" in nativeOutcome() ? "native" : "portable";
  if (env === "native" || env === "portable") return env;
  throw new KernelError(`kernels: invalid METAXY_KERNELS "${env}": expected "native" or "portable"`);
}

/**
 * The kernel set to run: `kind` when given, else `METAXY_KERNELS` (`native` | `portable`), else
 * native when the module loads and portable otherwise. Asking for native when it cannot load
 * throws `KernelError` with the load error as `cause`.
 *
 * @example
 * const k = getKernels();
 * const hashes = k.hashRows("xxhash64", [{ column: ids }], { separator: "|", truncation: 8 });
 */
export function getKernels(kind?: "native" | "portable"): Kernels {
  const wanted = kind ?? defaultKind();
  if (wanted === "portable") return portableKernels;
  const outcome = nativeOutcome();
  if ("kernels" in outcome) return outcome.kernels;
  const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  throw new KernelError(`kernels: native kernels requested but unavailable: ${reason}`, {
    cause: outcome.error,
  });
}

/**
 * Which kernel set `getKernels()` uses and whether the native one could load (with its error).
 * With `METAXY_KERNELS=native` and no loadable module, `active` is still `"native"` (what is asked
 * for; `getKernels()` then throws) and `nativeError` says why.
 *
 * @example
 * kernelsInfo(); // { active: "portable", nativeAvailable: false, nativeError: "kernels: native module not built" }
 */
export function kernelsInfo(): {
  active: "native" | "portable";
  nativeAvailable: boolean;
  nativeError?: string;
} {
  const outcome = nativeOutcome();
  const active = defaultKind();
  if ("kernels" in outcome) return { active, nativeAvailable: true };
  const nativeError = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  return { active, nativeAvailable: false, nativeError };
}
