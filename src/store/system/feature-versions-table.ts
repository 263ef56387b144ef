import {
  Field,
  makeData,
  makeVector,
  Schema,
  type Table,
  TimestampMicrosecond,
  Utf8,
  type Vector,
} from "apache-arrow";
import { assembleTable } from "../../arrow/assemble-table.js";
import { nullVector } from "../../arrow/null-vector.js";
import { columnValues } from "../../arrow/read-values.js";
import { utf8Vector } from "../../arrow/strings.js";
import { timestampVector } from "../../arrow/timestamp-vector.js";
import {
  METAXY_DEFINITION_VERSION,
  METAXY_FEATURE_VERSION,
  METAXY_PROJECT_VERSION,
} from "../../constants.js";
import { MetadataSchemaError } from "../../errors.js";

/**
 * `project` column: the project the feature belongs to.
 *
 * @example
 * rows.filter((r) => r[PROJECT_COLUMN] === "demo");
 */
export const PROJECT_COLUMN = "project";
/**
 * `feature_key` column: `a/b`.
 *
 * @example
 * store.read(FEATURE_VERSIONS_KEY, { filters: [col(FEATURE_KEY_COLUMN).eq("video/raw")] });
 */
export const FEATURE_KEY_COLUMN = "feature_key";
/**
 * `recorded_at` column: push time, naive UTC microseconds (`timestamp_ntz`).
 *
 * @example
 * table.getChild(RECORDED_AT_COLUMN);
 */
export const RECORDED_AT_COLUMN = "recorded_at";
/**
 * `feature_spec` column: `json.dumps(spec.model_dump(mode="json"))`.
 *
 * @example
 * FeatureSpec.fromJSON(parsePythonJson(row[FEATURE_SPEC_COLUMN]));
 */
export const FEATURE_SPEC_COLUMN = "feature_spec";
/**
 * `feature_schema` column: the feature's JSON Schema as JSON text.
 *
 * @example
 * parsePythonJson(row[FEATURE_SCHEMA_COLUMN]);
 */
export const FEATURE_SCHEMA_COLUMN = "feature_schema";
/**
 * `feature_class_path` column: where the feature is defined.
 *
 * @example
 * row[FEATURE_CLASS_PATH_COLUMN]; // "features.ts#video"
 */
export const FEATURE_CLASS_PATH_COLUMN = "feature_class_path";
/**
 * `tags` column: JSON object text, with the reserved `metaxy` key.
 *
 * @example
 * JSON.parse(row[TAGS_COLUMN]).git_commit;
 */
export const TAGS_COLUMN = "tags";
/**
 * `deleted_at` column: nullable naive timestamp (defined by Python, never set by push).
 *
 * @example
 * table.getChild(DELETED_AT_COLUMN)!.nullCount;
 */
export const DELETED_AT_COLUMN = "deleted_at";

const NAIVE_MICROS = new TimestampMicrosecond();
const text = (name: string) => new Field(name, new Utf8(), true);

/**
 * The Arrow schema of `metaxy-system/feature_versions`, Python's columns in Python's order. Both
 * timestamps are naive microseconds (Polars `Datetime("us")`), which Delta stores as `timestamp_ntz`.
 *
 * @example
 * FEATURE_VERSIONS_SCHEMA.fields.map((f) => f.name); // ["project", "feature_key", …, "deleted_at"]
 */
export const FEATURE_VERSIONS_SCHEMA = new Schema([
  text(PROJECT_COLUMN),
  text(FEATURE_KEY_COLUMN),
  text(METAXY_FEATURE_VERSION),
  text(METAXY_DEFINITION_VERSION),
  new Field(RECORDED_AT_COLUMN, NAIVE_MICROS, true),
  text(FEATURE_SPEC_COLUMN),
  text(FEATURE_SCHEMA_COLUMN),
  text(FEATURE_CLASS_PATH_COLUMN),
  text(METAXY_PROJECT_VERSION),
  text(TAGS_COLUMN),
  new Field(DELETED_AT_COLUMN, NAIVE_MICROS, true),
]);

