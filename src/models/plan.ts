import { RENAMED_UPSTREAM_COLUMNS } from "../constants.js";
import { FeatureNotFoundError } from "../errors.js";
import type { Feature } from "./feature.js";
import type { FeatureDep } from "./feature-dep.js";
import { FeatureKey, type FeatureKeyInput } from "./feature-key.js";
import type { FeatureSpec } from "./feature-spec.js";
import { FieldKey, type FieldKeyInput } from "./field-key.js";
import type { FQFieldKey } from "./fq-field-key.js";
import type { Lineage } from "./lineage.js";
import { resolveParentFields } from "./parent-fields.js";

/**
 * One resolved dependency of a {@link FeaturePlan}: the `FeatureDep` together with the upstream feature
 * and the column names the engine needs to prepare that upstream's frame (metaxy-versioning §3.3).
 *
 * @example
 * const d = graph.plan("video/faces").deps[0]!;
 * d.columnSuffix;                                   // "__video_raw"
 * d.systemColumnRenames.metaxy_data_version_by_field; // "metaxy_data_version_by_field__video_raw"
 * d.renamedIdColumns;                               // upstream id columns after `rename`
 */
export interface PlanDep {
  /** The dependency as declared. */
  readonly dep: FeatureDep;
  /** Upstream feature key (`dep.feature`). */
  readonly key: FeatureKey;
  /** The upstream feature. */
  readonly upstream: Feature;
  /** The upstream spec (`upstream.spec`). */
  readonly spec: FeatureSpec;
  /** Row lineage (`dep.lineage`). */
  readonly lineage: Lineage;
  /** Optional dependency: missing upstream values hash as `""` (`dep.optional`). */
  readonly optional: boolean;
  /** `__<upstream struct key>`, appended to the upstream's four provenance/data-version columns. */
  readonly columnSuffix: string;
  /** Upstream id columns after `dep.rename`, in the upstream's order. */
  readonly renamedIdColumns: readonly string[];
  /**
   * The columns this dep joins on (Python `get_input_id_columns_for_dep`): identity → renamed upstream
   * id columns; aggregation → `on`, else the downstream id columns; expansion → `on`.
   */
  readonly inputIdColumns: readonly string[];
  /**
   * The whole rename applied to the upstream frame (§3.3 step 2): `dep.rename` plus each of the four
   * `metaxy_provenance*` / `metaxy_data_version*` columns → the same name + `columnSuffix`.
   */
  readonly columnRenames: Readonly<Record<string, string>>;
  /** Just the four system-column renames of `columnRenames`. */
  readonly systemColumnRenames: Readonly<Record<string, string>>;
}

/**
 * Everything about one feature that depends on the graph around it: its dependencies resolved to
 * upstream features, the parent fields of each of its fields, and the id columns used to join the
 * upstream frames. Built by `graph.plan(key)`, which throws `MissingFeatureDependencyError` if an
 * upstream is not in the graph. Immutable; parent fields are computed on first use and cached.
 *
 * @example
 * const plan = graph.plan("video/faces");
 * plan.deps.map((d) => d.key.toString());          // ["video/raw"]
 * plan.parentFields("faces").map(String);          // ["video/raw.frames"]
 * plan.joinColumns;                                // ["video_id"]
 */
export class FeaturePlan {
  /** The planned feature. */
  readonly feature: Feature;
  /** Its key. */
  readonly key: FeatureKey;
  /** Its spec. */
  readonly spec: FeatureSpec;
  /** Resolved deps, in `spec.deps` order (the join order of required deps). */
  readonly deps: readonly PlanDep[];
  /**
   * Intersection over deps of their `inputIdColumns` (order of the first dep), Python's
   * `plan.input_id_columns`. For a root feature: its own id columns.
   */
  readonly inputIdColumns: readonly string[];
  readonly #upstreams: ReadonlyMap<string, FeatureSpec>;
  readonly #parents = new Map<string, readonly FQFieldKey[]>();

