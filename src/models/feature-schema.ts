import {
  METAXY_CREATED_AT,
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_FEATURE_VERSION,
  METAXY_MATERIALIZATION_ID,
  METAXY_PROJECT_VERSION,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
} from "../constants.js";
import type { FeatureSpec } from "./feature-spec.js";
import type { PyJson } from "./python-json.js";

/**
 * Type names of declared user columns.
 *
 * @example
 * const columns: Record<string, ColumnType> = { path: "string", fps: "float64", at: "timestamp" };
 */
export type ColumnType = "string" | "int64" | "float64" | "bool" | "timestamp";

/**
 * Every {@link ColumnType}, for validation and listings.
 *
 * @example
 * COLUMN_TYPES.includes("int64"); // true
 */
export const COLUMN_TYPES: readonly ColumnType[] = Object.freeze([
  "string",
  "int64",
  "float64",
  "bool",
  "timestamp",
]);

/**
 * What the schema generator needs from a feature.
 *
 * @example
 * featureJsonSchema({ spec, columns: { path: "string" } } satisfies SchemaSource);
 */
export interface SchemaSource {
  readonly spec: FeatureSpec;
  readonly columns?: Readonly<Record<string, ColumnType>> | undefined;
  readonly classPath?: string | undefined;
  readonly schema?: { readonly [key: string]: PyJson } | undefined;
}

const TYPE_SCHEMAS: Readonly<Record<ColumnType, { readonly [key: string]: PyJson }>> = {
  string: { type: "string" },
  int64: { type: "integer" },
  float64: { type: "number" },
  bool: { type: "boolean" },
  timestamp: { format: "date-time", type: "string" },
};

/**
 * The JSON Schema that enters a feature's definition version: the stored `schema` when the feature
 * carries one; `{}` when it declares no columns (as Python uses for external features); otherwise a Pydantic-style object schema with the
 * eight `metaxy_*` base properties and one required property per declared column. It mimics Pydantic's
 * `model_json_schema()` of a `BaseFeature` subclass but is not guaranteed equal to it, so definition
 * and project versions may differ from Python's (feature versions never depend on it).
 *
 * @example
 * featureJsonSchema({ spec, columns: { path: "string" }, classPath: "pkg.features.Video" });
 * // { additionalProperties: false, properties: {…, path: { title: "Path", type: "string" } }, required: ["path"], title: "Video", type: "object" }
 */
export function featureJsonSchema(source: SchemaSource): { readonly [key: string]: PyJson } {
  if (source.schema !== undefined) return source.schema;
  if (source.columns === undefined) return {};
  const properties: Record<string, PyJson> = { ...baseProperties() };
  const required: string[] = [];
  for (const [name, type] of Object.entries(source.columns)) {
    properties[name] = { title: pythonTitle(name), ...TYPE_SCHEMAS[type] };
    required.push(name);
  }
  const schema: Record<string, PyJson> = {
    additionalProperties: false,
    properties,
    title: schemaTitle(source),
    type: "object",
  };
  if (required.length > 0) schema.required = required;
  if (source.spec.description !== null) schema.description = source.spec.description;
  return schema;
}

function baseProperties(): Record<string, PyJson> {
  const optional = (desc: string, title: string, format?: string): PyJson => ({
    anyOf: [format === undefined ? { type: "string" } : { format, type: "string" }, { type: "null" }],
    default: null,
    description: desc,
    title,
  });
  return {
    [METAXY_PROVENANCE_BY_FIELD]: {
      additionalProperties: { type: "string" },
      description: "Field-level provenance hashes (maps field names to hashes)",
      title: "Metaxy Provenance By Field",
      type: "object",
    },
    [METAXY_PROVENANCE]: optional("Hash of metaxy_provenance_by_field", "Metaxy Provenance"),
    [METAXY_FEATURE_VERSION]: optional(
      "Hash of the feature definition (dependencies + fields + code_versions)",
      "Metaxy Feature Version",
    ),
    [METAXY_PROJECT_VERSION]: optional(
      "Hash of the entire feature graph project version",
      "Metaxy Project Version",
    ),
    [METAXY_DATA_VERSION_BY_FIELD]: {
      anyOf: [{ additionalProperties: { type: "string" }, type: "object" }, { type: "null" }],
      default: null,
      description: "Field-level data version hashes (maps field names to version hashes)",
      title: "Metaxy Data Version By Field",
    },
    [METAXY_DATA_VERSION]: optional("Hash of metaxy_data_version_by_field", "Metaxy Data Version"),
    [METAXY_CREATED_AT]: optional(
      "Timestamp when the metadata row was created (UTC)",
      "Metaxy Created At",
      "date-time",
    ),
    [METAXY_MATERIALIZATION_ID]: optional(
      "External orchestration run ID (e.g., Dagster Run ID)",
      "Metaxy Materialization Id",
    ),
  };
}

/** The class name: last segment of the class path, else the key parts in PascalCase. */
function schemaTitle(source: SchemaSource): string {
  if (source.classPath !== undefined) return source.classPath.split(/[.:]/).pop()!;
  return source.spec.key.parts
    .flatMap((p) => p.split(/[_-]/))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** Pydantic's default title: `name.title().replace("_", " ")`. */
function pythonTitle(name: string): string {
  let out = "";
  let previousCased = false;
  for (const ch of name) {
    const cased = ch.toLowerCase() !== ch.toUpperCase();
    out += cased ? (previousCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    previousCased = cased;
  }
  return out.replaceAll("_", " ");
}
