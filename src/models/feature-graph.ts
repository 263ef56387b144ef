import {
  FeatureConflictError,
  FeatureNotFoundError,
  InvalidArgumentError,
  MissingFeatureDependencyError,
} from "../errors.js";
import { Feature, type FeatureDefinitionInit, type FeatureInfo } from "./feature.js";
import { FeatureKey, type FeatureKeyInput } from "./feature-key.js";
import { featureJsonSchema } from "./feature-schema.js";
import { FeatureSpec, type FeatureSpecJSON } from "./feature-spec.js";
import { GraphIndex } from "./graph-index.js";
import { checkHashTruncationLength, getDefaultHashTruncationLength } from "./hash-truncation.js";
import { FeaturePlan } from "./plan.js";
import { pythonJsonDumps } from "./python-json.js";
import { parsePythonJson } from "./python-json-parse.js";
import { expectObject } from "./spec-input.js";
import { topologicalOrder } from "./topological-order.js";
import * as versions from "./versions.js";

/**
 * Options of {@link FeatureGraph}.
 *
 * @example
 * const options: FeatureGraphOptions = { project: "demo", hashTruncationLength: null };
 */
export interface FeatureGraphOptions {
  /** Project of features defined without one; also the default of `projectVersion()`. */
  readonly project?: string;
  /** Hash truncation (Python `hash_truncation_length`): integer >= 8, or null for full hashes. Default 8. */
  readonly hashTruncationLength?: number | null;
}

/**
 * A set of features and their dependencies, and the graph-level versions computed from them
 * (metaxy-versioning §2; SHA-256, truncated at every step). Definitions are synchronous and append-only:
 * defining a key again with an identical spec returns the existing feature, a different one throws
 * `FeatureConflictError`. A feature may name upstreams that are not (yet) in the graph; whatever needs
 * them throws `MissingFeatureDependencyError`.
 *
 * @example
 * const graph = new FeatureGraph({ project: "demo" });
 * const video = graph.feature({ key: "video/raw", idColumns: ["video_id"], fields: ["audio", "frames"] });
 * graph.feature({ key: "video/faces", idColumns: ["video_id"], deps: [video], fields: [{ key: "faces", codeVersion: "1" }] });
 * graph.featureVersion("video/faces");
 */
export class FeatureGraph {
  /** Default project, if any. */
  readonly project: string | undefined;
  /** Truncation length of every graph-level hash (null: none). */
  readonly hashTruncationLength: number | null;
  readonly #index = new GraphIndex();
  readonly #features = this.#index.features;
  readonly #plans = new Map<string, FeaturePlan>();
  readonly #context: versions.VersionContext;

  constructor(options: FeatureGraphOptions = {}) {
    if (typeof options !== "object" || options === null) {
      throw new InvalidArgumentError("graph: options must be an object");
    }
    if (options.project !== undefined && (typeof options.project !== "string" || options.project === "")) {
      throw new InvalidArgumentError(
        `graph: project must be a non-empty string, got ${String(options.project)}`,
      );
    }
    this.project = options.project;
    this.hashTruncationLength =
      options.hashTruncationLength === undefined
        ? getDefaultHashTruncationLength()
        : checkHashTruncationLength(options.hashTruncationLength);
    this.#context = { truncation: this.hashTruncationLength, plan: (k) => this.plan(k), memo: new Map() };
  }

  /**
   * Builds a graph from Python's spec JSON (`FeatureSpec.model_dump(mode="json")`): an array of parsed
   * objects (or `FeatureSpec`s), or the raw JSON text — parsed losslessly, so float spellings such as
   * `1.0` in metadata keep their spec versions. Specs may come in any order.
   *
   * @example
   * const graph = FeatureGraph.fromSpecs(fs.readFileSync("specs.json", "utf8"), { project: "demo" });
   */
  static fromSpecs(specs: string | readonly unknown[], options?: FeatureGraphOptions): FeatureGraph {
    const items = typeof specs === "string" ? parsePythonJson(specs) : specs;
    if (!Array.isArray(items)) {
      throw new InvalidArgumentError("graph: fromSpecs expects an array of feature specs (or its JSON text)");
    }
    const graph = new FeatureGraph(options);
    for (const item of items) graph.feature(item instanceof FeatureSpec ? item : FeatureSpec.fromJSON(item));
    return graph;
  }

