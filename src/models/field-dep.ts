import { ALL_FIELDS_DEP } from "../constants.js";
import { InvalidSpecError } from "../errors.js";
import { FeatureKey, type FeatureKeyInput } from "./feature-key.js";
import { FieldKey, type FieldKeyInput } from "./field-key.js";
import { describeInput } from "./key.js";
import { expectArray, expectObject, rejectUnknownKeys } from "./spec-input.js";

/**
 * The `ALL` marker: "every field" (serialised as `"__METAXY_ALL_DEP__"`).
 *
 * @example
 * const fields: readonly FieldKeyInput[] | AllFields = SpecialFieldDep.ALL;
 */
export type AllFields = typeof ALL_FIELDS_DEP;

/**
 * Python's `SpecialFieldDep`: `SpecialFieldDep.ALL` as a field's `deps` means every field of every
 * upstream; as a `FieldDep`'s `fields` it means every field of that upstream.
 *
 * @example
 * graph.feature({ key: "b", idColumns: ["id"], deps: ["a"], fields: [{ key: "x", deps: SpecialFieldDep.ALL }] });
 */
export const SpecialFieldDep = Object.freeze({ ALL: ALL_FIELDS_DEP });

/**
 * TS input of a {@link FieldDep}: `fields` defaults to ALL.
 *
 * @example
 * const init: FieldDepInit = { feature: "video/raw", fields: ["frames"] };
 */
export interface FieldDepInit {
  readonly feature: FeatureKeyInput;
  readonly fields?: readonly FieldKeyInput[] | AllFields;
}

/**
 * A `FieldDep`, or its init object.
 *
 * @example
 * FieldDep.from({ feature: "video/raw" }); // fields: ALL
 */
export type FieldDepInput = FieldDep | FieldDepInit;

/**
 * JSON form (`model_dump(mode="json")`).
 *
 * @example
 * const json: FieldDepJSON = { feature: "video/raw", fields: "__METAXY_ALL_DEP__" };
 */
export interface FieldDepJSON {
  readonly feature: string;
  readonly fields: readonly string[] | AllFields;
}

/**
 * An explicit dependency of one field on fields of an upstream feature (Python `FieldDep`). Explicit
 * field deps replace the automatic fields mapping for that field.
 *
 * @example
 * new FieldDep({ feature: "video/raw", fields: ["frames"] }).toJSON();
 * // { feature: "video/raw", fields: ["frames"] }
 */
export class FieldDep {
  /** The upstream feature. */
  readonly feature: FeatureKey;
  /** Named upstream fields, or ALL. */
  readonly fields: readonly FieldKey[] | AllFields;

  constructor(init: FieldDepInit) {
    const obj = expectObject(init, "field dep");
    rejectUnknownKeys(obj, ["feature", "fields"], "field dep");
    this.feature = FeatureKey.from(init.feature);
    this.fields = parseFields(init.fields, `field dep on "${this.feature}"`);
    Object.freeze(this);
  }

  /** Returns a `FieldDep` unchanged, else builds one. */
  static from(input: FieldDepInput): FieldDep {
    return input instanceof FieldDep ? input : new FieldDep(input);
  }

  /** Builds from the JSON form (same names as TS; `fields` may be `"__METAXY_ALL_DEP__"`). */
  static fromJSON(json: unknown): FieldDep {
    const obj = expectObject(json, "field dep");
    return new FieldDep(obj as unknown as FieldDepInit);
  }

  /** Python's `model_dump(mode="json")`. */
  toJSON(): FieldDepJSON {
    return {
      feature: this.feature.toString(),
      fields: this.fields === ALL_FIELDS_DEP ? ALL_FIELDS_DEP : this.fields.map((f) => f.toString()),
    };
  }
}

function parseFields(value: unknown, where: string): readonly FieldKey[] | AllFields {
  if (value === undefined || value === ALL_FIELDS_DEP) return ALL_FIELDS_DEP;
  if (typeof value === "string") {
    throw new InvalidSpecError(
      `specs: ${where}: fields must be a list of field keys or "${ALL_FIELDS_DEP}", got the string ${JSON.stringify(value)}`,
    );
  }
  if (!Array.isArray(value)) {
    throw new InvalidSpecError(
      `specs: ${where}: fields must be a list of field keys, got ${describeInput(value)}`,
    );
  }
  return Object.freeze(expectArray(value, where).map((f) => FieldKey.from(f as FieldKeyInput)));
}
