/**
 * The public contract of every metadata store (Python `MetadataStore`): one append-only table per
 * feature holding the user's rows plus the `metaxy_*` system columns, merge-on-read deduplication,
 * soft and hard deletes, read-only fallback chains and `resolveUpdate`. Every method that takes a
 * feature accepts the `Feature` from `graph.feature(...)`, a `FeatureKey`, or its key string; a
 * `Feature` object is used with its own graph's versions, keys resolve through the store's graph.
 * Filters are SQL-WHERE text (the subset `parseFilter` reads) or `FilterExpr` trees.
 *
 * @example
 * await store.withOpen("w", async (s) => {
 *   const inc = await s.resolveUpdate(video, { samples });
 *   await s.write(video, inc.new);
 * });
 */
import type { Table } from "apache-arrow";
import type { ArrowInput } from "../arrow/to-arrow-table.js";
import type { FilterExpr } from "../filters/filter-expr.js";
import type { HashAlgorithm, Kernels } from "../kernels/kernels.js";
import type { FeatureGraph } from "../models/feature-graph.js";
import type { FeatureKeyInput } from "../models/feature-key.js";
import type { Increment } from "../versioning/increment.js";

/**
 * `"r"` reads only; `"w"` also writes (Python `AccessMode`).
 *
 * @example
 * const mode: AccessMode = "w"; await store.open(mode);
 */
export type AccessMode = "r" | "w";

/**
 * A filter: SQL-WHERE text or an expression.
 *
 * @example
 * const filters: FilterInput[] = ["n > 3", col("tag").isIn(["a", "b"])];
 */
export type FilterInput = string | FilterExpr;

/**
 * Per-feature filters, keyed by feature key string (`"a/b"`).
 *
 * @example
 * const f: FeatureFilters = { "video/raw": ["fps >= 24"] };
 */
export type FeatureFilters = Readonly<Record<string, readonly FilterInput[]>>;

/**
 * What a store can do, so callers and conformance packs can adapt without `instanceof`.
 *
 * @example
 * if (store.capabilities.hardDelete) await store.delete(video, ["n < 0"], { soft: false });
 */
export interface StoreCapabilities {
  /** `delete(..., { soft: false })` physically removes rows. */
  readonly hardDelete: boolean;
  /** Data survives the process (false for the in-memory store). */
  readonly persistent: boolean;
  /** Data lives behind a network (object storage, a server). */
  readonly remote: boolean;
  /** `enableMapDatatype` is supported (`*_by_field` columns stored as Map<Utf8, Utf8>). */
  readonly mapDatatype: boolean;
  /** The store keeps the `metaxy-system/*` tables (feature_versions). */
  readonly systemTables: boolean;
  /** Several processes may write the same store at once without losing commits. */
  readonly concurrentWriters: boolean;
  /** `dropFeatureMetadata` leaves an empty table (so `hasFeature` stays true and fallbacks stay blocked). */
  readonly dropKeepsTable: boolean;
}

/**
 * Options of {@link MetadataStore.read}.
 *
 * @example
 * await store.read(video, { filters: ["fps > 24"], columns: ["video_id", "path"] });
 */
export interface ReadOptions {
  /** Rows of this feature version instead of the current one; requires `withFeatureHistory`. */
  readonly featureVersion?: string;
  /** Filters applied after deduplication. */
  readonly filters?: readonly FilterInput[];
  /** Exactly these columns, in this order (system columns only when listed). */
  readonly columns?: readonly string[];
  /** Look in the fallback stores when this store has no table for the feature. Default true. */
  readonly allowFallback?: boolean;
  /** Every feature version, not only the current one (deduplication spans versions). Default false. */
  readonly withFeatureHistory?: boolean;
  /** Every stored row per sample instead of the latest one. Default false. */
  readonly withSampleHistory?: boolean;
  /** Keep soft-deleted rows. Default false. */
  readonly includeSoftDeleted?: boolean;
}

/**
 * Options of {@link MetadataStore.write}.
 *
 * @example
 * await store.write(video, rows, { materializationId: "run-42" });
 */
export interface WriteOptions {
  /** Run id stamped on every row; default the store's `materializationId` (possibly null). */
  readonly materializationId?: string | null;
  /** Keep the frame's feature and project versions when it carries both (copies, rebases). */
  readonly preserveFeatureVersion?: boolean;
}

/**
 * Options of {@link MetadataStore.resolveUpdate}.
 *
 * @example
 * await store.resolveUpdate(faces, { globalFilters: ["video_id < 100"], stalenessPredicates: ["status = 'error'"] });
 */
export interface ResolveUpdateOptions {
  /** Expected rows given directly (required for root features): id columns + `metaxy_provenance_by_field`. */
  readonly samples?: ArrowInput;
  /** Filters per feature key (target and upstreams), applied when each is read (pre-rename names). */
  readonly filters?: FeatureFilters;
  /** Filters applied to the target and every upstream. */
  readonly globalFilters?: readonly FilterInput[];
  /** Filters applied to the target (stored rows and samples) only. */
  readonly targetFilters?: readonly FilterInput[];
  /** Stored rows matching any of these are stale. */
  readonly stalenessPredicates?: readonly FilterInput[];
  /** Put every expected row in `new` without reading stored rows. */
  readonly skipComparison?: boolean;
  /** Kernel set for this call; default the store's. */
  readonly kernels?: Kernels | "native" | "portable";
}

/**
 * Options of {@link MetadataStore.delete}.
 *
 * @example
 * await store.delete(video, ["video_id = 3"], { soft: false });
 */
