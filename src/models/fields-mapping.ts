import { InvalidSpecError } from "../errors.js";
import { compareTuples } from "./code-point-compare.js";
import { FieldKey, type FieldKeyInput } from "./field-key.js";
import type { FieldSpec } from "./field-spec.js";
import { describeInput } from "./key.js";
import { expectArray, expectBoolean, expectObject, rejectUnknownKeys } from "./spec-input.js";

/**
 * The four mapping variants (Python's discriminated union, by `type`).
 *
 * @example
 * if (mapping.mapping.type === "default") console.log(mapping.mapping.matchSuffix);
 */
export type FieldsMappingVariant =
  | { readonly type: "default"; readonly matchSuffix: boolean; readonly excludeFields: readonly FieldKey[] }
  | { readonly type: "specific"; readonly mapping: ReadonlyMap<string, readonly FieldKey[]> }
  | { readonly type: "all" }
  | { readonly type: "none" };

/**
 * JSON form: Python's `{"mapping": <variant>}` (see metaxy-versioning §1.4 for the `specific` quirk).
 *
 * @example
 * FieldsMapping.all().toJSON(); // { mapping: { type: "all" } }
 */
export interface FieldsMappingJSON {
  readonly mapping:
    | { readonly type: "default"; readonly match_suffix: boolean; readonly exclude_fields: readonly string[] }
    | {
        readonly type: "specific";
        readonly mapping: Readonly<Record<string, readonly (readonly string[])[]>>;
      }
    | { readonly type: "all" }
    | { readonly type: "none" };
}

/**
 * Options of {@link FieldsMapping.default}.
 *
 * @example
 * FieldsMapping.default({ matchSuffix: true, excludeFields: ["debug"] } satisfies DefaultMappingOptions);
 */
export interface DefaultMappingOptions {
  /** Also match upstream fields whose key ends with the downstream key (`audio` ← `raw/audio`). */
  readonly matchSuffix?: boolean;
  /** Upstream fields never mapped (also not by the fallback). */
  readonly excludeFields?: readonly FieldKeyInput[];
}

/**
 * Upstream fields per downstream field, for {@link FieldsMapping.specific}.
 *
 * @example
 * FieldsMapping.specific({ faces: ["frames"], "lips/sync": ["audio", "frames"] });
 */
export type SpecificMappingInput =
  | Readonly<Record<string, readonly FieldKeyInput[]>>
  | ReadonlyMap<FieldKeyInput, readonly FieldKeyInput[]>;

/**
 * What a mapping needs from the upstream spec.
 *
 * @example
 * FieldsMapping.default().resolve("audio", upstreamSpec); // any { fields: FieldSpec[] } works
 */
export interface MappedUpstream {
  readonly fields: readonly FieldSpec[];
}

/**
 * How a downstream field that declares no explicit deps maps onto one upstream's fields (Python
 * `FieldsMapping`). The default maps a field to the upstream field of the same key and, when that
 * upstream has no match, to all of its (non-excluded) fields — per upstream.
 *
 * @example
 * FieldsMapping.default({ matchSuffix: true, excludeFields: ["debug"] });
 * FieldsMapping.specific({ faces: ["frames"] });
 * FieldsMapping.all(); FieldsMapping.none();
 */
export class FieldsMapping {
  /** The variant. */
  readonly mapping: FieldsMappingVariant;

  private constructor(mapping: FieldsMappingVariant) {
    this.mapping = Object.freeze(mapping);
    Object.freeze(this);
  }

  /** Same-key match, optional suffix match, fallback to all non-excluded upstream fields. */
  static default(options: DefaultMappingOptions = {}): FieldsMapping {
    const obj = expectObject(options, "default fields mapping");
    rejectUnknownKeys(obj, ["matchSuffix", "excludeFields"], "default fields mapping", {
      match_suffix: "matchSuffix",
      exclude_fields: "excludeFields",
    });
    const matchSuffix =
      options.matchSuffix === undefined ? false : expectBoolean(options.matchSuffix, "matchSuffix");
    const excluded =
      options.excludeFields === undefined ? [] : expectArray(options.excludeFields, "excludeFields");
    return new FieldsMapping({
      type: "default",
      matchSuffix,
      excludeFields: Object.freeze(excluded.map((f) => FieldKey.from(f as FieldKeyInput))),
    });
  }

