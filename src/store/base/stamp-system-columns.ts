import { type Table, TimestampMicrosecond, Type, Utf8, type Vector } from "apache-arrow";
import { castVector } from "../../arrow/cast-vector.js";
import { constantUtf8 } from "../../arrow/constant-utf8.js";
import { nullVector } from "../../arrow/null-vector.js";
import { timestampVector } from "../../arrow/timestamp-vector.js";
import { withColumn } from "../../arrow/with-column.js";
import {
  METAXY_CREATED_AT,
  METAXY_DATA_VERSION,
  METAXY_DELETED_AT,
  METAXY_FEATURE_VERSION,
  METAXY_MATERIALIZATION_ID,
  METAXY_PROJECT_VERSION,
  METAXY_PROVENANCE,
  METAXY_UPDATED_AT,
} from "../../constants.js";

/**
 * What {@link stampSystemColumns} writes.
 *
 * @example
 * const o: StampOptions = { timestamp: ts, featureVersion: "a1b2c3d4", projectVersion: "e5f6a7b8", preserveVersions: false, keepUpdatedAt: false, materializationId: null };
 */
export interface StampOptions {
  /** The transaction timestamp (µs since the epoch). */
  readonly timestamp: bigint;
  /** Feature and project version stamped unless `preserveVersions` and the frame has both. */
  readonly featureVersion: string;
  readonly projectVersion: string;
  readonly preserveVersions: boolean;
  /** Keep the frame's `metaxy_updated_at` (soft-delete tombstones). */
  readonly keepUpdatedAt: boolean;
  /** Always written, possibly null. */
  readonly materializationId: string | null;
}

const UTC_MICROS = new TimestampMicrosecond("UTC");
const STRING_COLUMNS = [
  METAXY_PROVENANCE,
  METAXY_DATA_VERSION,
  METAXY_FEATURE_VERSION,
  METAXY_PROJECT_VERSION,
];

/**
 * Python's `_add_system_columns` for everything but provenance and data versions: feature and
 * project versions (replaced unless preserved), `created_at` only when absent, `updated_at` = the
 * transaction time (kept for tombstones), `deleted_at` null when absent, `materialization_id`
 * always overwritten. Timestamps become `timestamp[us, UTC]` (each column its own buffer) and
 * Null-typed string system columns Utf8.
 *
 * @example
 * stampSystemColumns(table, { timestamp: ts, featureVersion, projectVersion, preserveVersions: false, keepUpdatedAt: false, materializationId: null });
 */
export function stampSystemColumns(table: Table, options: StampOptions): Table {
  const n = table.numRows;
  const has = (name: string) => table.getChild(name) !== null;
  let out = table;
  if (!(options.preserveVersions && has(METAXY_FEATURE_VERSION) && has(METAXY_PROJECT_VERSION))) {
    out = withColumn(out, METAXY_FEATURE_VERSION, constantUtf8(options.featureVersion, n));
    out = withColumn(out, METAXY_PROJECT_VERSION, constantUtf8(options.projectVersion, n));
  }
  out = withColumn(out, METAXY_CREATED_AT, timestampOr(out, METAXY_CREATED_AT, options.timestamp));
  out = withColumn(
    out,
    METAXY_UPDATED_AT,
    options.keepUpdatedAt && has(METAXY_UPDATED_AT)
      ? asUtcMicros(out.getChild(METAXY_UPDATED_AT)!, METAXY_UPDATED_AT)
      : timestampVector(options.timestamp, n),
  );
  const deleted = out.getChild(METAXY_DELETED_AT);
  out = withColumn(
    out,
    METAXY_DELETED_AT,
    deleted === null ? nullVector(UTC_MICROS, n) : asUtcMicros(deleted, METAXY_DELETED_AT),
  );
  out = withColumn(out, METAXY_MATERIALIZATION_ID, constantUtf8(options.materializationId, n));
  for (const name of STRING_COLUMNS) {
    const column = out.getChild(name);
    if (column !== null && column.type.typeId === Type.Null) {
      out = withColumn(out, name, castVector(column, new Utf8(), name));
    }
  }
  return out;
}

function timestampOr(table: Table, name: string, timestamp: bigint): Vector {
  const column = table.getChild(name);
  return column === null ? timestampVector(timestamp, table.numRows) : asUtcMicros(column, name);
}

function asUtcMicros(column: Vector, name: string): Vector {
  return castVector(column, UTC_MICROS, name);
}
