/**
 * The store template every backend reuses (Python `MetadataStore`'s shared logic): lifecycle with
 * a mode stack, the write path (system columns, data versions, one strictly increasing transaction
 * timestamp per write), the read pipeline (version filter, keep-latest, soft deletes, filters,
 * projection), fallback chains, `resolveUpdate`, deletes, rebase and copy. The public methods are
 * one-line delegations to the operations in `./base/`.
 *
 * ## Backend contract
 *
 * A backend subclasses {@link BaseMetadataStore} and implements only these hooks; the template
 * checks the open mode before calling any of them and never calls them concurrently for one
 * feature within one operation.
 *
 * - `openBackend(mode)` / `closeBackend()`: connect and disconnect (called by the outermost
 *   `open` / `close` only; `mode` is that first open's mode).
 * - `readFeatureTable(key, { columns?, featureVersion? })` → every stored row of the feature, in
 *   write order (keep-latest breaks timestamp ties by position), or `null` when the feature has no
 *   table. `columns` projects (columns the table lacks are just absent); `featureVersion` is a
 *   pushdown hint the backend MAY use to skip files — the template filters rows itself.
 * - `appendFeatureRows(key, table)`: append one table as one commit, creating the feature's table
 *   on first write (an empty table too: it makes the feature exist); new columns and new struct
 *   fields merge into the schema.
 * - `hardDeleteRows(key, predicate)` → rows removed; `predicate` is a `FilterExpr` (evaluate it with
 *   `evaluateFilter`; `mayMatchStats` prunes files) or `null` for every row. A missing table
 *   removes nothing.
 * - `dropFeatureTable(key)`: remove every row; keeping an empty table (as Python's Delta store
 *   does) or removing it is the backend's choice — document it.
 * - `featureTableExists(key)`: whether the table exists, even empty (drives fallback lookup).
 * - `display()`: a description without credentials (use `formatDisplay`).
 * - `capabilities` and `defaultHashAlgorithm()` (a method, called from the base constructor).
 *
 * Optional overrides: `readFeatureSchema(key)` (default reads the whole table; override when the
 * schema is cheap, e.g. from a Delta snapshot) and `loadGraphForVersion(feature, version)` (the
 * graph that defined a historical feature version, for `rebase({ toFeatureVersion })`; the default
 * throws — a backend with system tables plugs its snapshot loader in here).
 *
 * System keys (`metaxy-system/*`) reach the same hooks: `write` appends them as given and `read`
 * returns them unprocessed (SystemDataNotFoundError when absent).
 *
 * @example
 * class MyStore extends BaseMetadataStore {
 *   readonly capabilities = { hardDelete: true, persistent: false, remote: false, mapDatatype: true, systemTables: false, concurrentWriters: false };
 *   protected defaultHashAlgorithm() { return "xxhash64" as const; }
 *   // … the hooks above
 * }
 */
import type { Schema, Table } from "apache-arrow";
import type { ArrowInput } from "../arrow/to-arrow-table.js";
import { HashAlgorithmNotSupportedError, InvalidArgumentError } from "../errors.js";
import type { FilterExpr } from "../filters/filter-expr.js";
import { getKernels } from "../kernels/index.js";
import { HASH_ALGORITHMS, type HashAlgorithm, type Kernels } from "../kernels/kernels.js";
import type { Feature } from "../models/feature.js";
import { FeatureGraph } from "../models/feature-graph.js";
import type { FeatureKey, FeatureKeyInput } from "../models/feature-key.js";
import type { Increment } from "../versioning/increment.js";
import { checkFallbackAlgorithms } from "./base/check-fallback-algorithms.js";
import { computeFrameProvenance } from "./base/compute-frame-provenance.js";
import { copyMetadata } from "./base/copy-metadata.js";
import { deleteMetadata } from "./base/delete-metadata.js";
import { dropFeatureMetadata } from "./base/drop-feature-metadata.js";
import { findStoreForFeature } from "./base/find-store-for-feature.js";
import { ModeStack } from "./base/mode-stack.js";
import { readFeature } from "./base/read-feature.js";
import { rebaseFrame } from "./base/rebase-frame.js";
import { resolveUpdate } from "./base/resolve-update.js";
import type { BackendReadOptions, StoreContext } from "./base/store-backend.js";
import { nextTransactionTimestamp } from "./base/transaction-clock.js";
import { writeFeature } from "./base/write-feature.js";
import { writeMulti } from "./base/write-multi.js";
import type {
  AccessMode,
  CopyMetadataOptions,
  CopyMetadataResult,
  DeleteOptions,
  FilterInput,
  HasFeatureOptions,
  MetadataStore,
  ReadOptions,
  RebaseOptions,
  ResolveUpdateOptions,
  StoreCapabilities,
  WriteOptions,
} from "./metadata-store.js";

