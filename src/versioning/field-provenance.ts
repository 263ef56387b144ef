import type { Table, Utf8, Vector } from "apache-arrow";
import { METAXY_DATA_VERSION_BY_FIELD } from "../constants.js";
import { ColumnConfigurationError } from "../errors.js";
import type { PreimagePart } from "../kernels/kernels.js";
import type { FeaturePlan } from "../models/plan.js";
import { byFieldValuesOf } from "./by-field-values.js";
import type { DeferredColumn } from "./join-upstreams.js";
import { PREIMAGE_SEPARATOR } from "./sample-hash.js";
import type { VersioningContext } from "./versioning-context.js";

/**
 * Per-field provenance hashes of a joined frame (metaxy-versioning §3.4), one `[struct key, hashes]`
 * entry per field of the feature in declared order. Field f of a row hashes
 * `"<f key a/b>|<code version>|<U/key.g/key>|<data_version_by_field__U[g]>|…"` over the parent
 * fields sorted by their FQ string; a null upstream value nulls the hash, except for optional deps,
 * whose nulls read as `""`. A frame without `metaxy_data_version_by_field__<U>` is a
 * ColumnConfigurationError for a required dep; for an optional dep (its upstream absent) every
 * value reads as `""`. A data-version column in `deferred` (left out of `frame` by the join) is
 * read from there, only at the joined rows.
 *
 * @example
 * const entries = fieldProvenance(plan, joined, ctx); // [["faces", Vector<Utf8>]]
 */
export function fieldProvenance(
  plan: FeaturePlan,
  frame: Table,
  ctx: VersioningContext,
  deferred: ReadonlyMap<string, DeferredColumn> = new Map(),
): readonly (readonly [string, Vector<Utf8>])[] {
  // Every struct key the fields read from each upstream, so one lookup pass serves them all.
  const wanted = new Map<string, string[]>();
  for (const field of plan.spec.fields) {
    for (const parent of plan.parentFields(field.key)) {
      const feature = parent.feature.toString();
      const keys = wanted.get(feature) ?? [];
      const key = parent.field.toStructKey();
      if (!keys.includes(key)) keys.push(key);
      wanted.set(feature, keys);
    }
  }
  const values = new Map<string, PreimagePart>();
  const read = (feature: string): void => {
    const dep = plan.dep(feature);
    const name = dep.systemColumnRenames[METAXY_DATA_VERSION_BY_FIELD]!;
    const later = deferred.get(name);
    const column = later?.column ?? frame.getChild(name);
    if (column === null && !dep.optional) {
      throw new ColumnConfigurationError(
        `versioning: frame for "${plan.key}" has no column "${name}" (the data versions of upstream "${dep.key}")`,
      );
    }
    const keys = wanted.get(feature)!;
    const rows = later?.rows ?? undefined;
    const columns = column === null ? null : byFieldValuesOf(column, keys, name, ctx.kernels.take, rows);
    keys.forEach((key, k) => {
      const part: PreimagePart =
        columns === null
          ? { literal: "" }
          : dep.optional
            ? { column: columns[k]!, nullAs: "" }
            : { column: columns[k]! };
      values.set(`${feature}\u0000${key}`, part);
    });
  };
  const part = (feature: string, structKey: string): PreimagePart => {
    const id = `${feature}\u0000${structKey}`;
    if (!values.has(id)) read(feature);
    return values.get(id)!;
  };
  const options = { separator: PREIMAGE_SEPARATOR, truncation: ctx.truncation };
  return plan.spec.fields.map((field) => {
    const parts: PreimagePart[] = [{ literal: field.key.toString() }, { literal: field.codeVersion }];
    for (const parent of plan.parentFields(field.key)) {
      parts.push({ literal: parent.toString() }, part(parent.feature.toString(), parent.field.toStructKey()));
    }
    const hashes = ctx.kernels.hashRows(ctx.hashAlgorithm, parts, options, frame.numRows);
    return [field.key.toStructKey(), hashes] as const;
  });
}
