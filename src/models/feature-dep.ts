import { InvalidSpecError } from "../errors.js";
import { FeatureKey, type FeatureKeyInput } from "./feature-key.js";
import { FieldsMapping, type FieldsMappingJSON } from "./fields-mapping.js";
import { Key } from "./key.js";
import { Lineage, type LineageJSON } from "./lineage.js";
import {
  expectBoolean,
  expectObject,
  expectString,
  expectStringList,
  expectStringRecord,
  rejectUnknownKeys,
} from "./spec-input.js";

/**
 * TS input of a {@link FeatureDep}.
 *
 * @example
 * const dep: FeatureDepInit = { feature: "video/raw", select: ["path"], optional: true };
 */
export interface FeatureDepInit {
  /** The upstream feature (key, key string or feature object). */
  readonly feature: FeatureKeyInput;
  /** Upstream columns to keep (post-rename names); `null`/absent keeps all, `[]` keeps none. */
  readonly select?: readonly string[] | null;
  /** Upstream column renames, `{ old: new }`. */
  readonly rename?: Readonly<Record<string, string>> | ReadonlyMap<string, string> | null;
  /** SQL-WHERE filters on the upstream after rename (JSON key `sql_filters`). */
  readonly filters?: readonly string[] | string | null;
  /** Alias of `filters`. */
  readonly sqlFilters?: readonly string[] | string | null;
  /** Field mapping for fields without explicit deps; default `FieldsMapping.default()`. */
  readonly fieldsMapping?: FieldsMapping;
  /** Row relationship; default `Lineage.identity()`. */
  readonly lineage?: Lineage;
  /** Missing upstream rows contribute `""` instead of nulling the hash; default false. */
  readonly optional?: boolean;
}

/**
 * A dependency: a `FeatureDep`, its init object, or just the upstream (key, string or feature).
 *
 * @example
 * const deps: FeatureDepInput[] = ["video/raw", videoFeature, { feature: "audio/raw", lineage: Lineage.identity() }];
 */
export type FeatureDepInput = FeatureDep | FeatureDepInit | FeatureKeyInput;

/**
 * JSON form (`model_dump(mode="json")`; note `sql_filters`).
 *
 * @example
 * const json: FeatureDepJSON = FeatureDep.from("a/b").toJSON(); // json.sql_filters === null
 */
export interface FeatureDepJSON {
  readonly feature: string;
  readonly select: readonly string[] | null;
  readonly rename: Readonly<Record<string, string>> | null;
  readonly fields_mapping: FieldsMappingJSON;
  readonly sql_filters: readonly string[] | null;
  readonly lineage: LineageJSON;
  readonly optional: boolean;
}

const INIT_KEYS = [
  "feature",
  "select",
  "rename",
  "filters",
  "sqlFilters",
  "fieldsMapping",
  "lineage",
  "optional",
];
const JSON_KEYS = [
  "feature",
  "select",
  "rename",
  "fields_mapping",
  "sql_filters",
  "filters",
  "lineage",
  "optional",
];

/**
 * A feature's dependency on an upstream feature (Python `FeatureDep`): which upstream, which of its
 * columns (select/rename/filters), how fields map, the row lineage and whether it is optional.
 *
 * @example
 * new FeatureDep({ feature: "video/raw", rename: { path: "video_path" }, select: ["video_path"] });
 */
export class FeatureDep {
  /** The upstream feature. */
  readonly feature: FeatureKey;
  /** Selected upstream columns (post-rename names), or null for all. */
  readonly select: readonly string[] | null;
  /** Renames `{ old: new }` (null-prototype, frozen), or null. */
  readonly rename: Readonly<Record<string, string>> | null;
  /** SQL filter strings, or null. */
  readonly filters: readonly string[] | null;
  /** Field mapping. */
  readonly fieldsMapping: FieldsMapping;
  /** Row lineage. */
  readonly lineage: Lineage;
  /** Optional dependency. */
  readonly optional: boolean;

