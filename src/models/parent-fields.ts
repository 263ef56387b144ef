import { ALL_FIELDS_DEP } from "../constants.js";
import { FieldNotFoundError, InvalidSpecError } from "../errors.js";
import type { FeatureSpec } from "./feature-spec.js";
import type { FieldKey } from "./field-key.js";
import { FQFieldKey } from "./fq-field-key.js";

/**
 * The upstream fields one field depends on (Python `FeaturePlan._resolve_field_deps` +
 * `get_parent_fields_for_field`), sorted by their `"feature.field"` string:
 *
 * - a feature without deps has no parents;
 * - field deps `ALL`: every field of every upstream;
 * - explicit field deps replace the automatic mapping entirely;
 * - otherwise each dep's fields mapping is resolved against that upstream (with the per-upstream
 *   fallback of the default mapping); `InvalidSpecError` if no dep yields any field.
 *
 * `upstreams` holds the specs of `spec.deps`, keyed by `"a/b"`. Throws `FieldNotFoundError` for a
 * field the feature or the named upstream does not declare.
 *
 * @example
 * resolveParentFields(spec, FieldKey.from("faces"), upstreamSpecs).map(String); // ["video/raw.frames"]
 */
export function resolveParentFields(
  spec: FeatureSpec,
  fieldKey: FieldKey,
  upstreams: ReadonlyMap<string, FeatureSpec>,
): readonly FQFieldKey[] {
  const field = spec.fields.find((f) => f.key.equals(fieldKey));
  if (field === undefined) {
    throw new FieldNotFoundError(
      `graph: feature "${spec.key}" has no field "${fieldKey}"; fields: ${spec.fields.map((f) => `"${f.key}"`).join(", ")}`,
    );
  }
  if (spec.deps.length === 0) return [];
  const upstreamOf = (key: string): FeatureSpec => {
    const up = upstreams.get(key);
    if (up === undefined) {
      throw new InvalidSpecError(
        `graph: field "${spec.key}.${fieldKey}" depends on "${key}", which is not a dependency`,
      );
    }
    return up;
  };
  const found = new Map<string, FQFieldKey>();
  const add = (up: FeatureSpec, key: FieldKey) => {
    const fq = new FQFieldKey(up.key, key);
    found.set(fq.toString(), fq);
  };
  if (field.deps === ALL_FIELDS_DEP) {
    for (const dep of spec.deps) {
      const up = upstreamOf(dep.feature.toString());
      for (const f of up.fields) add(up, f.key);
    }
  } else if (field.deps.length > 0) {
    for (const fd of field.deps) {
      const up = upstreamOf(fd.feature.toString());
      if (fd.fields === ALL_FIELDS_DEP) {
        for (const f of up.fields) add(up, f.key);
        continue;
      }
      for (const key of fd.fields) {
        if (!up.fields.some((f) => f.key.equals(key))) {
          throw new FieldNotFoundError(
            `graph: field "${spec.key}.${fieldKey}" depends on "${up.key}.${key}", but "${up.key}" has no field "${key}"`,
          );
        }
        add(up, key);
      }
    }
  } else {
    for (const dep of spec.deps) {
      const up = upstreamOf(dep.feature.toString());
      for (const key of dep.fieldsMapping.resolve(fieldKey, up)) add(up, key);
    }
    if (found.size === 0) {
      throw new InvalidSpecError(
        `graph: no upstream fields found for field "${spec.key}.${fieldKey}": every dependency's fields mapping ` +
          "resolved to nothing; declare explicit field deps or change the mappings",
      );
    }
  }
  return [...found.values()].sort((a, b) => a.compare(b));
}
