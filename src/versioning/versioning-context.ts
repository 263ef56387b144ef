import { HashAlgorithmNotSupportedError, InvalidArgumentError } from "../errors.js";
import type { FilterExpr } from "../filters/filter-expr.js";
import { toFilterExpr } from "../filters/to-filter-expr.js";
import { getKernels } from "../kernels/index.js";
import { HASH_ALGORITHMS, type HashAlgorithm, type Kernels } from "../kernels/kernels.js";
import type { FeatureGraph } from "../models/feature-graph.js";
import { FeatureKey } from "../models/feature-key.js";

/**
 * Record-level options shared by every versioning entry point. All are optional.
 *
 * @example
 * const options: VersioningOptions = { hashAlgorithm: "xxhash32", kernels: "portable" };
 */
export interface VersioningOptions {
  /** Record-level hash algorithm; default `"xxhash64"` (the engine's own default in Python tests). */
  readonly hashAlgorithm?: HashAlgorithm;
  /**
   * Truncation length of record-level hashes. It must equal the graph's `hashTruncationLength`
   * (Python reads both from one config value); any other value is an `InvalidArgumentError`.
   */
  readonly truncation?: number | null;
  /**
   * Runtime filters per upstream feature key string (`"a/b"`), applied after the dep's rename, so
   * they use post-rename column names (metaxy-versioning T14, "engine-level runtime filters").
   */
  readonly upstreamFilters?: Readonly<Record<string, readonly (string | FilterExpr)[]>>;
  /** Kernel set: `"native"`, `"portable"` or a `Kernels` object; default `getKernels()`. */
  readonly kernels?: "native" | "portable" | Kernels;
  /** Build `*_by_field` columns as Map<Utf8, Utf8> instead of Struct (hashes are identical). */
  readonly enableMapDatatype?: boolean;
}

/**
 * Resolved record-level settings, as the versioning functions take them. Stores build one per call
 * (with `versioningContext` or by hand); every field is required here.
 *
 * @example
 * const ctx: VersioningContext = versioningContext(graph, { hashAlgorithm: "xxhash32" });
 */
export interface VersioningContext {
  /** The kernel set every hot loop runs in. */
  readonly kernels: Kernels;
  /** Record-level hash algorithm. */
  readonly hashAlgorithm: HashAlgorithm;
  /** Characters kept of every computed hash; null keeps the whole hash. */
  readonly truncation: number | null;
  /** Map<Utf8, Utf8> instead of Struct for the `*_by_field` columns this engine builds. */
  readonly enableMapDatatype: boolean;
  /** Parsed runtime filters per upstream key string (post-rename names); absent keys have none. */
  readonly upstreamFilters: ReadonlyMap<string, readonly FilterExpr[]>;
}

/**
 * Checks and resolves {@link VersioningOptions} against a graph: the algorithm must be supported
 * (`HashAlgorithmNotSupportedError`), the truncation must match the graph's
 * (`InvalidArgumentError`), filter strings are parsed now (`FilterParseError`) and the kernel set
 * is loaded (`KernelError` when native is asked for and cannot load).
 *
 * @example
 * const ctx = versioningContext(graph, { kernels: "portable", upstreamFilters: { "video/raw": ["fps > 24"] } });
 */
export function versioningContext(graph: FeatureGraph, options: VersioningOptions = {}): VersioningContext {
  const hashAlgorithm = options.hashAlgorithm ?? "xxhash64";
  if (!HASH_ALGORITHMS.includes(hashAlgorithm)) {
    throw new HashAlgorithmNotSupportedError(
      `versioning: hash algorithm "${String(hashAlgorithm)}" is not supported; expected one of ${HASH_ALGORITHMS.join(", ")}`,
    );
  }
  const truncation = graph.hashTruncationLength;
  if (options.truncation !== undefined && options.truncation !== truncation) {
    throw new InvalidArgumentError(
      `versioning: truncation ${String(options.truncation)} differs from the graph's hashTruncationLength ${String(truncation)}; ` +
        "record-level and graph-level hashes share one length",
    );
  }
  const upstreamFilters = new Map<string, readonly FilterExpr[]>();
  for (const [key, filters] of Object.entries(options.upstreamFilters ?? {})) {
    if (!Array.isArray(filters)) {
      throw new InvalidArgumentError(`versioning: upstreamFilters["${key}"] must be an array of filters`);
    }
    upstreamFilters.set(FeatureKey.from(key).toString(), Object.freeze(filters.map(toFilterExpr)));
  }
  return Object.freeze({
    kernels: resolveKernels(options.kernels),
    hashAlgorithm,
    truncation,
    enableMapDatatype: options.enableMapDatatype === true,
    upstreamFilters,
  });
}

function resolveKernels(kernels: VersioningOptions["kernels"]): Kernels {
  if (kernels === undefined) return getKernels();
  if (kernels === "native" || kernels === "portable") return getKernels(kernels);
  if (typeof kernels === "object" && kernels !== null && typeof kernels.hashRows === "function")
    return kernels;
  throw new InvalidArgumentError(
    `versioning: kernels must be "native", "portable" or a Kernels object, got ${String(kernels)}`,
  );
}
