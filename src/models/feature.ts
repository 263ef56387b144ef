import { ALL_SYSTEM_COLUMNS } from "../constants.js";
import { InvalidSpecError } from "../errors.js";
import type { FeatureGraph } from "./feature-graph.js";
import type { FeatureKey } from "./feature-key.js";
import { COLUMN_TYPES, type ColumnType } from "./feature-schema.js";
import type { FeatureSpec, FeatureSpecInit } from "./feature-spec.js";
import { describeInput } from "./key.js";
import type { FeaturePlan } from "./plan.js";
import { freezePyJson } from "./py-json-value.js";
import type { PyJson } from "./python-json.js";
import { expectObject, expectString } from "./spec-input.js";

/**
 * Definition info that is not part of the spec JSON (and so not of the spec version): declared user
 * columns (they shape the definition version's schema), the defining class path and the project.
 *
 * @example
 * const info: FeatureInfo = { columns: { path: "string", fps: "float64" }, project: "demo" };
 */
export interface FeatureInfo {
  /** Declared user columns and their types. */
  readonly columns?: Readonly<Record<string, ColumnType>>;
  /** Where the feature is defined, e.g. `my_pkg.features.Video` (Python `feature_class_path`). */
  readonly classPath?: string;
  /** Owning project; defaults to the graph's project. */
  readonly project?: string;
  /**
   * The feature's JSON Schema as Python stored it (`feature_schema` of a pushed snapshot, parsed with
   * `parsePythonJson`). When given it replaces the schema generated from `columns`, so definition and
   * project versions of loaded Python definitions match Python's.
   */
  readonly schema?: { readonly [key: string]: unknown };
}

/**
 * What `graph.feature(...)` takes: the spec fields (camelCase) plus optional definition info.
 *
 * @example
 * graph.feature({ key: "video/raw", idColumns: ["video_id"], columns: { path: "string" }, project: "demo" });
 */
export type FeatureDefinitionInit = FeatureSpecInit & FeatureInfo;

/**
 * A feature defined in a graph: its key, immutable spec and definition info, with shortcuts to the
 * graph's version methods. Pass it anywhere a feature key is accepted.
 *
 * @example
 * const video = graph.feature({ key: "video/raw", idColumns: ["video_id"], fields: ["audio", "frames"] });
 * video.key.toString();    // "video/raw"
 * video.featureVersion();  // same as graph.featureVersion("video/raw")
 */
export class Feature {
  /** The feature key. */
  readonly key: FeatureKey;
  /** The spec. */
  readonly spec: FeatureSpec;
  /** The graph that holds it. */
  readonly graph: FeatureGraph;
  /** Declared user columns (frozen), if any. */
  readonly columns: Readonly<Record<string, ColumnType>> | undefined;
  /** Defining class path, if any. */
  readonly classPath: string | undefined;
  /** Owning project, if any. */
  readonly project: string | undefined;
  /** Stored JSON Schema (frozen), if one was supplied. */
  readonly schema: { readonly [key: string]: PyJson } | undefined;

  /** @internal Use `graph.feature(...)`. */
  constructor(graph: FeatureGraph, spec: FeatureSpec, info: FeatureInfo) {
    this.graph = graph;
    this.spec = spec;
    this.key = spec.key;
    this.columns = info.columns === undefined ? undefined : parseColumns(info.columns, spec.key);
    this.classPath = info.classPath === undefined ? undefined : expectString(info.classPath, "classPath");
    this.project = info.project === undefined ? undefined : expectString(info.project, "project");
    this.schema =
      info.schema === undefined
        ? undefined
        : (freezePyJson(
            expectObject(info.schema, `feature "${spec.key}" schema`),
            `feature "${spec.key}" schema`,
          ) as {
            readonly [key: string]: PyJson;
          });
    Object.freeze(this);
  }

  /** The resolved plan (deps with upstream specs, parent fields, join columns). */
  plan(): FeaturePlan {
    return this.graph.plan(this.key);
  }

  /** Graph feature version. */
  featureVersion(): string {
    return this.graph.featureVersion(this.key);
  }

  /** Graph field versions, `{ "a/b": version }`. */
  fieldVersions(): Readonly<Record<string, string>> {
    return this.graph.fieldVersions(this.key);
  }

  /** Spec version (hash of the spec JSON). */
  featureSpecVersion(): string {
    return this.graph.featureSpecVersion(this.key);
  }

  /** `"a/b"`. */
  toString(): string {
    return this.key.toString();
  }
}

function parseColumns(value: unknown, key: FeatureKey): Readonly<Record<string, ColumnType>> {
  const where = `feature "${key}" columns`;
  const obj = expectObject(value, where);
  const out: Record<string, ColumnType> = Object.create(null);
  for (const [name, type] of Object.entries(obj)) {
    if (ALL_SYSTEM_COLUMNS.includes(name)) {
      throw new InvalidSpecError(`specs: ${where}: "${name}" is a system column; declare only user columns`);
    }
    if (!(COLUMN_TYPES as readonly unknown[]).includes(type)) {
      throw new InvalidSpecError(
        `specs: ${where}["${name}"] has unknown type ${describeInput(type)}; expected one of ${COLUMN_TYPES.join(", ")}`,
      );
    }
    out[name] = type as ColumnType;
  }
  return Object.freeze(out);
}
