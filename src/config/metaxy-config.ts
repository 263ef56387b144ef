import type { FeatureGraph } from "../models/feature-graph.js";
import type { MetadataStore } from "../store/metadata-store.js";
import type { ConfigSources } from "./config-sources.js";
import { lockFilePath } from "./lock-file-path.js";
import { resolveStore } from "./resolve-store.js";
import { configToJSON, configToTOML } from "./serialize-config.js";
import type { ExtraFeatureSelection, PluginConfig, ResolvedStore, StoreConfig } from "./types.js";
import type { ConfigFields } from "./validate-config.js";

/**
 * What `loadConfig` hands to `MetaxyConfig` (not meant to be built by hand).
 *
 * @example
 * new MetaxyConfig(state); // see loadConfig
 */
export interface MetaxyConfigState {
  readonly fields: ConfigFields;
  readonly sources: ConfigSources;
  /** Files of the `extend` chain, the config file last. */
  readonly extendedFiles: readonly string[];
  readonly tsEntrypoints: readonly string[];
  readonly warnings: readonly string[];
  /** Base of relative store paths. */
  readonly cwd: string;
  /** What `~` expands to. */
  readonly home: string;
}

/**
 * The loaded, validated Metaxy configuration (Python's `MetaxyConfig`), read-only. Stores are not
 * built here: `resolveStore` describes one, and the store factory imports and constructs it.
 *
 * @example
 * const config = loadConfig();
 * config.project;               // "example_quickstart"
 * config.resolveStore().kind;   // "delta"
 * console.log(config.toTOML()); // `metaxy config print`
 */
export class MetaxyConfig {
  /** Current project, or null. */
  readonly project: string | null;
  /** Default store name (`"dev"` unless set). */
  readonly store: string;
  /** Store entries as written: `{ type, config }` with snake_case config keys. */
  readonly stores: Readonly<Record<string, StoreConfig>>;
  /** The `entrypoints` list as written (Python modules included); see `tsEntrypoints`. */
  readonly entrypoints: readonly string[];
  /** Entry points to `import()`: absolute paths or package specifiers, Python modules left out. */
  readonly tsEntrypoints: readonly string[];
  readonly hashTruncationLength: number;
  readonly enableMapDatatype: boolean;
  readonly autoCreateTables: boolean;
  /** Error (true) instead of warning on external-feature version mismatches; null = unset. */
  readonly locked: boolean | null;
  readonly sync: boolean;
  readonly extraFeatures: readonly ExtraFeatureSelection[];
  readonly metaxyLockPath: string | null;
  readonly theme: string;
  readonly ext: Readonly<Record<string, PluginConfig>>;
  /** Absolute path of the config file, or null when only defaults, variables and overrides apply. */
  readonly configFile: string | null;
  /** Files merged through `extend`, ancestors first, the config file last. */
  readonly extendedFiles: readonly string[];
  /** Absolute path of `metaxy.lock`, or null. */
  readonly lockFile: string | null;
  /** Problems that did not stop loading (skipped Python entrypoints, incomplete stores). */
  readonly warnings: readonly string[];

  readonly #state: MetaxyConfigState;

  constructor(state: MetaxyConfigState) {
    const { fields } = state;
    this.#state = state;
    this.project = fields.project;
    this.store = fields.store;
    this.stores = fields.stores;
    this.entrypoints = fields.entrypoints;
    this.tsEntrypoints = state.tsEntrypoints;
    this.hashTruncationLength = fields.hashTruncationLength;
    this.enableMapDatatype = fields.enableMapDatatype;
    this.autoCreateTables = fields.autoCreateTables;
    this.locked = fields.locked;
    this.sync = fields.sync;
    this.extraFeatures = fields.extraFeatures;
    this.metaxyLockPath = fields.metaxyLockPath;
    this.theme = fields.theme;
    this.ext = fields.ext;
    this.configFile = state.sources.configFile;
    this.extendedFiles = state.extendedFiles;
    this.lockFile = lockFilePath(this.configFile, fields.metaxyLockPath);
    this.warnings = state.warnings;
    Object.freeze(this);
  }

  /**
   * Configured store names, in file order.
   *
   * @example
   * config.storeNames(); // ["dev", "prod"]
   */
  storeNames(): string[] {
    return Object.keys(this.stores);
  }

  /**
   * Resolves a store (default: `store`) and checks its fallback chain; see `ResolvedStore`.
   * `materializationId` is passed through, as Python's `get_store(**kwargs)` does.
   *
   * @example
   * const { kind, options } = config.resolveStore("prod", { materializationId: "run-7" });
   */
  resolveStore(name?: string, extra?: { readonly materializationId?: string }): ResolvedStore {
    const { sources, cwd, home, fields } = this.#state;
    return resolveStore(
      {
        sources,
        cwd,
        home,
        enableMapDatatype: fields.enableMapDatatype,
        stores: fields.stores,
        defaultStore: fields.store,
      },
      name,
      extra,
    );
  }

  /**
   * Builds the configured store (default: `store`) over `graph`, with its fallback chain; the backend
   * module of its kind is imported only now, so a config never loads a backend it does not use.
   *
   * @example
   * const store = await config.getStore("dev", { graph });
   * await store.withOpen("w", (s) => s.write(video, rows));
   */
  async getStore(
    name: string | undefined,
    options: { readonly graph: FeatureGraph; readonly materializationId?: string },
  ): Promise<MetadataStore> {
    const { createStore } = await import("./create-store.js");
    const extra =
      options.materializationId === undefined ? {} : { materializationId: options.materializationId };
    return createStore(this, options.graph, name, extra);
  }

  /**
   * Python's `model_dump(mode="json")`: snake_case keys, also used by `JSON.stringify(config)`.
   *
   * @example
   * JSON.stringify(config, null, 2); // what `metaxy config print --format json` shows
   */
  toJSON(): Record<string, unknown> {
    return configToJSON(this.#state.fields);
  }

  /**
   * Python's `to_toml()`: the effective configuration as a metaxy.toml document.
   *
   * @example
   * process.stdout.write(config.toTOML());
   */
  toTOML(): string {
    return configToTOML(this.#state.fields);
  }
}