  /** @internal Use `graph.plan(key)`. */
  constructor(feature: Feature, upstreams: readonly Feature[]) {
    this.feature = feature;
    this.key = feature.key;
    this.spec = feature.spec;
    this.deps = Object.freeze(feature.spec.deps.map((dep, i) => planDep(dep, upstreams[i]!, feature.spec)));
    this.#upstreams = new Map(upstreams.map((u) => [u.key.toString(), u.spec]));
    this.inputIdColumns = Object.freeze(
      intersect(this.deps.map((d) => d.inputIdColumns)) ?? [...this.spec.idColumns],
    );
    Object.freeze(this);
  }

  /** A feature without dependencies (its rows come from user samples). */
  get isRoot(): boolean {
    return this.deps.length === 0;
  }

  /** Columns to join upstream frames and compare with stored rows: `inputIdColumns`, or the id columns if empty. */
  get joinColumns(): readonly string[] {
    return this.inputIdColumns.length > 0 ? this.inputIdColumns : this.spec.idColumns;
  }

  /** Required deps, in order (inner-joined). */
  get requiredDeps(): readonly PlanDep[] {
    return this.deps.filter((d) => !d.optional);
  }

  /** Optional deps, in order (left-joined, or full-joined when every dep is optional). */
  get optionalDeps(): readonly PlanDep[] {
    return this.deps.filter((d) => d.optional);
  }

  /** The resolved dep on `feature`; `FeatureNotFoundError` if it is not a dependency. */
  dep(feature: FeatureKeyInput): PlanDep {
    const key = FeatureKey.from(feature);
    const found = this.deps.find((d) => d.key.equals(key));
    if (found === undefined)
      throw new FeatureNotFoundError(`graph: "${key}" is not a dependency of "${this.key}"`);
    return found;
  }

  /**
   * Parent fields of field `field`, sorted by `"feature.field"` (metaxy-versioning §1.9). These are the
   * `(upstream, field)` pairs whose versions (graph level) or data versions (record level) feed this
   * field's hash, in hash order.
   */
  parentFields(field: FieldKeyInput): readonly FQFieldKey[] {
    const key = FieldKey.from(field);
    const id = key.toString();
    let parents = this.#parents.get(id);
    if (parents === undefined) {
      parents = Object.freeze(resolveParentFields(this.spec, key, this.#upstreams));
      this.#parents.set(id, parents);
    }
    return parents;
  }
}

function planDep(dep: FeatureDep, upstream: Feature, downstream: FeatureSpec): PlanDep {
  const renamedIdColumns = Object.freeze(upstream.spec.idColumns.map((c) => dep.renamed(c)));
  const lineage = dep.lineage;
  const inputIdColumns =
    lineage.kind === "identity" ? renamedIdColumns : (lineage.on ?? Object.freeze([...downstream.idColumns]));
  const systemColumnRenames: Record<string, string> = {};
  for (const col of RENAMED_UPSTREAM_COLUMNS) systemColumnRenames[col] = `${col}${dep.columnSuffix}`;
  const columnRenames: Record<string, string> = Object.create(null);
  if (dep.rename !== null) Object.assign(columnRenames, dep.rename);
  Object.assign(columnRenames, systemColumnRenames);
  return Object.freeze({
    dep,
    key: dep.feature,
    upstream,
    spec: upstream.spec,
    lineage,
    optional: dep.optional,
    columnSuffix: dep.columnSuffix,
    renamedIdColumns,
    inputIdColumns,
    columnRenames: Object.freeze(columnRenames),
    systemColumnRenames: Object.freeze(systemColumnRenames),
  });
}

function intersect(lists: readonly (readonly string[])[]): string[] | undefined {
  if (lists.length === 0) return undefined;
  return lists[0]!.filter((c) => lists.every((l) => l.includes(c)));
}
