import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { KernelError } from "../errors.js";
import type { Kernels } from "./kernels.js";
import { NATIVE_API_VERSION, type NativeBinding } from "./native/binding.js";
import { nativeParquetDecoder } from "./native/decode-parquet.js";
import { nativeGroupConcat } from "./native/group-concat.js";
import { nativeHashRows } from "./native/hash-rows.js";
import { nativeJoin } from "./native/join.js";
import { nativeKeepLatest } from "./native/keep-latest.js";
import { nativeTake } from "./native/take.js";
import { kernelThreads } from "./native/threads.js";
import { portableKernels } from "./portable.js";

/** Options of {@link loadNativeKernels}. */
export interface NativeKernelsOptions {
  /** Worker threads per call; default `METAXY_KERNEL_THREADS`, else min(2, cores). */
  readonly threads?: number;
}

/** `native/` at the package root, from `src/kernels/` and from `dist/kernels/` alike. */
const NATIVE_DIR = fileURLToPath(new URL("../../native/", import.meta.url));

/**
 * File names `napi build --platform` gives the module on this platform (e.g.
 * `metaxy-native.linux-x64-gnu.node`); the loader takes the first that exists, so a glibc and a
 * musl build side by side resolve to glibc.
 */
function candidateFiles(): string[] {
  const { platform, arch } = process;
  const triples =
    platform === "linux"
      ? [`linux-${arch}-gnu`, `linux-${arch}-musl`]
      : platform === "darwin"
        ? [`darwin-${arch}`, "darwin-universal"]
        : platform === "win32"
          ? [`win32-${arch}-msvc`, `win32-${arch}-gnu`]
          : [`${platform}-${arch}`];
  return triples.map((t) => `${NATIVE_DIR}metaxy-native.${t}.node`);
}

let binding: NativeBinding | undefined;

/** Loads the module once: `METAXY_NATIVE_LIBRARY` when set, else the first built file found. */
function loadBinding(): NativeBinding {
  if (binding !== undefined) return binding;
  const override = process.env.METAXY_NATIVE_LIBRARY;
  const candidates = override ? [override] : candidateFiles();
  const path = candidates.find((p) => existsSync(p)) ?? candidates[0]!;
  let loaded: NativeBinding;
  try {
    loaded = createRequire(import.meta.url)(path) as NativeBinding;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new KernelError(
      `kernels: native module not loaded from ${path} (${reason}); build it with \`npm run build:native\` (needs cargo) or use the portable kernels`,
      { cause: error },
    );
  }
  if (loaded.apiVersion !== NATIVE_API_VERSION) {
    throw new KernelError(
      `kernels: native module ${path} speaks API version ${loaded.apiVersion}, expected ${NATIVE_API_VERSION}; rebuild it with \`npm run build:native\``,
    );
  }
  binding = loaded;
  return loaded;
}

/**
 * The native (Rust N-API) kernel set, bit-identical to the portable one. Throws `KernelError`
 * (with the load error as `cause`) when the module is absent, fails to load, or is of another API
 * version. This is the only place that loads `native/metaxy-native.<platform>.node`;
 * `METAXY_NATIVE_LIBRARY` points it at another file.
 *
 * @example
 * const k = loadNativeKernels({ threads: 1 });
 * k.hashRows("xxhash64", [{ column: ids }], { separator: "|", truncation: 8 });
 */
export function loadNativeKernels(options: NativeKernelsOptions = {}): Kernels {
  const b = loadBinding();
  const fixed = options.threads;
  if (fixed !== undefined && (!Number.isInteger(fixed) || fixed < 1)) {
    throw new KernelError(`kernels: invalid native thread count ${fixed}: expected a positive integer`);
  }
  const threads = fixed === undefined ? kernelThreads : () => fixed;
  return {
    kind: "native",
    hashRows: nativeHashRows(b, threads),
    join: nativeJoin(b, threads),
    keepLatest: nativeKeepLatest(b),
    groupConcat: nativeGroupConcat(b),
    take: nativeTake(b, portableKernels.take),
    parquet: nativeParquetDecoder(b, threads),
  };
}
