import type { Schema, Table } from "apache-arrow";
import { StoreNotOpenError } from "../../errors.js";
import type { FilterExpr } from "../../filters/filter-expr.js";
import type { HashAlgorithm } from "../../kernels/kernels.js";
import type { Feature } from "../../models/feature.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import { FeatureKey, type FeatureKeyInput } from "../../models/feature-key.js";
import { type BackendReadOptions, BaseMetadataStore } from "../base-store.js";
import type { ObjectStore } from "../io/object-store.js";
import { openObjectStore } from "../io/uri.js";
import type { StoreCapabilities } from "../metadata-store.js";
import { loadGraphForFeatureVersion } from "../system/load-graph-for-version.js";
import {
  checkDeltaOptions,
  type DeltaLayout,
  type DeltaMetadataStoreOptions,
} from "./delta-store-options.js";
import { featureTablePath } from "./feature-table-path.js";
import { FeatureTables } from "./feature-tables.js";
import { hardDeleteDelta } from "./hard-delete-delta.js";
import { readDeltaFeature } from "./read-delta-feature.js";

export type { DeltaLayout, DeltaMetadataStoreOptions } from "./delta-store-options.js";

/**
 * The embedded default store (Python's `DeltaMetadataStore`): one Delta Lake table per feature under
 * `rootPath` on local disk or S3, at Python's paths, so both implementations read and write the same
 * store. Writes are append commits with put-if-absent (many processes may write at once); reads see
 * every commit made before them and skip data files of other feature versions by their statistics.
 * `dropFeatureMetadata` keeps the emptied table (so `hasFeature` stays true), as Python's Delta store
 * does. The `metaxy-system/feature_versions` table backs `SystemTableStorage` and historical rebases.
 * Default hash algorithm xxhash32.
 *
 * @example
 * const store = new DeltaMetadataStore({ rootPath: "./metadata", graph });
 * await store.withOpen("w", async (s) => {
 *   const inc = await s.resolveUpdate(video, { samples });
 *   await s.write(video, inc.new);
 * });
 */
export class DeltaMetadataStore extends BaseMetadataStore {
  readonly capabilities: StoreCapabilities;
  /** The resolved root: an absolute local directory or a (credential-free) `s3://` URI. */
  readonly rootPath: string;
  readonly layout: DeltaLayout;
  readonly #objects: ObjectStore;
  #tables: FeatureTables | null = null;

  /** A store over `options.rootPath`; see {@link DeltaMetadataStoreOptions}. */
  constructor(options: DeltaMetadataStoreOptions) {
    super(options);
    const checked = checkDeltaOptions(options);
    this.layout = checked.layout;
    this.#objects = openObjectStore(checked.rootPath, checked.storageOptions);
    this.rootPath = this.#objects.display;
    this.capabilities = Object.freeze({
      hardDelete: true,
      persistent: true,
      remote: /^s3a?:\/\//i.test(this.rootPath),
      mapDatatype: true,
      systemTables: true,
      concurrentWriters: true,
      dropKeepsTable: true,
    });
  }

  /**
   * Where a feature's table lives: an absolute directory, or an `s3://` URI.
   *
   * @example
   * store.tableUri("video/raw"); // "/data/metaxy/video/raw.delta"
   */
  tableUri(feature: FeatureKeyInput): string {
    return `${this.rootPath}/${featureTablePath(FeatureKey.from(feature), this.layout)}`;
  }

  display(): string {
    return this.formatDisplay(`path=${this.rootPath}`);
  }

  protected defaultHashAlgorithm(): HashAlgorithm {
    return "xxhash32";
  }

  protected async openBackend(): Promise<void> {
    this.#tables = new FeatureTables(this.#objects);
  }

  protected async closeBackend(): Promise<void> {
    this.#tables?.clear();
    this.#tables = null;
  }

  protected async readFeatureTable(key: FeatureKey, options: BackendReadOptions): Promise<Table | null> {
    const table = await this.#open().latest(this.#path(key));
    return table === null ? null : readDeltaFeature(table.snapshot, options, this.kernels.parquet);
  }

  protected override async readFeatureSchema(key: FeatureKey): Promise<Schema | null> {
    return (await this.#open().latest(this.#path(key)))?.snapshot.arrowSchema ?? null;
  }

  protected async appendFeatureRows(key: FeatureKey, table: Table): Promise<void> {
    const delta = await this.#open().ensure(this.#path(key), table.schema);
    await delta.append(table);
  }

  protected async hardDeleteRows(key: FeatureKey, predicate: FilterExpr | null): Promise<number> {
    const table = await this.#open().latest(this.#path(key));
    return table === null ? 0 : hardDeleteDelta(table, predicate);
  }

  protected async dropFeatureTable(key: FeatureKey): Promise<void> {
    const table = await this.#open().latest(this.#path(key));
    if (table !== null) await hardDeleteDelta(table, null);
  }

  protected async featureTableExists(key: FeatureKey): Promise<boolean> {
    return (await this.#open().latest(this.#path(key))) !== null;
  }

  protected override loadGraphForVersion(feature: Feature, featureVersion: string): Promise<FeatureGraph> {
    return loadGraphForFeatureVersion(this, feature, featureVersion);
  }

  #path(key: FeatureKey): string {
    return featureTablePath(key, this.layout);
  }

  #open(): FeatureTables {
    if (this.#tables === null) throw new StoreNotOpenError(`store: ${this.display()} is not open`);
    return this.#tables;
  }
}