  /** Explicit upstream fields per downstream field key; intersected with the upstream's fields. */
  static specific(mapping: SpecificMappingInput): FieldsMapping {
    const entries: [unknown, unknown][] =
      mapping instanceof Map
        ? [...mapping.entries()]
        : Object.entries(expectObject(mapping, "specific mapping"));
    const out = new Map<string, readonly FieldKey[]>();
    for (const [down, ups] of entries) {
      const key = FieldKey.from(down as FieldKeyInput).toString();
      const parsed = expectArray(ups, `specific mapping "${key}"`).map((u) =>
        FieldKey.from(u as FieldKeyInput),
      );
      const unique = new Map(parsed.map((u) => [u.toString(), u]));
      // A set in Python; kept sorted by parts, the order its JSON form uses.
      out.set(key, Object.freeze([...unique.values()].sort((a, b) => compareTuples(a.parts, b.parts))));
    }
    return new FieldsMapping({ type: "specific", mapping: out });
  }

  /** Every upstream field. */
  static all(): FieldsMapping {
    return new FieldsMapping({ type: "all" });
  }

  /** No upstream field. */
  static none(): FieldsMapping {
    return new FieldsMapping({ type: "none" });
  }

  /** Returns a `FieldsMapping` unchanged, else parses the JSON form (wrapped or bare variant). */
  static from(input: FieldsMapping | unknown): FieldsMapping {
    return input instanceof FieldsMapping ? input : FieldsMapping.fromJSON(input);
  }

  /** Parses `{"mapping": {"type": …}}` (a bare variant object is accepted too). */
  static fromJSON(json: unknown): FieldsMapping {
    const outer = expectObject(json, "fields mapping");
    const variant =
      "mapping" in outer && !("type" in outer) ? expectObject(outer.mapping, "fields mapping") : outer;
    if (variant !== outer) rejectUnknownKeys(outer, ["mapping"], "fields mapping");
    const type = variant.type;
    if (type === "default") {
      rejectUnknownKeys(variant, ["type", "match_suffix", "exclude_fields"], "default fields mapping");
      return FieldsMapping.default({
        matchSuffix: variant.match_suffix as boolean | undefined,
        excludeFields: variant.exclude_fields as FieldKeyInput[] | undefined,
      });
    }
    if (type === "specific") {
      rejectUnknownKeys(variant, ["type", "mapping"], "specific fields mapping");
      return FieldsMapping.specific(
        expectObject(variant.mapping, "specific mapping") as SpecificMappingInput,
      );
    }
    if (type === "all" || type === "none") {
      rejectUnknownKeys(variant, ["type"], `${type} fields mapping`);
      return type === "all" ? FieldsMapping.all() : FieldsMapping.none();
    }
    throw new InvalidSpecError(
      `specs: unknown fields mapping type ${describeInput(type)}; expected default, specific, all or none`,
    );
  }

  /**
   * The upstream fields that downstream field `fieldKey` maps to (Python `resolve_field_deps`), in the
   * upstream's declared order. May be empty (`none`, or a `specific` entry that matches nothing).
   */
  resolve(fieldKey: FieldKeyInput, upstream: MappedUpstream): readonly FieldKey[] {
    const field = FieldKey.from(fieldKey);
    const upstreamKeys = upstream.fields.map((f) => f.key);
    const m = this.mapping;
    switch (m.type) {
      case "all":
        return upstreamKeys;
      case "none":
        return [];
      case "specific": {
        const wanted = m.mapping.get(field.toString()) ?? [];
        return upstreamKeys.filter((u) => wanted.some((w) => w.equals(u)));
      }
      case "default": {
        const kept = upstreamKeys.filter((u) => !m.excludeFields.some((x) => x.equals(u)));
        const matched = kept.filter((u) => u.equals(field) || (m.matchSuffix && isSuffixMatch(field, u)));
        // Per-upstream fallback (Python quirk T8): no match here means every non-excluded field.
        return matched.length > 0 ? matched : kept;
      }
    }
  }

  /** Python's `model_dump(mode="json")`. */
  toJSON(): FieldsMappingJSON {
    const m = this.mapping;
    switch (m.type) {
      case "default":
        return {
          mapping: {
            type: "default",
            match_suffix: m.matchSuffix,
            exclude_fields: m.excludeFields.map((f) => f.toString()),
          },
        };
      case "specific": {
        const mapping: Record<string, (readonly string[])[]> = {};
        for (const [down, ups] of m.mapping) mapping[down] = ups.map((u) => [...u.parts]);
        return { mapping: { type: "specific", mapping } };
      }
      default:
        return { mapping: { type: m.type } };
    }
  }
}

function isSuffixMatch(field: FieldKey, upstream: FieldKey): boolean {
  const f = field.parts;
  const u = upstream.parts;
  if (f.length === 1 && u.length > 1) return f[0] === u[u.length - 1];
  if (f.length <= u.length) return compareTuples(u.slice(u.length - f.length), f) === 0;
  return false;
}