/**
 * One row of `feature_versions` as JS values (timestamps as µs since the epoch, UTC).
 *
 * @example
 * const latest = records.reduce((a, b) => (b.recordedAt > a.recordedAt ? b : a));
 */
export interface FeatureVersionRecord {
  readonly project: string;
  readonly featureKey: string;
  readonly featureVersion: string;
  readonly definitionVersion: string;
  readonly recordedAt: bigint;
  readonly featureSpec: string;
  readonly featureSchema: string;
  readonly featureClassPath: string;
  readonly projectVersion: string;
  readonly tags: string;
  readonly deletedAt: bigint | null;
}

/**
 * Records as a table of {@link FEATURE_VERSIONS_SCHEMA}.
 *
 * @example
 * await store.write(FEATURE_VERSIONS_KEY, featureVersionsTable(records));
 */
export function featureVersionsTable(records: readonly FeatureVersionRecord[]): Table {
  const n = records.length;
  const strings = (pick: (r: FeatureVersionRecord) => string) => utf8Vector(records.map(pick));
  return assembleTable(
    FEATURE_VERSIONS_SCHEMA.fields,
    [
      strings((r) => r.project),
      strings((r) => r.featureKey),
      strings((r) => r.featureVersion),
      strings((r) => r.definitionVersion),
      timestampVector(
        records.map((r) => r.recordedAt),
        n,
        null,
      ),
      strings((r) => r.featureSpec),
      strings((r) => r.featureSchema),
      strings((r) => r.featureClassPath),
      strings((r) => r.projectVersion),
      strings((r) => r.tags),
      naiveTimestamps(records.map((r) => r.deletedAt)),
    ],
    n,
  );
}

/** A naive Timestamp(µs) column with nulls where a value is null. */
function naiveTimestamps(values: readonly (bigint | null)[]): Vector {
  const n = values.length;
  if (values.every((v) => v === null)) return nullVector(NAIVE_MICROS, n);
  const data = new BigInt64Array(n);
  const validity = new Uint8Array(Math.ceil(n / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null) nullCount++;
    else {
      data[i] = v;
      validity[i >> 3]! |= 1 << (i & 7);
    }
  });
  return makeVector(makeData({ type: NAIVE_MICROS, length: n, nullCount, data, nullBitmap: validity }));
}

/**
 * The rows of a `feature_versions` table (ours or Python's) as records, in table order. A column
 * the table lacks is a MetadataSchemaError naming it (`deleted_at` may be absent: older tables).
 *
 * @example
 * const records = featureVersionRecords(await store.read(FEATURE_VERSIONS_KEY));
 */
export function featureVersionRecords(table: Table): FeatureVersionRecord[] {
  const column = (name: string, optional = false): unknown[] => {
    const vector = table.getChild(name);
    if (vector === null) {
      if (optional) return new Array<unknown>(table.numRows).fill(null);
      throw new MetadataSchemaError(
        `system tables: feature_versions has no column "${name}" (columns: ${table.schema.fields.map((f) => f.name).join(", ")})`,
      );
    }
    return columnValues(vector, "raw");
  };
  const cols = FEATURE_VERSIONS_SCHEMA.fields.map((f) => column(f.name, f.name === DELETED_AT_COLUMN));
  const [project, key, fv, dv, recorded, spec, schema, classPath, pv, tags, deleted] = cols as [
    string[],
    string[],
    string[],
    string[],
    bigint[],
    string[],
    string[],
    (string | null)[],
    string[],
    (string | null)[],
    (bigint | null)[],
  ];
  return Array.from({ length: table.numRows }, (_, i) => ({
    project: project[i]!,
    featureKey: key[i]!,
    featureVersion: fv[i]!,
    definitionVersion: dv[i]!,
    recordedAt: recorded[i]!,
    featureSpec: spec[i]!,
    featureSchema: schema[i]!,
    featureClassPath: classPath[i] ?? "",
    projectVersion: pv[i]!,
    tags: tags[i] ?? "{}",
    deletedAt: deleted[i] ?? null,
  }));
}
