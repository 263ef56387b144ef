import { ALL_FIELDS_DEP } from "../constants.js";
import { DependencyCycleError, FieldNotFoundError, KeyCollisionError } from "../errors.js";
import type { Feature } from "./feature.js";
import type { FeatureSpec } from "./feature-spec.js";

/**
 * Checks that adding `spec` to a graph holding `features` keeps it sound (checks Python lacks, T9):
 * no dependency cycle, no column-suffix collision with another feature key (`a/b` vs `a_b`), and every
 * field named by an explicit field dep exists — in both directions, for upstreams already present and
 * for present features that name `spec` as their upstream.
 *
 * @example
 * checkNewFeature(graphFeatures, spec); // throws DependencyCycleError / KeyCollisionError / FieldNotFoundError
 * @internal
 */
export function checkNewFeature(features: ReadonlyMap<string, Feature>, spec: FeatureSpec): void {
  checkSuffix(features, spec);
  checkCycle(features, spec);
  for (const upstream of features.values()) checkFieldDeps(spec, upstream.spec);
  for (const downstream of features.values()) checkFieldDeps(downstream.spec, spec);
}

function checkSuffix(features: ReadonlyMap<string, Feature>, spec: FeatureSpec): void {
  const suffix = spec.key.toColumnSuffix();
  for (const other of features.values()) {
    if (other.key.toColumnSuffix() === suffix) {
      throw new KeyCollisionError(
        `graph: feature keys "${other.key}" and "${spec.key}" share the column suffix "${suffix}"`,
      );
    }
  }
}

function checkCycle(features: ReadonlyMap<string, Feature>, spec: FeatureSpec): void {
  const target = spec.key.toString();
  const done = new Set<string>();
  const path: string[] = [target];
  const visit = (key: string): boolean => {
    if (key === target) return true;
    if (done.has(key)) return false;
    const feature = features.get(key);
    if (feature === undefined) return false;
    path.push(key);
    for (const dep of feature.spec.deps) if (visit(dep.feature.toString())) return true;
    path.pop();
    done.add(key);
    return false;
  };
  for (const dep of spec.deps) {
    if (visit(dep.feature.toString())) {
      const cycle = [...path, target].join(" → ");
      throw new DependencyCycleError(`graph: dependency cycle ${cycle}: adding "${target}" would close it`);
    }
  }
}

/** Fields named by `downstream`'s explicit field deps on `upstream` must exist there. */
function checkFieldDeps(downstream: FeatureSpec, upstream: FeatureSpec): void {
  for (const field of downstream.fields) {
    if (field.deps === ALL_FIELDS_DEP) continue;
    for (const fd of field.deps) {
      if (!fd.feature.equals(upstream.key) || fd.fields === ALL_FIELDS_DEP) continue;
      for (const key of fd.fields) {
        if (!upstream.fields.some((f) => f.key.equals(key))) {
          throw new FieldNotFoundError(
            `graph: field "${downstream.key}.${field.key}" depends on "${upstream.key}.${key}", but "${upstream.key}" ` +
              `has no field "${key}" (fields: ${upstream.fields.map((f) => `"${f.key}"`).join(", ")})`,
          );
        }
      }
    }
  }
}