  constructor(init: FeatureDepInit) {
    const obj = expectObject(init, "feature dep");
    rejectUnknownKeys(obj, INIT_KEYS, "feature dep", {
      sql_filters: "filters",
      fields_mapping: "fieldsMapping",
    });
    this.feature = FeatureKey.from(init.feature);
    const where = `dep on "${this.feature}"`;
    this.select = init.select == null ? null : expectStringList(init.select, `${where} select`);
    this.rename = init.rename == null ? null : parseRename(init.rename, `${where} rename`);
    if (init.filters != null && init.sqlFilters != null) {
      throw new InvalidSpecError(`specs: ${where} gives both filters and sqlFilters; use one`);
    }
    const filters = init.filters ?? init.sqlFilters ?? null;
    this.filters = filters === null ? null : parseFilters(filters, `${where} filters`);
    this.fieldsMapping =
      init.fieldsMapping === undefined ? FieldsMapping.default() : FieldsMapping.from(init.fieldsMapping);
    this.lineage = init.lineage === undefined ? Lineage.identity() : Lineage.from(init.lineage);
    this.optional = init.optional === undefined ? false : expectBoolean(init.optional, `${where} optional`);
    checkSelectAfterRename(this.select, this.rename, where);
    Object.freeze(this);
  }

  /** Returns a `FeatureDep` unchanged, builds one from an init object, or wraps an upstream reference. */
  static from(input: FeatureDepInput): FeatureDep {
    if (input instanceof FeatureDep) return input;
    if (isDepInit(input)) return new FeatureDep(input);
    return new FeatureDep({ feature: input });
  }

  /** Builds from the JSON form (`sql_filters`, or Python's input alias `filters`). */
  static fromJSON(json: unknown): FeatureDep {
    if (typeof json === "string") return new FeatureDep({ feature: json });
    const obj = expectObject(json, "feature dep");
    rejectUnknownKeys(obj, JSON_KEYS, "feature dep");
    return new FeatureDep({
      feature: obj.feature as FeatureKeyInput,
      select: obj.select as string[] | null | undefined,
      rename: obj.rename as Record<string, string> | null | undefined,
      filters: obj.sql_filters as string[] | null | undefined,
      sqlFilters: obj.filters as string[] | null | undefined,
      fieldsMapping:
        obj.fields_mapping === undefined ? undefined : FieldsMapping.fromJSON(obj.fields_mapping),
      lineage: obj.lineage === undefined ? undefined : Lineage.fromJSON(obj.lineage),
      optional: obj.optional as boolean | undefined,
    });
  }

  /** The upstream's column suffix, e.g. `__video_raw`, appended to its renamed system columns. */
  get columnSuffix(): string {
    return this.feature.toColumnSuffix();
  }

  /** The post-rename name of upstream column `column`. */
  renamed(column: string): string {
    return this.rename !== null && Object.hasOwn(this.rename, column) ? this.rename[column]! : column;
  }

  /** Python's `model_dump(mode="json")`. */
  toJSON(): FeatureDepJSON {
    return {
      feature: this.feature.toString(),
      select: this.select === null ? null : [...this.select],
      rename: this.rename === null ? null : { ...this.rename },
      fields_mapping: this.fieldsMapping.toJSON(),
      sql_filters: this.filters === null ? null : [...this.filters],
      lineage: this.lineage.toJSON(),
      optional: this.optional,
    };
  }
}

function isDepInit(input: unknown): input is FeatureDepInit {
  return (
    typeof input === "object" &&
    input !== null &&
    !Array.isArray(input) &&
    !(input instanceof Key) &&
    "feature" in input
  );
}

function parseRename(value: unknown, where: string): Readonly<Record<string, string>> {
  if (value instanceof Map) {
    const out: Record<string, string> = Object.create(null);
    for (const [k, v] of value) out[expectString(k, `${where} key`)] = expectString(v, `${where}["${k}"]`);
    return Object.freeze(out);
  }
  return expectStringRecord(value, where);
}

function parseFilters(value: unknown, where: string): readonly string[] {
  // Python takes a tuple of strings; a lone string is accepted as a one-element list for convenience.
  return typeof value === "string" ? Object.freeze([value]) : expectStringList(value, where);
}

/** Python's validator: `select` must use post-rename names for columns that were renamed away. */
function checkSelectAfterRename(
  select: readonly string[] | null,
  rename: Readonly<Record<string, string>> | null,
  where: string,
): void {
  if (select === null || rename === null) return;
  const targets = new Set(Object.values(rename));
  const renamedAway = Object.keys(rename).filter((k) => !targets.has(k));
  const bad = select.filter((c) => renamedAway.includes(c));
  if (bad.length > 0) {
    const hints = bad.map((c) => `"${c}" → "${rename[c]}"`).join(", ");
    throw new InvalidSpecError(
      `specs: ${where}: select contains pre-rename column name(s) ${bad.map((c) => `"${c}"`).join(", ")}; ` +
        `use post-rename names (${hints})`,
    );
  }
}
