import { ALL_FIELDS_DEP } from "../constants.js";
import { DependencyCycleError, InvalidSpecError, KeyCollisionError } from "../errors.js";
import { FeatureDep, type FeatureDepInput, type FeatureDepJSON } from "./feature-dep.js";
import { FeatureKey, type FeatureKeyInput } from "./feature-key.js";
import { FieldSpec, type FieldSpecInput, type FieldSpecJSON } from "./field-spec.js";
import { freezePyJson, thawPyJson } from "./py-json-value.js";
import type { PyJson } from "./python-json.js";
import {
  expectArray,
  expectObject,
  expectString,
  expectStringList,
  rejectUnknownKeys,
} from "./spec-input.js";

/**
 * TS input of a {@link FeatureSpec} (camelCase).
 *
 * @example
 * const init: FeatureSpecInit = { key: "video/raw", idColumns: ["video_id"], fields: ["audio", "frames"] };
 */
export interface FeatureSpecInit {
  /** The feature key. */
  readonly key: FeatureKeyInput;
  /** Columns identifying a sample; required, non-empty. */
  readonly idColumns: readonly string[];
  /** Upstream dependencies, in join order. */
  readonly deps?: readonly FeatureDepInput[];
  /** Versioned fields; default `[FieldSpec("default")]`. */
  readonly fields?: readonly FieldSpecInput[];
  /** Free-form JSON metadata (enters the spec version; use `PyFloat` for Python floats like `1.0`). */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Human description (enters the spec version). */
  readonly description?: string | null;
}

/**
 * JSON form (`FeatureSpec.model_dump(mode="json")`).
 *
 * @example
 * const json: FeatureSpecJSON = spec.toJSON(); // json.id_columns, json.deps[0].sql_filters …
 */
export interface FeatureSpecJSON {
  readonly key: string;
  readonly id_columns: readonly string[];
  readonly deps: readonly FeatureDepJSON[];
  readonly fields: readonly FieldSpecJSON[];
  readonly metadata: { readonly [key: string]: PyJson };
  readonly description: string | null;
}

const INIT_KEYS = ["key", "idColumns", "deps", "fields", "metadata", "description"];
const JSON_KEYS = ["key", "id_columns", "deps", "fields", "metadata", "description"];

/**
 * The immutable definition of a feature (Python `FeatureSpec`): key, id columns, dependencies, fields,
 * metadata and description. Validation goes beyond Python's: duplicate field keys and colliding
 * struct keys (`a/b` vs `a_b`), field deps on features that are not dependencies, duplicate or
 * self-dependencies are rejected here.
 *
 * @example
 * const spec = FeatureSpec.from({
 *   key: "video/faces", idColumns: ["video_id"], deps: ["video/raw"],
 *   fields: [{ key: "faces", codeVersion: "1" }],
 * });
 * spec.toJSON().id_columns; // ["video_id"]
 */
export class FeatureSpec {
  /** The feature key. */
  readonly key: FeatureKey;
  /** Id columns. */
  readonly idColumns: readonly string[];
  /** Dependencies. */
  readonly deps: readonly FeatureDep[];
  /** Fields, in declared order. */
  readonly fields: readonly FieldSpec[];
  /** Frozen JSON metadata. */
  readonly metadata: { readonly [key: string]: PyJson };
  /** Description, or null. */
  readonly description: string | null;

  constructor(init: FeatureSpecInit) {
    const obj = expectObject(init, "feature spec");
    rejectUnknownKeys(obj, INIT_KEYS, "feature spec", { id_columns: "idColumns" });
    this.key = FeatureKey.from(init.key);
    const where = `feature "${this.key}"`;
    if (init.idColumns === undefined) throw new InvalidSpecError(`specs: ${where}: idColumns is required`);
    this.idColumns = expectStringList(init.idColumns, `${where} idColumns`);
    if (this.idColumns.length === 0) {
      throw new InvalidSpecError(`specs: ${where}: idColumns must be non-empty`);
    }
    this.deps = Object.freeze(
      expectArray(init.deps ?? [], `${where} deps`).map((d) => FeatureDep.from(d as FeatureDepInput)),
    );
    this.fields = Object.freeze(
      init.fields === undefined
        ? [new FieldSpec()]
        : expectArray(init.fields, `${where} fields`).map((f) => FieldSpec.from(f as FieldSpecInput)),
    );
    this.metadata = freezePyJson(init.metadata ?? {}, `${where} metadata`) as FeatureSpec["metadata"];
    if (typeof this.metadata !== "object" || Array.isArray(this.metadata) || this.metadata === null) {
      throw new InvalidSpecError(`specs: ${where}: metadata must be an object`);
    }
    this.description =
      init.description === undefined || init.description === null
        ? null
        : expectString(init.description, `${where} description`);
    checkDeps(this);
    checkFields(this);
    Object.freeze(this);
  }

