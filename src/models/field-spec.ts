import { ALL_FIELDS_DEP, DEFAULT_CODE_VERSION, DEFAULT_FIELD_KEY } from "../constants.js";
import { InvalidSpecError } from "../errors.js";
import { type AllFields, FieldDep, type FieldDepInput, type FieldDepJSON } from "./field-dep.js";
import { FieldKey, type FieldKeyInput } from "./field-key.js";
import { describeInput, Key } from "./key.js";
import { expectArray, expectObject, expectString, rejectUnknownKeys } from "./spec-input.js";

/**
 * TS input of a {@link FieldSpec}.
 *
 * @example
 * const init: FieldSpecInit = { key: "faces", codeVersion: "2", deps: [{ feature: "video/raw", fields: ["frames"] }] };
 */
export interface FieldSpecInit {
  /** Defaults to `"default"`. */
  readonly key?: FieldKeyInput;
  /** Defaults to `"__metaxy_initial__"`. */
  readonly codeVersion?: string;
  /** Explicit field deps (replace the automatic mapping), or ALL; defaults to `[]` (automatic). */
  readonly deps?: readonly FieldDepInput[] | AllFields;
}

/**
 * A field: its key alone (`"audio"`), a `FieldSpec`, or an init object.
 *
 * @example
 * const fields: FieldSpecInput[] = ["audio", { key: "frames", codeVersion: "2" }];
 */
export type FieldSpecInput = string | FieldKey | FieldSpec | FieldSpecInit;

/**
 * JSON form (`model_dump(mode="json")`).
 *
 * @example
 * const json: FieldSpecJSON = { key: "default", code_version: "__metaxy_initial__", deps: [] };
 */
export interface FieldSpecJSON {
  readonly key: string;
  readonly code_version: string;
  readonly deps: readonly FieldDepJSON[] | AllFields;
}

/**
 * One versioned field of a feature (Python `FieldSpec`). Its code version enters the field's version
 * hash; bump it when the code producing the field changes.
 *
 * @example
 * const f = FieldSpec.from({ key: "frames", codeVersion: "2" });
 * f.toJSON(); // { key: "frames", code_version: "2", deps: [] }
 */
export class FieldSpec {
  /** The field key. */
  readonly key: FieldKey;
  /** The code version. */
  readonly codeVersion: string;
  /** Explicit deps, or ALL; empty means "use each dep's fields mapping". */
  readonly deps: readonly FieldDep[] | AllFields;

  constructor(init: FieldSpecInit = {}) {
    const obj = expectObject(init, "field");
    rejectUnknownKeys(obj, ["key", "codeVersion", "deps"], "field", {
      code_version: "codeVersion",
    });
    this.key = FieldKey.from(init.key ?? DEFAULT_FIELD_KEY);
    this.codeVersion =
      init.codeVersion === undefined
        ? DEFAULT_CODE_VERSION
        : expectString(init.codeVersion, `field "${this.key}" codeVersion`);
    this.deps = parseDeps(init.deps, `field "${this.key}" deps`, FieldDep.from);
    Object.freeze(this);
  }

  /** Returns a `FieldSpec` unchanged, a key as `FieldSpec({ key })`, else builds one. */
  static from(input: FieldSpecInput): FieldSpec {
    if (input instanceof FieldSpec) return input;
    if (typeof input === "string" || input instanceof Key) return new FieldSpec({ key: input });
    return new FieldSpec(input);
  }

  /** Builds from the JSON form (a string is a field key, as in Python). */
  static fromJSON(json: unknown): FieldSpec {
    if (typeof json === "string") return new FieldSpec({ key: json });
    const obj = expectObject(json, "field");
    rejectUnknownKeys(obj, ["key", "code_version", "deps"], "field");
    const where = `field "${String(obj.key ?? DEFAULT_FIELD_KEY)}" deps`;
    return new FieldSpec({
      key: obj.key as FieldKeyInput | undefined,
      codeVersion: obj.code_version as string | undefined,
      deps: parseDeps(obj.deps, where, FieldDep.fromJSON),
    });
  }

  /** Python's `model_dump(mode="json")`. */
  toJSON(): FieldSpecJSON {
    return {
      key: this.key.toString(),
      code_version: this.codeVersion,
      deps: this.deps === ALL_FIELDS_DEP ? ALL_FIELDS_DEP : this.deps.map((d) => d.toJSON()),
    };
  }
}

function parseDeps(
  value: unknown,
  where: string,
  build: (item: never) => FieldDep,
): readonly FieldDep[] | AllFields {
  if (value === undefined) return Object.freeze([]);
  if (value === ALL_FIELDS_DEP) return ALL_FIELDS_DEP;
  if (typeof value === "string") {
    throw new InvalidSpecError(
      `specs: ${where} must be a list of field deps or "${ALL_FIELDS_DEP}", got ${describeInput(value)}`,
    );
  }
  return Object.freeze(expectArray(value, where).map((item) => build(item as never)));
}
