import { HASH_ALGORITHMS, type HashAlgorithm } from "../kernels/kernels.js";
import { rejectUnknownKeys, show, toBool, toStr, toStrList, toTable } from "./coerce.js";
import type { ConfigSources } from "./config-sources.js";
import type { KeyPath, RawTable } from "./raw-table.js";
import { resolveRootPath } from "./resolve-root-path.js";
import type {
  CommonStoreOptions,
  DeltaStoreOptions,
  MemoryStoreOptions,
  StoreKind,
  VersioningEngine,
} from "./types.js";

/** Python's `MetadataStoreConfig` fields, plus the per-store map-datatype switch. */
const COMMON_KEYS = ["fallback_stores", "hash_algorithm", "versioning_engine", "enable_map_datatype"];
/** Python's `DeltaMetadataStoreConfig` fields. */
const DELTA_KEYS = ["root_path", "storage_options", "layout", "delta_write_options"];
const VERSIONING_ENGINES: readonly VersioningEngine[] = ["auto", "native", "polars"];

/**
 * What option resolution needs besides the store's own `config` table.
 *
 * @example
 * const ctx: StoreOptionsContext = { sources, cwd: "/repo", home: "/home/me", enableMapDatatype: false };
 */
export interface StoreOptionsContext {
  readonly sources: ConfigSources;
  readonly cwd: string;
  readonly home: string;
  /** The global `enable_map_datatype`, used when the store does not set its own. */
  readonly enableMapDatatype: boolean;
}

/**
 * Validates one store's `config` table for its kind and turns it into camelCase constructor options.
 * Unknown keys are errors (Python's store configs are `extra="forbid"`).
 *
 * @example
 * resolveStoreOptions(ctx, "delta", ["stores", "dev", "config"], { root_path: "./m", layout: "flat" });
 * // { rootPath: "/repo/m", layout: "flat", fallbackStores: [], enableMapDatatype: false }
 */
export function resolveStoreOptions(
  ctx: StoreOptionsContext,
  kind: StoreKind,
  path: KeyPath,
  config: RawTable,
): DeltaStoreOptions | MemoryStoreOptions {
  const { sources } = ctx;
  const allowed = kind === "delta" ? [...DELTA_KEYS, ...COMMON_KEYS] : COMMON_KEYS;
  rejectUnknownKeys(sources, path, config, allowed, ` (for a ${kind} store)`);
  const common = commonOptions(ctx, path, config);
  if (kind === "memory") return common;

  if (config.root_path === undefined || config.root_path === null) {
    throw sources.error(
      [...path, "root_path"],
      "is required for a delta store (a local path or a URI such as s3://bucket/prefix)",
    );
  }
  const rootPath = toStr(sources, [...path, "root_path"], config.root_path);
  if (rootPath.trim() === "") throw sources.error([...path, "root_path"], "must not be empty");
  const layout = config.layout === undefined ? "nested" : toStr(sources, [...path, "layout"], config.layout);
  if (layout !== "nested" && layout !== "flat") {
    throw sources.error([...path, "layout"], `must be "nested" or "flat", got ${show(layout)}`);
  }
  const options: { -readonly [K in keyof DeltaStoreOptions]: DeltaStoreOptions[K] } = {
    rootPath: resolveRootPath(rootPath, ctx.cwd, ctx.home),
    layout,
    ...common,
  };
  const storageOptions = optionalTable(sources, [...path, "storage_options"], config.storage_options);
  if (storageOptions !== undefined) options.storageOptions = storageOptions;
  const writeOptions = optionalTable(sources, [...path, "delta_write_options"], config.delta_write_options);
  if (writeOptions !== undefined) options.deltaWriteOptions = writeOptions;
  return options;
}

function commonOptions(ctx: StoreOptionsContext, path: KeyPath, config: RawTable): CommonStoreOptions {
  const { sources } = ctx;
  const options: { -readonly [K in keyof CommonStoreOptions]: CommonStoreOptions[K] } = {
    fallbackStores:
      config.fallback_stores === undefined || config.fallback_stores === null
        ? []
        : toStrList(sources, [...path, "fallback_stores"], config.fallback_stores),
    enableMapDatatype:
      config.enable_map_datatype === undefined
        ? ctx.enableMapDatatype
        : toBool(sources, [...path, "enable_map_datatype"], config.enable_map_datatype),
  };
  if (config.hash_algorithm !== undefined && config.hash_algorithm !== null) {
    options.hashAlgorithm = hashAlgorithm(sources, [...path, "hash_algorithm"], config.hash_algorithm);
  }
  if (config.versioning_engine !== undefined && config.versioning_engine !== null) {
    const engine = toStr(sources, [...path, "versioning_engine"], config.versioning_engine);
    if (!(VERSIONING_ENGINES as readonly string[]).includes(engine)) {
      throw sources.error(
        [...path, "versioning_engine"],
        `must be one of ${VERSIONING_ENGINES.map((e) => `"${e}"`).join(", ")}, got ${show(engine)}`,
      );
    }
    options.versioningEngine = engine as VersioningEngine;
  }
  return options;
}

function hashAlgorithm(sources: ConfigSources, path: KeyPath, value: unknown): HashAlgorithm {
  const name = toStr(sources, path, value);
  if ((HASH_ALGORITHMS as readonly string[]).includes(name)) return name as HashAlgorithm;
  const supported = HASH_ALGORITHMS.join(", ");
  if (name === "farmhash") {
    throw sources.error(
      path,
      `hash algorithm "farmhash" is not supported (Python offers it for BigQuery only); use one of ${supported}`,
    );
  }
  throw sources.error(path, `unknown hash algorithm ${show(name)}; supported: ${supported}`);
}

function optionalTable(
  sources: ConfigSources,
  path: KeyPath,
  value: unknown,
): Readonly<RawTable> | undefined {
  if (value === undefined || value === null) return undefined;
  return toTable(sources, path, value);
}