export type { BackendReadOptions } from "./base/store-backend.js";

/**
 * Constructor options common to every store.
 *
 * @example
 * new InMemoryMetadataStore({ graph, name: "dev", hashAlgorithm: "xxhash32", fallbackStores: [prod] });
 */
export interface BaseStoreOptions {
  /** The graph feature keys resolve through. */
  readonly graph: FeatureGraph;
  /** Shown as `[name]` in `display()`. */
  readonly name?: string;
  /** Record-level hash algorithm; default the backend's. */
  readonly hashAlgorithm?: HashAlgorithm;
  /** Read-only stores consulted in order for features this store lacks (same hash algorithm). */
  readonly fallbackStores?: readonly MetadataStore[];
  /** Run id stamped on writes that name none. Default null. */
  readonly materializationId?: string | null;
  /** Store `*_by_field` columns as Map<Utf8, Utf8> instead of Struct. Default false. */
  readonly enableMapDatatype?: boolean;
  /** Kernel set: a `Kernels` object, `"native"` or `"portable"`; default `getKernels()`. */
  readonly kernels?: Kernels | "native" | "portable";
}

/**
 * The template of every metadata store: implements {@link MetadataStore} on top of a small set
 * of protected backend hooks (see the file header for the contract).
 *
 * @example
 * const store = new InMemoryMetadataStore({ graph });
 * await store.withOpen("w", async (s) => {
 *   await s.write(video, [{ video_id: "v1", metaxy_provenance_by_field: { frames: "f1" } }]);
 *   return s.read(video);
 * });
 */
export abstract class BaseMetadataStore implements MetadataStore {
  readonly name: string | undefined;
  readonly graph: FeatureGraph;
  readonly hashAlgorithm: HashAlgorithm;
  readonly materializationId: string | null;
  readonly fallbackStores: readonly MetadataStore[];
  readonly enableMapDatatype: boolean;
  /** The kernel set reads and hashing run in. */
  readonly kernels: Kernels;
  abstract readonly capabilities: StoreCapabilities;
  readonly #modes: ModeStack;
  readonly #ctx: StoreContext;
  #lastTimestamp: bigint | null = null;

