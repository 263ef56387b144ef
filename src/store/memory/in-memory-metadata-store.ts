import type { Schema, Table } from "apache-arrow";
import { concatTables } from "../../arrow/concat-tables.js";
import { selectColumns } from "../../arrow/select-columns.js";
import { takeTable } from "../../arrow/take-table.js";
import { evaluateFilter } from "../../filters/evaluate-filter.js";
import type { FilterExpr } from "../../filters/filter-expr.js";
import type { HashAlgorithm } from "../../kernels/kernels.js";
import type { FeatureKey } from "../../models/feature-key.js";
import { type BackendReadOptions, BaseMetadataStore, type BaseStoreOptions } from "../base-store.js";
import type { StoreCapabilities } from "../metadata-store.js";

/**
 * Options of {@link InMemoryMetadataStore}: the common store options.
 *
 * @example
 * const options: InMemoryStoreOptions = { graph, hashAlgorithm: "xxhash32" };
 */
export type InMemoryStoreOptions = BaseStoreOptions;

/**
 * The reference backend: each feature's rows are one Arrow table in memory, grown by appending
 * chunks (`concatTables` unifies the schema on every write, so an incompatible write fails at
 * once). Data lives as long as the instance, across open/close. Hard deletes evaluate the
 * predicate on the rows; `dropFeatureMetadata` removes the table itself. Default hash algorithm
 * xxhash64 (the algorithm of Python's test suites).
 *
 * @example
 * const store = new InMemoryMetadataStore({ graph });
 * await store.withOpen("w", (s) => s.write("video/raw", rows));
 */
export class InMemoryMetadataStore extends BaseMetadataStore {
  readonly capabilities: StoreCapabilities = Object.freeze({
    hardDelete: true,
    persistent: false,
    remote: false,
    mapDatatype: true,
    systemTables: false,
    concurrentWriters: false,
    dropKeepsTable: false,
  });
  readonly #tables = new Map<string, Table>();

  /** A store over `options.graph`; see {@link InMemoryStoreOptions}. */
  constructor(options: InMemoryStoreOptions) {
    super(options);
  }

  protected defaultHashAlgorithm(): HashAlgorithm {
    return "xxhash64";
  }

  protected async openBackend(): Promise<void> {}

  protected async closeBackend(): Promise<void> {}

  protected async readFeatureTable(key: FeatureKey, options: BackendReadOptions): Promise<Table | null> {
    const table = this.#tables.get(key.toString());
    if (table === undefined) return null;
    if (options.columns === undefined) return table;
    const present = new Set(table.schema.fields.map((f) => f.name));
    return selectColumns(
      table,
      options.columns.filter((c, k) => present.has(c) && options.columns!.indexOf(c) === k),
    );
  }

  protected override async readFeatureSchema(key: FeatureKey): Promise<Schema | null> {
    return this.#tables.get(key.toString())?.schema ?? null;
  }

  protected async appendFeatureRows(key: FeatureKey, table: Table): Promise<void> {
    const id = key.toString();
    const existing = this.#tables.get(id);
    this.#tables.set(id, existing === undefined ? table : concatTables([existing, table]));
  }

  protected async hardDeleteRows(key: FeatureKey, predicate: FilterExpr | null): Promise<number> {
    const id = key.toString();
    const table = this.#tables.get(id);
    if (table === undefined) return 0;
    const doomed =
      predicate === null ? new Uint8Array(table.numRows).fill(1) : evaluateFilter(predicate, table);
    const keep: number[] = [];
    for (let i = 0; i < doomed.length; i++) if (doomed[i] === 0) keep.push(i);
    if (keep.length === table.numRows) return 0;
    this.#tables.set(id, takeTable(table, Int32Array.from(keep), this.kernels.take));
    return table.numRows - keep.length;
  }

  protected async dropFeatureTable(key: FeatureKey): Promise<void> {
    this.#tables.delete(key.toString());
  }

  protected async featureTableExists(key: FeatureKey): Promise<boolean> {
    return this.#tables.has(key.toString());
  }

  display(): string {
    return this.formatDisplay("");
  }
}
