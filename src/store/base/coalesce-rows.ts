import { Field, type Vector } from "apache-arrow";
import { assembleTable } from "../../arrow/assemble-table.js";
import { concatTables } from "../../arrow/concat-tables.js";
import { type TakeFn, takeColumn } from "../../arrow/take-column.js";

/**
 * Per row `a ?? b` for columns of any type (whole-row nulls: a null struct or map row takes `b`'s
 * row). The result has the unified type of both (Null + X → X; struct fields merged), so it also
 * fills a user-supplied `metaxy_data_version_by_field` from the provenance. Returns `a` itself
 * when it has no nulls.
 *
 * @example
 * coalesceRows(dataVersionByField, provenanceByField, kernels.take);
 */
export function coalesceRows(a: Vector, b: Vector, take?: TakeFn): Vector {
  if (a.nullCount === 0) return a;
  const n = a.length;
  const both = concatTables([single(a), single(b)]).getChild("v")!;
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = a.isValid(i) ? i : n + i;
  return takeColumn(both, indices, take);
}

function single(v: Vector) {
  return assembleTable([new Field("v", v.type, true)], [v], v.length);
}