  constructor(options: BaseStoreOptions) {
    if (typeof options !== "object" || options === null || !(options.graph instanceof FeatureGraph)) {
      throw new InvalidArgumentError("store: options.graph must be a FeatureGraph");
    }
    const algorithm = options.hashAlgorithm ?? this.defaultHashAlgorithm();
    if (!HASH_ALGORITHMS.includes(algorithm)) {
      throw new HashAlgorithmNotSupportedError(
        `store: hash algorithm "${String(algorithm)}" is not supported; expected one of ${HASH_ALGORITHMS.join(", ")}`,
      );
    }
    this.name = options.name;
    this.graph = options.graph;
    this.hashAlgorithm = algorithm;
    this.materializationId = options.materializationId ?? null;
    this.fallbackStores = Object.freeze([...(options.fallbackStores ?? [])]);
    this.enableMapDatatype = options.enableMapDatatype === true;
    this.kernels = typeof options.kernels === "object" ? options.kernels : getKernels(options.kernels);
    this.#modes = new ModeStack(
      async (mode) => {
        if (this.enableMapDatatype && !this.capabilities.mapDatatype) {
          throw new InvalidArgumentError(`store: ${this.display()} does not support enableMapDatatype`);
        }
        checkFallbackAlgorithms(this);
        await this.openBackend(mode);
      },
      () => this.closeBackend(),
      () => this.display(),
    );
    this.#ctx = {
      store: this,
      backend: {
        readTable: (key, o) => this.readFeatureTable(key, o),
        readSchema: (key) => this.readFeatureSchema(key),
        append: (key, table) => this.appendFeatureRows(key, table),
        hardDelete: (key, predicate) => this.hardDeleteRows(key, predicate),
        drop: (key) => this.dropFeatureTable(key),
        exists: (key) => this.featureTableExists(key),
        loadGraphForVersion: (feature, version) => this.loadGraphForVersion(feature, version),
      },
      graph: this.graph,
      kernels: this.kernels,
      hashAlgorithm: this.hashAlgorithm,
      enableMapDatatype: this.enableMapDatatype,
      materializationId: this.materializationId,
      fallbackStores: this.fallbackStores,
      requireOpen: (operation, mode) => this.#modes.require(operation, mode),
      nextTimestamp: () => {
        this.#lastTimestamp = nextTransactionTimestamp(this.#lastTimestamp);
        return this.#lastTimestamp;
      },
    };
  }

  // ---- backend hooks -------------------------------------------------------------------------

  /** The algorithm used when the options name none (Python: per store class). */
  protected abstract defaultHashAlgorithm(): HashAlgorithm;
  /** Connects; called by the outermost `open` only. */
  protected abstract openBackend(mode: AccessMode): Promise<void>;
  /** Disconnects; called by the outermost `close` only. */
  protected abstract closeBackend(): Promise<void>;
  /** Every stored row of the feature in write order, or null when it has no table. */
  protected abstract readFeatureTable(key: FeatureKey, options: BackendReadOptions): Promise<Table | null>;
  /** Appends one table as one commit, creating the feature's table when needed. */
  protected abstract appendFeatureRows(key: FeatureKey, table: Table): Promise<void>;
  /** Removes the rows matching `predicate` (null: all); resolves to the number removed. */
  protected abstract hardDeleteRows(key: FeatureKey, predicate: FilterExpr | null): Promise<number>;
  /** Removes every row of the feature (the empty table may stay). */
  protected abstract dropFeatureTable(key: FeatureKey): Promise<void>;
  /** Whether the feature's table exists, even empty. */
  protected abstract featureTableExists(key: FeatureKey): Promise<boolean>;
  /** Description without credentials; see {@link formatDisplay}. */
  abstract display(): string;

  /** The stored schema, or null without a table. Default: read the table; override when cheaper. */
  protected async readFeatureSchema(key: FeatureKey): Promise<Schema | null> {
    return (await this.readFeatureTable(key, {}))?.schema ?? null;
  }

  /** The graph that defined `feature` at `featureVersion`. Default: unsupported (no system tables). */
  protected async loadGraphForVersion(feature: Feature, featureVersion: string): Promise<FeatureGraph> {
    throw new InvalidArgumentError(
      `store: rebase of "${feature.key}" to feature version "${featureVersion}" needs the feature_versions ` +
        `system table (pushed graph snapshots), which ${this.display()} does not provide`,
    );
  }

  /** `[name] ClassName(details)`, the form `display()` returns. */
  protected formatDisplay(details: string): string {
    const prefix = this.name === undefined ? "" : `[${this.name}] `;
    return `${prefix}${this.constructor.name}(${details})`;
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /** Record-level hash truncation: the graph's `hashTruncationLength`. */
  get hashTruncationLength(): number | null {
    return this.graph.hashTruncationLength;
  }

  get isOpen(): boolean {
    return this.#modes.mode !== null;
  }

  get mode(): AccessMode | null {
    return this.#modes.mode;
  }

  async open(mode: AccessMode = "r"): Promise<this> {
    await this.#modes.push(mode);
    return this;
  }

  close(): Promise<void> {
    return this.#modes.pop();
  }

  async withOpen<T>(mode: AccessMode, fn: (store: this) => T | Promise<T>): Promise<T> {
    await this.open(mode);
    try {
      return await fn(this);
    } finally {
      await this.close();
    }
  }

  // ---- operations ----------------------------------------------------------------------------

  read(feature: FeatureKeyInput, options?: ReadOptions): Promise<Table> {
    return readFeature(this.#ctx, feature, options);
  }

  write(feature: FeatureKeyInput, data: ArrowInput, options?: WriteOptions): Promise<void> {
    return writeFeature(this.#ctx, feature, data, options);
  }

  writeMulti(
    data: ReadonlyMap<FeatureKeyInput, ArrowInput> | Readonly<Record<string, ArrowInput>>,
    options?: WriteOptions,
  ): Promise<void> {
    return writeMulti(this.#ctx, data, options);
  }

  resolveUpdate(feature: FeatureKeyInput, options?: ResolveUpdateOptions): Promise<Increment> {
    return resolveUpdate(this.#ctx, feature, options);
  }

  delete(
    feature: FeatureKeyInput,
    filters?: FilterInput | readonly FilterInput[] | null,
    options?: DeleteOptions,
  ): Promise<void> {
    return deleteMetadata(this.#ctx, feature, filters, options);
  }

  dropFeatureMetadata(feature: FeatureKeyInput): Promise<void> {
    return dropFeatureMetadata(this.#ctx, feature);
  }

  async hasFeature(feature: FeatureKeyInput, options?: HasFeatureOptions): Promise<boolean> {
    return (await findStoreForFeature(this.#ctx, feature, options)) !== null;
  }

  findStoreForFeature(feature: FeatureKeyInput, options?: HasFeatureOptions): Promise<MetadataStore | null> {
    return findStoreForFeature(this.#ctx, feature, { checkFallback: true, ...options });
  }

  rebase(feature: FeatureKeyInput, frame: ArrowInput, options?: RebaseOptions): Promise<Table> {
    return rebaseFrame(this.#ctx, feature, frame, options);
  }

  copyMetadata(from: MetadataStore, options?: CopyMetadataOptions): Promise<CopyMetadataResult> {
    return copyMetadata(this.#ctx, from, options);
  }

  computeProvenance(feature: FeatureKeyInput, frame: ArrowInput): Promise<Table> {
    return computeFrameProvenance(this.#ctx, feature, frame);
  }
}