  /**
   * Defines a feature from camelCase input (or a `FeatureSpec`, or a `Feature` of another graph, plus
   * optional definition info) and returns it. Throws `InvalidSpecError`, `KeyCollisionError`, `DependencyCycleError`,
   * `FieldNotFoundError` or `FeatureConflictError` when the definition cannot be added.
   */
  feature(input: FeatureDefinitionInit | FeatureSpec | Feature, info: FeatureInfo = {}): Feature {
    expectObject(input, "feature definition");
    expectObject(info, "feature info");
    const [spec, merged] = splitDefinition(input, info);
    const candidate = new Feature(this, spec, { ...merged, project: merged.project ?? this.project });
    const id = spec.key.toString();
    const existing = this.#features.get(id);
    if (existing !== undefined) return sameDefinition(existing, candidate);
    this.#index.check(spec);
    this.#index.add(candidate);
    return candidate;
  }

  /** The feature with key `key`; `FeatureNotFoundError` if absent. */
  get(key: FeatureKeyInput): Feature {
    const k = FeatureKey.from(key);
    const feature = this.#features.get(k.toString());
    if (feature === undefined) throw new FeatureNotFoundError(`graph: feature "${k}" is not in the graph`);
    return feature;
  }

  /** Whether `key` is defined. */
  has(key: FeatureKeyInput): boolean {
    return this.#features.has(FeatureKey.from(key).toString());
  }

