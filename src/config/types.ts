import type { HashAlgorithm } from "../kernels/kernels.js";

/**
 * One `[stores.<name>]` entry as written in metaxy.toml: Python's `StoreConfig`. `type` is kept as
 * written (a Python class path or a short name); `config` holds the constructor keyword arguments in
 * Python's snake_case spelling, untouched until `resolveStore` validates them.
 *
 * @example
 * const dev: StoreConfig = {
 *   type: "metaxy.ext.polars.handlers.delta.DeltaMetadataStore",
 *   config: { root_path: "./metadata" },
 * };
 */
export interface StoreConfig {
  readonly type: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/**
 * The store implementations this port can build from a config entry.
 *
 * @example
 * const kind: StoreKind = "delta";
 */
export type StoreKind = "delta" | "memory";

/**
 * Python's `versioning_engine` store setting. Our stores always compute in TypeScript; the value is
 * validated and passed on so a config shared with Python stays valid.
 *
 * @example
 * const engine: VersioningEngine = "auto";
 */
export type VersioningEngine = "auto" | "native" | "polars";

/**
 * Constructor options every store kind accepts, in camelCase.
 *
 * @example
 * const common: CommonStoreOptions = { fallbackStores: ["prod"], enableMapDatatype: false };
 */
export interface CommonStoreOptions {
  /** Set only when configured; otherwise the store picks its default. */
  readonly hashAlgorithm?: HashAlgorithm;
  /** Names of other configured stores, read in order when a feature is missing here. */
  readonly fallbackStores: readonly string[];
  /** The store's `enable_map_datatype`, or the global flag when the store does not set it. */
  readonly enableMapDatatype: boolean;
  /** Set only when configured. */
  readonly versioningEngine?: VersioningEngine;
  /** Set only when passed to `resolveStore` (Python passes it as a constructor keyword). */
  readonly materializationId?: string;
}

/**
 * Options for `new DeltaMetadataStore(...)`.
 *
 * @example
 * const opts: DeltaStoreOptions = {
 *   rootPath: "/data/metaxy", layout: "nested", fallbackStores: [], enableMapDatatype: false,
 * };
 */
export interface DeltaStoreOptions extends CommonStoreOptions {
  /** An absolute local path (`~`, `file://` and `local://` resolved), or a remote URI without trailing `/`. */
  readonly rootPath: string;
  readonly layout: "nested" | "flat";
  /** Passed verbatim to the object store (e.g. `AWS_REGION`). */
  readonly storageOptions?: Readonly<Record<string, unknown>>;
  /** Python's `delta_write_options`, verbatim. */
  readonly deltaWriteOptions?: Readonly<Record<string, unknown>>;
}

/**
 * Options for `new InMemoryMetadataStore(...)`.
 *
 * @example
 * const opts: MemoryStoreOptions = { fallbackStores: [], enableMapDatatype: false };
 */
export type MemoryStoreOptions = CommonStoreOptions;

/**
 * A store entry turned into what a factory needs: the kind to import and its constructor options.
 *
 * @example
 * const r = config.resolveStore("dev");
 * if (r.kind === "delta") console.log(r.options.rootPath);
 */
export type ResolvedStore =
  | {
      readonly name: string;
      readonly type: string;
      readonly kind: "delta";
      readonly options: DeltaStoreOptions;
    }
  | {
      readonly name: string;
      readonly type: string;
      readonly kind: "memory";
      readonly options: MemoryStoreOptions;
    };

/**
 * One `[[extra_features]]` entry: Python's `FeatureSelection` (unset members are `null`).
 *
 * @example
 * const sel: ExtraFeatureSelection = { projects: ["upstream"], keys: null, all: null };
 */
export interface ExtraFeatureSelection {
  readonly projects: readonly string[] | null;
  readonly keys: readonly string[] | null;
  readonly all: boolean | null;
}

/**
 * One `[ext.<name>]` entry: Python's `PluginConfig` (`enable` plus any plugin-specific keys).
 *
 * @example
 * const plugin: PluginConfig = { enable: true, level: 3 };
 */
export interface PluginConfig {
  readonly enable: boolean;
  readonly [key: string]: unknown;
}

/**
 * Programmatic settings that win over `METAXY_*` variables and the file (Python's init kwargs).
 * `undefined` members are ignored; tables are merged deeply into the lower sources, lists replace.
 *
 * @example
 * const overrides: ConfigOverrides = { store: "prod", hashTruncationLength: 12 };
 */
export interface ConfigOverrides {
  readonly project?: string | null;
  readonly store?: string;
  /** Store entries in the TOML shape: `{ type, config: { root_path, ... } }`. */
  readonly stores?: Readonly<
    Record<string, { readonly type?: string; readonly config?: Record<string, unknown> }>
  >;
  /** Resolved relative to `cwd`. */
  readonly entrypoints?: readonly string[];
  readonly theme?: string;
  readonly ext?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly hashTruncationLength?: number;
  readonly enableMapDatatype?: boolean;
  readonly autoCreateTables?: boolean;
  readonly locked?: boolean | null;
  readonly sync?: boolean;
  readonly extraFeatures?: readonly {
    readonly projects?: readonly string[];
    readonly keys?: readonly string[];
    readonly all?: boolean;
  }[];
  readonly metaxyLockPath?: string | null;
}

/**
 * Where and how `loadConfig` looks for settings.
 *
 * @example
 * const opts: LoadConfigOptions = { cwd: "/repo/pipeline", env: { METAXY_STORE: "prod" } };
 */
export interface LoadConfigOptions {
  /**
   * The config file (relative to `cwd`). It wins over `METAXY_CONFIG` and discovery. `null` loads no
   * file at all (defaults, environment and overrides only, like Python's `MetaxyConfig()`).
   */
  readonly configFile?: string | null;
  /** Start of discovery and base of relative paths; defaults to `process.cwd()`. */
  readonly cwd?: string;
  /** Search the parents of `cwd` too (default `true`); `false` looks in `cwd` only. */
  readonly searchParents?: boolean;
  /** Environment to read `METAXY_*` and `${VAR}` from; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly overrides?: ConfigOverrides;
  /** Emit `config.warnings` through `process.emitWarning` (default `true`). */
  readonly emitWarnings?: boolean;
}