  /** Returns a `FeatureSpec` unchanged, else builds one from the TS init object. */
  static from(input: FeatureSpec | FeatureSpecInit): FeatureSpec {
    return input instanceof FeatureSpec ? input : new FeatureSpec(input);
  }

  /** Builds from Python's `model_dump(mode="json")` form (snake_case). */
  static fromJSON(json: unknown): FeatureSpec {
    const obj = expectObject(json, "feature spec");
    rejectUnknownKeys(obj, JSON_KEYS, "feature spec");
    return new FeatureSpec({
      key: obj.key as FeatureKeyInput,
      idColumns: obj.id_columns as string[],
      deps: obj.deps === undefined ? undefined : expectArray(obj.deps, "deps").map(FeatureDep.fromJSON),
      fields:
        obj.fields === undefined ? undefined : expectArray(obj.fields, "fields").map(FieldSpec.fromJSON),
      metadata: obj.metadata as Record<string, unknown> | undefined,
      description: obj.description as string | null | undefined,
    });
  }

  /** The field with key `key`, if declared. */
  field(key: string): FieldSpec | undefined {
    return this.fields.find((f) => f.key.toString() === key);
  }

  /** Python's `model_dump(mode="json")`: snake_case, every default present. */
  toJSON(): FeatureSpecJSON {
    return {
      key: this.key.toString(),
      id_columns: [...this.idColumns],
      deps: this.deps.map((d) => d.toJSON()),
      fields: this.fields.map((f) => f.toJSON()),
      metadata: thawPyJson(this.metadata) as FeatureSpecJSON["metadata"],
      description: this.description,
    };
  }
}

function checkDeps(spec: FeatureSpec): void {
  const seen = new Set<string>();
  for (const dep of spec.deps) {
    const up = dep.feature.toString();
    if (dep.feature.equals(spec.key)) {
      throw new DependencyCycleError(
        `graph: dependency cycle ${up} → ${up}: feature "${up}" depends on itself`,
      );
    }
    // Two deps on one upstream would give two sets of identically-suffixed system columns.
    if (seen.has(up))
      throw new InvalidSpecError(`specs: feature "${spec.key}" lists dependency "${up}" twice`);
    seen.add(up);
  }
}

function checkFields(spec: FeatureSpec): void {
  const byKey = new Map<string, string>();
  const byStruct = new Map<string, string>();
  const depKeys = new Set(spec.deps.map((d) => d.feature.toString()));
  for (const field of spec.fields) {
    const key = field.key.toString();
    if (byKey.has(key))
      throw new InvalidSpecError(`specs: feature "${spec.key}": duplicate field key "${key}"`);
    byKey.set(key, key);
    const struct = field.key.toStructKey();
    const other = byStruct.get(struct);
    if (other !== undefined) {
      throw new KeyCollisionError(
        `specs: feature "${spec.key}": field keys "${other}" and "${key}" share the struct key "${struct}"`,
      );
    }
    byStruct.set(struct, key);
    if (field.deps === ALL_FIELDS_DEP) continue;
    for (const fd of field.deps) {
      if (!depKeys.has(fd.feature.toString())) {
        throw new InvalidSpecError(
          `specs: feature "${spec.key}" field "${key}" depends on "${fd.feature}", which is not among its deps ` +
            `(${[...depKeys].map((k) => `"${k}"`).join(", ") || "none"})`,
        );
      }
    }
  }
}
