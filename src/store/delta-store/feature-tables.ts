import type { Schema } from "apache-arrow";
import { DeltaTable } from "../delta/delta-table.js";
import type { ObjectStore } from "../io/object-store.js";

/**
 * The Delta tables of one open store, by table path. A table is opened once per open session and
 * refreshed before every use, so commits of other writers (processes) are always seen; a table
 * that does not exist is looked up again next time (another writer may create it).
 *
 * @example
 * const tables = new FeatureTables(objects);
 * const t = await tables.latest("video/raw.delta"); // null when absent
 */
export class FeatureTables {
  readonly #open = new Map<string, Promise<DeltaTable | null>>();

  constructor(readonly objects: ObjectStore) {}

  /**
   * The table at `path` at its latest version, or null when there is no table.
   *
   * @example
   * const snapshot = (await tables.latest("video/raw.delta"))?.snapshot;
   */
  async latest(path: string): Promise<DeltaTable | null> {
    const cached = this.#open.get(path);
    const table = cached === undefined ? null : await cached;
    if (table !== null) {
      await table.refresh();
      return table;
    }
    const opening = DeltaTable.open(this.objects, path);
    this.#open.set(path, opening);
    try {
      return await opening;
    } catch (error) {
      this.#open.delete(path);
      throw error;
    }
  }

  /**
   * The table at `path` at its latest version, created with `schema` when absent.
   *
   * @example
   * const t = await tables.ensure("video/raw.delta", batch.schema);
   */
  async ensure(path: string, schema: Schema): Promise<DeltaTable> {
    const existing = await this.latest(path);
    if (existing !== null) return existing;
    const created = await DeltaTable.ensure(this.objects, path, schema);
    this.#open.set(path, Promise.resolve(created));
    return created;
  }

  /** Forgets every table (on close). */
  clear(): void {
    this.#open.clear();
  }
}
