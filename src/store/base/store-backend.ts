import type { Schema, Table } from "apache-arrow";
import type { FilterExpr } from "../../filters/filter-expr.js";
import type { HashAlgorithm, Kernels } from "../../kernels/kernels.js";
import type { Feature } from "../../models/feature.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import type { FeatureKey } from "../../models/feature-key.js";
import type { AccessMode, MetadataStore } from "../metadata-store.js";

/**
 * Options of the backend read hook.
 *
 * @example
 * const opts: BackendReadOptions = { columns: ["id", "metaxy_updated_at"], featureVersion: "a1b2c3d4" };
 */
export interface BackendReadOptions {
  /** Columns wanted; those the table lacks are simply absent from the result. Undefined = all. */
  readonly columns?: readonly string[];
  /**
   * Pushdown hint: only rows of this `metaxy_feature_version` are needed. A backend MAY use it to
   * skip files (by stats); it need not filter rows — the template always filters.
   */
  readonly featureVersion?: string;
}

/**
 * The backend hooks as the template's operations call them (bound to one store instance).
 *
 * @example
 * const raw = await backend.readTable(key, { columns: ["id"] });
 */
export interface StoreBackend {
  /** Every stored row in write order, or null when the feature has no table. */
  readTable(key: FeatureKey, options: BackendReadOptions): Promise<Table | null>;
  /** The stored table's schema, or null when there is no table. */
  readSchema(key: FeatureKey): Promise<Schema | null>;
  /** Appends rows (creating the table; new columns merge into its schema). */
  append(key: FeatureKey, table: Table): Promise<void>;
  /** Removes the rows matching `predicate` (null: all rows); resolves to the count removed. */
  hardDelete(key: FeatureKey, predicate: FilterExpr | null): Promise<number>;
  /** Removes the feature's rows (a backend may keep an empty table). */
  drop(key: FeatureKey): Promise<void>;
  /** Whether the feature has a table here (even an empty one). */
  exists(key: FeatureKey): Promise<boolean>;
  /** The graph that defined `feature` at `featureVersion` (for historical rebases). */
  loadGraphForVersion(feature: Feature, featureVersion: string): Promise<FeatureGraph>;
}

/**
 * What the template's operations see of a store: the public facade (for recursion into
 * fallbacks and public reads), the bound backend hooks and the resolved settings.
 *
 * @example
 * await readFeature(ctx, "video/raw", {});
 */
export interface StoreContext {
  readonly store: MetadataStore;
  readonly backend: StoreBackend;
  readonly graph: FeatureGraph;
  readonly kernels: Kernels;
  readonly hashAlgorithm: HashAlgorithm;
  readonly enableMapDatatype: boolean;
  readonly materializationId: string | null;
  readonly fallbackStores: readonly MetadataStore[];
  /** Throws StoreNotOpenError unless open (in `"w"` when `mode` is `"w"`); `operation` names the call. */
  requireOpen(operation: string, mode: AccessMode): void;
  /** The next transaction timestamp (µs), strictly increasing per store. */
  nextTimestamp(): bigint;
}
