import type { Table } from "apache-arrow";
import type { ColumnTable } from "arquero";
import { tableToRows } from "../arrow/table-to-rows.js";
import { toArquero } from "../arrow/to-arquero.js";

/**
 * Row counts of an {@link Increment}.
 *
 * @example
 * const { new: added, stale, orphaned }: IncrementCounts = increment.counts;
 */
export interface IncrementCounts {
  readonly new: number;
  readonly stale: number;
  readonly orphaned: number;
}

/**
 * The result of comparing expected with stored rows (Python `Increment`): `new` (expected, not
 * stored), `stale` (stored, but the provenance differs or a staleness predicate matched) and
 * `orphaned` (stored, no longer expected). `new` and `stale` have the expected frame's columns,
 * `orphaned` the stored rows' columns. Immutable.
 *
 * @example
 * const inc = await store.resolveUpdate(feature);
 * await store.write(feature, inc.new);
 * inc.counts; // { new: 3, stale: 1, orphaned: 0 }
 */
export class Increment {
  /** Expected rows that are not stored. */
  readonly new: Table;
  /** Expected rows whose stored row is outdated, one per stored match. */
  readonly stale: Table;
  /** Stored rows that are no longer expected. */
  readonly orphaned: Table;

  constructor(parts: { readonly new: Table; readonly stale: Table; readonly orphaned: Table }) {
    this.new = parts.new;
    this.stale = parts.stale;
    this.orphaned = parts.orphaned;
    Object.freeze(this);
  }

  /** Row counts of the three tables. */
  get counts(): IncrementCounts {
    return { new: this.new.numRows, stale: this.stale.numRows, orphaned: this.orphaned.numRows };
  }

  /** The three tables as plain row objects (see `tableToRows`). */
  toRows(): {
    new: Record<string, unknown>[];
    stale: Record<string, unknown>[];
    orphaned: Record<string, unknown>[];
  } {
    return {
      new: tableToRows(this.new),
      stale: tableToRows(this.stale),
      orphaned: tableToRows(this.orphaned),
    };
  }

  /** The three tables as arquero tables (arquero is loaded on first use). */
  async toArquero(): Promise<{ new: ColumnTable; stale: ColumnTable; orphaned: ColumnTable }> {
    const [added, stale, orphaned] = await Promise.all([
      toArquero(this.new),
      toArquero(this.stale),
      toArquero(this.orphaned),
    ]);
    return { new: added, stale, orphaned };
  }
}