  /** Every feature, in definition order. */
  list(): readonly Feature[] {
    return [...this.#features.values()];
  }

  /** Keys in dependency order (deps first; ties by key string). With `keys`, only those, same order. */
  topologicalOrder(keys?: readonly FeatureKeyInput[]): FeatureKey[] {
    const specs = new Map([...this.#features].map(([k, f]) => [k, f.spec]));
    const wanted = keys === undefined ? undefined : new Set(keys.map((k) => this.get(k).key.toString()));
    return topologicalOrder(specs)
      .filter((k) => wanted === undefined || wanted.has(k))
      .map((k) => this.#features.get(k)!.key);
  }

  /** Every feature that depends on any of `keys`, directly or transitively, in dependency order. */
  downstream(keys: readonly FeatureKeyInput[]): FeatureKey[] {
    return this.topologicalOrder([
      ...this.#index.descendants(keys.map((k) => FeatureKey.from(k).toString())),
    ]);
  }

  /** The resolved plan of `key`; `MissingFeatureDependencyError` if an upstream is not in the graph. */
  plan(key: FeatureKeyInput): FeaturePlan {
    const feature = this.get(key);
    const id = feature.key.toString();
    const cached = this.#plans.get(id);
    if (cached !== undefined) return cached;
    const missing = feature.spec.deps.filter((d) => !this.#features.has(d.feature.toString()));
    if (missing.length > 0) {
      const names = missing.map((d) => `"${d.feature}"`).join(", ");
      throw new MissingFeatureDependencyError(
        `graph: feature "${id}" depends on ${names}, which ${missing.length > 1 ? "are" : "is"} not in the graph`,
      );
    }
    const plan = new FeaturePlan(
      feature,
      feature.spec.deps.map((d) => this.#features.get(d.feature.toString())!),
    );
    this.#plans.set(id, plan);
    return plan;
  }

  /** Graph field versions of `key`: `{ "<field key a/b>": version }`, declared field order. */
  fieldVersions(key: FeatureKeyInput): Readonly<Record<string, string>> {
    return versions.fieldVersions(this.#context, this.get(key).key);
  }

  /** Feature version of `key` (the `metaxy_feature_version` column). */
  featureVersion(key: FeatureKeyInput): string {
    return versions.featureVersion(this.#context, this.get(key).key);
  }

  /** Code version of `key`'s spec (fields and code versions only). */
  featureCodeVersion(key: FeatureKeyInput): string {
    return versions.featureCodeVersion(this.get(key).spec, this.hashTruncationLength);
  }

  /** Spec version of `key`: sha256 of Python's sorted `json.dumps` of the spec JSON. */
  featureSpecVersion(key: FeatureKeyInput): string {
    return versions.featureSpecVersion(this.get(key).spec, this.hashTruncationLength);
  }

  /**
   * Definition version of `key`: spec version + `json.dumps(schema)`. `schema` defaults to the
   * feature's stored schema, else the one generated from its declared `columns` (`{}` when none; see
   * `featureJsonSchema`).
   */
  featureDefinitionVersion(key: FeatureKeyInput, schema?: unknown): string {
    const feature = this.get(key);
    return versions.featureDefinitionVersion(
      feature.spec,
      schema ?? featureJsonSchema(feature),
      this.hashTruncationLength,
    );
  }

  /**
   * Project version over the features of `project` (default: the graph's project, else the single
   * project its features share; `InvalidArgumentError` if they span several). `"empty"` when none.
   */
  projectVersion(project?: string): string {
    const all = this.list();
    let selected = project ?? this.project;
    if (selected === undefined) {
      const projects = [...new Set(all.map((f) => f.project))];
      if (projects.length > 1) {
        throw new InvalidArgumentError(
          `graph: features span several projects (${projects.map((p) => p ?? "<none>").join(", ")}); name one`,
        );
      }
      selected = projects[0];
    }
    const members = all.filter((f) => f.project === selected);
    return versions.projectVersion(
      members.map((f) => ({ key: f.key, definitionVersion: this.featureDefinitionVersion(f.key) })),
      this.hashTruncationLength,
    );
  }

  /** Every spec in Python's JSON form, definition order (`FeatureGraph.fromSpecs` reads it back). */
  toJSON(): FeatureSpecJSON[] {
    return this.list().map((f) => f.spec.toJSON());
  }
}

/** Separates spec input from definition info; `info` overrides what the input carries. */
function splitDefinition(
  input: FeatureDefinitionInit | FeatureSpec | Feature,
  info: FeatureInfo,
): [FeatureSpec, FeatureInfo] {
  if (input instanceof FeatureSpec) return [input, info];
  let spec: FeatureSpec;
  if (input instanceof Feature) {
    spec = input.spec; // a feature of another graph
  } else {
    const { columns: _c, classPath: _p, project: _j, schema: _s, ...rest } = input;
    spec = FeatureSpec.from(rest);
  }
  const carried: FeatureInfo = input;
  return [
    spec,
    {
      columns: info.columns ?? carried.columns,
      classPath: info.classPath ?? carried.classPath,
      project: info.project ?? carried.project,
      schema: info.schema ?? carried.schema,
    },
  ];
}

function sameDefinition(existing: Feature, candidate: Feature): Feature {
  const diffs: string[] = [];
  if (pythonJsonDumps(existing.spec) !== pythonJsonDumps(candidate.spec)) diffs.push("spec");
  if (pythonJsonDumps(existing.columns ?? null) !== pythonJsonDumps(candidate.columns ?? null))
    diffs.push("columns");
  if (existing.classPath !== candidate.classPath) diffs.push("classPath");
  if (existing.project !== candidate.project) diffs.push("project");
  if (pythonJsonDumps(existing.schema ?? null) !== pythonJsonDumps(candidate.schema ?? null))
    diffs.push("schema");
  if (diffs.length === 0) return existing;
  throw new FeatureConflictError(
    `graph: feature "${existing.key}" is already defined with a different ${diffs.join(", ")}`,
  );
}
