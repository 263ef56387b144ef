import { Int64, type Table, type Vector } from "apache-arrow";
import { constantUtf8 } from "../../arrow/constant-utf8.js";
import { dropColumns } from "../../arrow/drop-columns.js";
import { nullVector } from "../../arrow/null-vector.js";
import { type TakeFn, takeColumn } from "../../arrow/take-column.js";
import { takeTable } from "../../arrow/take-table.js";
import { type ArrowInput, toArrowTable } from "../../arrow/to-arrow-table.js";
import { withColumn } from "../../arrow/with-column.js";
import {
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_FEATURE_VERSION,
  METAXY_PROJECT_VERSION,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
} from "../../constants.js";
import { InvalidArgumentError } from "../../errors.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import { flatUtf8, isValidRow, sameBytes } from "../../versioning/flat-utf8.js";
import { tableColumn } from "../../versioning/table-column.js";
import type { RebaseOptions } from "../metadata-store.js";
import { resolveFeature } from "./resolve-feature.js";
import type { StoreContext } from "./store-backend.js";

/**
 * `store.rebase` (Python `rebase`): moves rows of an older feature version onto the current one
 * (or onto `toFeatureVersion`, through the backend's `loadGraphForVersion`). The new provenance is
 * what `resolveUpdate(..., { skipComparison: true })` expects under the target graph, joined
 * (inner) on the plan's join columns, so rows without an expected counterpart are dropped. Data
 * versions the user set are kept: a row whose `metaxy_data_version` equals its old
 * `metaxy_provenance` has both data-version columns nulled, so `write` refills them from the new
 * provenance. Feature and project versions are the target's: write the result with
 * `preserveFeatureVersion: true`. Root features are refused (their provenance comes from samples).
 *
 * @example
 * const rebased = await rebaseFrame(ctx, "video/faces", oldRows, {});
 * await store.write("video/faces", rebased, { preserveFeatureVersion: true });
 */
export async function rebaseFrame(
  ctx: StoreContext,
  ref: FeatureKeyInput,
  data: ArrowInput,
  options: RebaseOptions = {},
): Promise<Table> {
  ctx.requireOpen("rebase", "r");
  const current = resolveFeature(ctx.graph, ref);
  if (current.plan().isRoot) {
    throw new InvalidArgumentError(
      `store: cannot rebase root feature "${current.key}": its provenance comes from samples`,
    );
  }
  const target =
    options.toFeatureVersion === undefined
      ? current
      : (await ctx.backend.loadGraphForVersion(current, options.toFeatureVersion)).get(current.key);
  const plan = target.plan();
  const frame = await toArrowTable(data, { enableMapDatatype: ctx.enableMapDatatype });
  const expected = (await ctx.store.resolveUpdate(target, { skipComparison: true })).new;
  const take = ctx.kernels.take;
  const joinColumns = plan.joinColumns;
  // Aggregation repeats one provenance per group row: keep one row per key.
  const zeros = nullVector(new Int64(), expected.numRows);
  const expKeys = joinColumns.map((c) => tableColumn(expected, c, "store: rebase expected frame"));
  const unique = takeTable(expected, ctx.kernels.keepLatest(expKeys, zeros), take);
  const pairs = ctx.kernels.join(
    joinColumns.map((c) => tableColumn(frame, c, `store: rebase of "${current.key}"`)),
    joinColumns.map((c) => tableColumn(unique, c, "store: rebase expected frame")),
    "inner",
  );
  const defaults = defaultDataVersionRows(frame);
  let out = takeTable(dropColumns(frame, [METAXY_PROVENANCE_BY_FIELD, METAXY_PROVENANCE]), pairs.left, take);
  for (const name of [METAXY_PROVENANCE_BY_FIELD, METAXY_PROVENANCE]) {
    out = withColumn(out, name, takeColumn(unique.getChild(name)!, pairs.right, take));
  }
  if (defaults !== null) {
    for (const name of [METAXY_DATA_VERSION_BY_FIELD, METAXY_DATA_VERSION]) {
      const column = out.getChild(name);
      if (column !== null) out = withColumn(out, name, nullWhere(column, pairs.left, defaults, take));
    }
  }
  out = withColumn(out, METAXY_FEATURE_VERSION, constantUtf8(target.featureVersion(), out.numRows));
  return withColumn(
    out,
    METAXY_PROJECT_VERSION,
    constantUtf8(target.graph.projectVersion(target.project), out.numRows),
  );
}

/** Per frame row, 1 where the data version is the provenance (not user-set); null without both. */
function defaultDataVersionRows(frame: Table): Uint8Array | null {
  const dv = frame.getChild(METAXY_DATA_VERSION);
  const prov = frame.getChild(METAXY_PROVENANCE);
  if (dv === null || prov === null) return null;
  const a = flatUtf8(dv, METAXY_DATA_VERSION);
  const b = flatUtf8(prov, METAXY_PROVENANCE);
  const out = new Uint8Array(frame.numRows);
  for (let i = 0; i < out.length; i++) {
    out[i] = isValidRow(a, i) && isValidRow(b, i) && sameBytes(a, i, b, i) ? 1 : 0;
  }
  return out;
}

/** `column` (already gathered by `rows`) with the rows whose source row is flagged set to null. */
function nullWhere(column: Vector, rows: Int32Array, flagged: Uint8Array, take: TakeFn): Vector {
  const indices = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) indices[i] = flagged[rows[i]!] === 1 ? -1 : i;
  return takeColumn(column, indices, take);
}
