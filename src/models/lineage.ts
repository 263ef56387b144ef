import { InvalidSpecError } from "../errors.js";
import { describeInput } from "./key.js";
import { expectObject, expectString, expectStringList, rejectUnknownKeys } from "./spec-input.js";

/**
 * The three relationships (Python `LineageRelationship` variants; `type` values are Python's).
 *
 * @example
 * if (lineage.relationship.type === "1:N") console.log(lineage.relationship.on);
 */
export type LineageRelationship =
  | { readonly type: "1:1" }
  | { readonly type: "N:1"; readonly on: readonly string[] | null }
  | { readonly type: "1:N"; readonly on: readonly string[]; readonly idGenerationPattern: string | null };

/**
 * JSON form: `{"relationship": {...}}`.
 *
 * @example
 * Lineage.aggregation().toJSON(); // { relationship: { type: "N:1", on: null } }
 */
export interface LineageJSON {
  readonly relationship:
    | { readonly type: "1:1" }
    | { readonly type: "N:1"; readonly on: readonly string[] | null }
    | { readonly type: "1:N"; readonly on: readonly string[]; readonly id_generation_pattern: string | null };
}

/**
 * How upstream rows relate to downstream rows for one dependency (Python `LineageRelationship`):
 * identity (1:1, the default), aggregation (N:1: many upstream rows per downstream row, grouped by
 * `on` or the downstream id columns) or expansion (1:N: one upstream row becomes many, matched on `on`).
 *
 * @example
 * Lineage.identity();
 * Lineage.aggregation({ on: ["sensor_id"] });
 * Lineage.expansion({ on: ["video_id"] });
 */
export class Lineage {
  /** The relationship variant. */
  readonly relationship: LineageRelationship;

  private constructor(relationship: LineageRelationship) {
    this.relationship = Object.freeze(relationship);
    Object.freeze(this);
  }

  /** One downstream row per upstream row. */
  static identity(): Lineage {
    return new Lineage({ type: "1:1" });
  }

  /** Many upstream rows per downstream row, grouped by `on` (default: the downstream id columns). */
  static aggregation(options: { readonly on?: readonly string[] | null } = {}): Lineage {
    rejectUnknownKeys(expectObject(options, "aggregation lineage"), ["on"], "aggregation lineage");
    const on = options.on === undefined || options.on === null ? null : onColumns(options.on, "aggregation");
    return new Lineage({ type: "N:1", on });
  }

  /** Many downstream rows per upstream row; `on` (required) names the parent columns they share. */
  static expansion(options: {
    readonly on: readonly string[];
    readonly idGenerationPattern?: string | null;
  }): Lineage {
    const obj = expectObject(options, "expansion lineage");
    rejectUnknownKeys(obj, ["on", "idGenerationPattern"], "expansion lineage", {
      id_generation_pattern: "idGenerationPattern",
    });
    if (options.on === undefined || options.on === null) {
      throw new InvalidSpecError("specs: expansion lineage requires `on` (the parent id columns)");
    }
    const pattern = options.idGenerationPattern ?? null;
    return new Lineage({
      type: "1:N",
      on: onColumns(options.on, "expansion"),
      idGenerationPattern: pattern === null ? null : expectString(pattern, "expansion idGenerationPattern"),
    });
  }

  /** Returns a `Lineage` unchanged, else parses the JSON form. */
  static from(input: Lineage | unknown): Lineage {
    return input instanceof Lineage ? input : Lineage.fromJSON(input);
  }

  /** Parses `{"relationship": {"type": …}}` (a bare relationship object is accepted too). */
  static fromJSON(json: unknown): Lineage {
    const outer = expectObject(json, "lineage");
    const rel = "relationship" in outer ? expectObject(outer.relationship, "lineage relationship") : outer;
    if (rel !== outer) rejectUnknownKeys(outer, ["relationship"], "lineage");
    switch (rel.type) {
      case "1:1":
        rejectUnknownKeys(rel, ["type"], "identity lineage");
        return Lineage.identity();
      case "N:1":
        rejectUnknownKeys(rel, ["type", "on"], "aggregation lineage");
        return Lineage.aggregation({ on: rel.on as string[] | null | undefined });
      case "1:N":
        rejectUnknownKeys(rel, ["type", "on", "id_generation_pattern"], "expansion lineage");
        return Lineage.expansion({
          on: rel.on as string[],
          idGenerationPattern: rel.id_generation_pattern as string | null | undefined,
        });
      default:
        throw new InvalidSpecError(
          `specs: unknown lineage type ${describeInput(rel.type)}; expected "1:1", "N:1" or "1:N"`,
        );
    }
  }

  /** `"identity" | "aggregation" | "expansion"`, for readable branching. */
  get kind(): "identity" | "aggregation" | "expansion" {
    const t = this.relationship.type;
    return t === "1:1" ? "identity" : t === "N:1" ? "aggregation" : "expansion";
  }

  /** The `on` columns, or null (identity, or aggregation without `on`). */
  get on(): readonly string[] | null {
    return this.relationship.type === "1:1" ? null : this.relationship.on;
  }

  /** Python's `model_dump(mode="json")`. */
  toJSON(): LineageJSON {
    const r = this.relationship;
    if (r.type === "1:1") return { relationship: { type: "1:1" } };
    if (r.type === "N:1") return { relationship: { type: "N:1", on: r.on === null ? null : [...r.on] } };
    return { relationship: { type: "1:N", on: [...r.on], id_generation_pattern: r.idGenerationPattern } };
  }
}

function onColumns(value: unknown, kind: string): readonly string[] {
  const cols = expectStringList(value, `${kind} lineage \`on\``);
  // An empty `on` would make the lineage join on nothing; Python never meant that.
  if (cols.length === 0)
    throw new InvalidSpecError(`specs: ${kind} lineage \`on\` must name at least one column`);
  return cols;
}
