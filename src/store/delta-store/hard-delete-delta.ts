import { type Schema, Type } from "apache-arrow";
import { evaluateFilter } from "../../filters/evaluate-filter.js";
import { filterColumns } from "../../filters/filter-columns.js";
import type { FilterExpr } from "../../filters/filter-expr.js";
import { mayMatchStats, type StatsValueKind } from "../../filters/may-match-stats.js";
import type { DeltaTable } from "../delta/delta-table.js";

/**
 * Hard delete on a feature table: `null` removes every file (the table stays, empty); a predicate
 * rewrites only the files holding matching rows, skipping files whose statistics rule it out.
 * Resolves to the number of rows removed.
 *
 * @example
 * await hardDeleteDelta(table, col(METAXY_FEATURE_VERSION).eq("4c78e5e2"));
 */
export async function hardDeleteDelta(table: DeltaTable, predicate: FilterExpr | null): Promise<number> {
  const snapshot = table.snapshot;
  if (predicate === null) {
    const count = snapshot.numRecords ?? (await snapshot.read()).numRows;
    if (snapshot.files.length > 0) await table.truncate();
    return count;
  }
  const present = new Set(snapshot.arrowSchema.fields.map((f) => f.name));
  // Dotted names reach into struct columns: project the top-level column they start with.
  const columns = [
    ...new Set(
      filterColumns(predicate)
        .map((name) => (present.has(name) ? name : name.split(".")[0]!))
        .filter((name) => present.has(name)),
    ),
  ];
  const types = statsKinds(snapshot.arrowSchema);
  const result = await table.deleteRows((data) => evaluateFilter(predicate, data), {
    columns,
    filter: (file) => file.stats === null || mayMatchStats(predicate, file.stats, { types }),
  });
  return result.deletedRows;
}

/** Timestamp columns' statistics are ISO strings: tell the pruner to read them as instants. */
function statsKinds(schema: Schema): Record<string, StatsValueKind> {
  const kinds: Record<string, StatsValueKind> = {};
  for (const field of schema.fields) {
    if (field.type.typeId === Type.Timestamp) kinds[field.name] = "timestamp";
  }
  return kinds;
}
