import type { Table, Utf8, Vector } from "apache-arrow";
import { METAXY_DATA_VERSION_BY_FIELD } from "../constants.js";
import { ColumnConfigurationError } from "../errors.js";
import type { PreimagePart } from "../kernels/kernels.js";
import type { FeaturePlan } from "../models/plan.js";
import { byFieldValues } from "./by-field-values.js";
import { PREIMAGE_SEPARATOR } from "./sample-hash.js";
import type { VersioningContext } from "./versioning-context.js";

/**
 * Per-field provenance hashes of a joined frame (metaxy-versioning §3.4), one `[struct key, hashes]`
 * entry per field of the feature in declared order. Field f of a row hashes
 * `"<f key a/b>|<code version>|<U/key.g/key>|<data_version_by_field__U[g]>|…"` over the parent
 * fields sorted by their FQ string; a null upstream value nulls the hash, except for optional deps,
 * whose nulls read as `""`. A frame without `metaxy_data_version_by_field__<U>` is a
 * ColumnConfigurationError for a required dep; for an optional dep (its upstream absent) every
 * value reads as `""`.
 *
 * @example
 * const entries = fieldProvenance(plan, joined, ctx); // [["faces", Vector<Utf8>]]
 */
export function fieldProvenance(
  plan: FeaturePlan,
  frame: Table,
  ctx: VersioningContext,
): readonly (readonly [string, Vector<Utf8>])[] {
  const values = new Map<string, PreimagePart>();
  const part = (feature: string, structKey: string): PreimagePart => {
    const id = `${feature}\u0000${structKey}`;
    let found = values.get(id);
    if (found === undefined) {
      const dep = plan.dep(feature);
      const name = dep.systemColumnRenames[METAXY_DATA_VERSION_BY_FIELD]!;
      const column = frame.getChild(name);
      if (column === null && !dep.optional) {
        throw new ColumnConfigurationError(
          `versioning: frame for "${plan.key}" has no column "${name}" (the data versions of upstream "${dep.key}")`,
        );
      }
      found =
        column === null
          ? { literal: "" }
          : dep.optional
            ? { column: byFieldValues(column, structKey, name), nullAs: "" }
            : { column: byFieldValues(column, structKey, name) };
      values.set(id, found);
    }
    return found;
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