export interface DeleteOptions {
  /** Append tombstones (default) instead of removing rows. */
  readonly soft?: boolean;
  /** Also delete rows of other feature versions. Default false. */
  readonly withFeatureHistory?: boolean;
  /** Soft delete: tombstone every stored row of a sample, not only its latest. Default false. */
  readonly withSampleHistory?: boolean;
}

/**
 * Options of {@link MetadataStore.hasFeature}.
 *
 * @example
 * await store.hasFeature(video, { checkFallback: true });
 */
export interface HasFeatureOptions {
  /** Also look in the fallback stores. Default false. */
  readonly checkFallback?: boolean;
}

/**
 * Options of {@link MetadataStore.rebase}.
 *
 * @example
 * await store.rebase(faces, oldRows);
 */
export interface RebaseOptions {
  /** Rebase onto this historical feature version instead of the current one (needs pushed snapshots). */
  readonly toFeatureVersion?: string;
}

/**
 * Options of {@link MetadataStore.copyMetadata}.
 *
 * @example
 * await dest.copyMetadata(source, { features: ["video/raw"], globalFilters: ["video_id < 10"] });
 */
export interface CopyMetadataOptions {
  /** Features to copy; default every feature of the destination graph's project. */
  readonly features?: readonly FeatureKeyInput[];
  /** Filters per feature key string. */
  readonly filters?: FeatureFilters;
  /** Filters applied to every feature. */
  readonly globalFilters?: readonly FilterInput[];
  /** Copy rows of every feature version. Default true. */
  readonly withFeatureHistory?: boolean;
  /** Copy every stored row per sample, not only the latest. Default false. */
  readonly withSampleHistory?: boolean;
}

/**
 * What {@link MetadataStore.copyMetadata} copied.
 *
 * @example
 * const { featuresCopied, rowsCopied }: CopyMetadataResult = await dest.copyMetadata(source);
 */
export interface CopyMetadataResult {
  readonly featuresCopied: number;
  readonly rowsCopied: number;
}

/**
 * A metadata store. Open it before use (`open`/`close` nest; `withOpen` pairs them); reads need any
 * mode, writes need `"w"`.
 *
 * @example
 * const rows = await store.withOpen("r", (s) => s.read("video/raw"));
 */
export interface MetadataStore {
  /** Optional name, shown as `[name]` in `display()`. */
  readonly name: string | undefined;
  /** The graph keys resolve through. */
  readonly graph: FeatureGraph;
  /** Record-level hash algorithm (shared by the whole fallback chain). */
  readonly hashAlgorithm: HashAlgorithm;
  /** Truncation of record-level hashes (the graph's `hashTruncationLength`). */
  readonly hashTruncationLength: number | null;
  /** Run id stamped on writes that name none. */
  readonly materializationId: string | null;
  /** Read-only stores consulted, in order, for features this store lacks. */
  readonly fallbackStores: readonly MetadataStore[];
  /** Whether `*_by_field` columns are written as Map<Utf8, Utf8>. */
  readonly enableMapDatatype: boolean;
  /** What this backend supports. */
  readonly capabilities: StoreCapabilities;
  /** True between the outermost `open` and its `close`. */
  readonly isOpen: boolean;
  /** The innermost open mode, or null when closed. */
  readonly mode: AccessMode | null;

  /** Opens (nestable); only the outermost call connects. Resolves to the store. */
  open(mode?: AccessMode): Promise<this>;
  /** Closes the innermost open; the outermost close disconnects. */
  close(): Promise<void>;
  /** Opens, runs `fn`, closes (also on error); resolves to `fn`'s result. */
  withOpen<T>(mode: AccessMode, fn: (store: this) => T | Promise<T>): Promise<T>;

  /** Current rows of a feature (see {@link ReadOptions}). */
  read(feature: FeatureKeyInput, options?: ReadOptions): Promise<Table>;
  /** Appends rows, adding the system columns. */
  write(feature: FeatureKeyInput, data: ArrowInput, options?: WriteOptions): Promise<void>;
  /** Writes several features, dependents first. */
  writeMulti(
    data: ReadonlyMap<FeatureKeyInput, ArrowInput> | Readonly<Record<string, ArrowInput>>,
    options?: WriteOptions,
  ): Promise<void>;
  /** New / stale / orphaned rows of a feature. */
  resolveUpdate(feature: FeatureKeyInput, options?: ResolveUpdateOptions): Promise<Increment>;
  /** Soft (default) or hard delete of the rows matching every filter (all rows when none). */
  delete(
    feature: FeatureKeyInput,
    filters?: FilterInput | readonly FilterInput[] | null,
    options?: DeleteOptions,
  ): Promise<void>;
  /** Removes every row of a feature (irreversible). */
  dropFeatureMetadata(feature: FeatureKeyInput): Promise<void>;
  /** Whether the feature's table exists here (or in a fallback). */
  hasFeature(feature: FeatureKeyInput, options?: HasFeatureOptions): Promise<boolean>;
  /** The first store of the chain holding the feature's table, or null. */
  findStoreForFeature(feature: FeatureKeyInput, options?: HasFeatureOptions): Promise<MetadataStore | null>;
  /** Moves rows of an older feature version onto the current one; write the result with `preserveFeatureVersion`. */
  rebase(feature: FeatureKeyInput, frame: ArrowInput, options?: RebaseOptions): Promise<Table>;
  /** Copies rows from another store into this one. */
  copyMetadata(from: MetadataStore, options?: CopyMetadataOptions): Promise<CopyMetadataResult>;
  /** Provenance columns of a frame holding every upstream's renamed data-version column. */
  computeProvenance(feature: FeatureKeyInput, frame: ArrowInput): Promise<Table>;
  /** Human-readable description without credentials, e.g. `[prod] DeltaMetadataStore(path=/data)`. */
  display(): string;
}
