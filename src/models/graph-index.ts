import { ALL_FIELDS_DEP } from "../constants.js";
import { DependencyCycleError, FieldNotFoundError, KeyCollisionError } from "../errors.js";
import type { Feature } from "./feature.js";
import type { FeatureSpec } from "./feature-spec.js";

/**
 * The features of a graph plus the reverse indexes that keep its soundness checks incremental
 * (checks Python lacks, T9): dependents per upstream key, column suffixes, and which specs name an
 * upstream in explicit field deps. Upstream keys are indexed even before they are defined, so specs may
 * arrive in any order.
 * @internal
 */
export class GraphIndex {
  /** Features by `"a/b"`, in definition order. */
  readonly features = new Map<string, Feature>();
  /** Keys of the features that list each key (defined or not) as a dependency. */
  readonly #dependents = new Map<string, Set<string>>();
  readonly #suffixes = new Map<string, string>();
  /** Specs whose explicit field deps name each upstream key. */
  readonly #fieldDepRefs = new Map<string, FeatureSpec[]>();

  /**
   * Throws if `spec` cannot join the graph: `KeyCollisionError` (column suffix shared with another
   * key), `DependencyCycleError` (naming the cycle), `FieldNotFoundError` (an explicit field dep names
   * a field its upstream lacks — checked for upstreams present now and for present specs naming `spec`).
   */
  check(spec: FeatureSpec): void {
    const key = spec.key.toString();
    const suffix = spec.key.toColumnSuffix();
    const other = this.#suffixes.get(suffix);
    if (other !== undefined && other !== key) {
      throw new KeyCollisionError(
        `graph: feature keys "${other}" and "${key}" share the column suffix "${suffix}"`,
      );
    }
    this.#checkCycle(spec);
    for (const dep of spec.deps) {
      const up = this.features.get(dep.feature.toString());
      if (up !== undefined) checkFieldDeps(spec, up.spec);
    }
    for (const downstream of this.#fieldDepRefs.get(key) ?? []) checkFieldDeps(downstream, spec);
  }

  /** Adds a checked feature. */
  add(feature: Feature): void {
    const key = feature.key.toString();
    this.features.set(key, feature);
    this.#suffixes.set(feature.key.toColumnSuffix(), key);
    for (const dep of feature.spec.deps) {
      const up = dep.feature.toString();
      const set = this.#dependents.get(up);
      if (set === undefined) this.#dependents.set(up, new Set([key]));
      else set.add(key);
    }
    for (const up of explicitFieldDepTargets(feature.spec)) {
      const list = this.#fieldDepRefs.get(up);
      if (list === undefined) this.#fieldDepRefs.set(up, [feature.spec]);
      else list.push(feature.spec);
    }
  }

  /** Every defined feature that depends on any of `keys`, directly or transitively (unordered). */
  descendants(keys: Iterable<string>): Set<string> {
    const found = new Set<string>();
    const stack = [...keys];
    while (stack.length > 0) {
      for (const d of this.#dependents.get(stack.pop()!) ?? []) {
        if (!found.has(d)) {
          found.add(d);
          stack.push(d);
        }
      }
    }
    return found;
  }

  /** A cycle through `spec` exists iff one of its deps already depends (transitively) on it. */
  #checkCycle(spec: FeatureSpec): void {
    const key = spec.key.toString();
    const deps = new Set(spec.deps.map((d) => d.feature.toString()));
    if (!this.#dependents.has(key) || ![...deps].some((d) => this.features.has(d))) return;
    // Depth-first over dependents, keeping the path so the message can name the whole cycle.
    const seen = new Set<string>();
    const path: string[] = [];
    const visit = (node: string): boolean => {
      for (const d of this.#dependents.get(node) ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        path.push(d);
        if (deps.has(d) || visit(d)) return true;
        path.pop();
      }
      return false;
    };
    if (visit(key)) {
      const cycle = [key, ...[...path].reverse(), key].join(" → ");
      throw new DependencyCycleError(`graph: dependency cycle ${cycle}: adding "${key}" would close it`);
    }
  }
}

function explicitFieldDepTargets(spec: FeatureSpec): Set<string> {
  const out = new Set<string>();
  for (const field of spec.fields) {
    if (field.deps === ALL_FIELDS_DEP) continue;
    for (const fd of field.deps) if (fd.fields !== ALL_FIELDS_DEP) out.add(fd.feature.toString());
  }
  return out;
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
