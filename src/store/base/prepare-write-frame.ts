import type { Table } from "apache-arrow";
import { withColumn } from "../../arrow/with-column.js";
import { METAXY_PROVENANCE, METAXY_PROVENANCE_BY_FIELD } from "../../constants.js";
import type { Feature } from "../../models/feature.js";
import type { VersioningContext } from "../../versioning/versioning-context.js";
import { byFieldHash } from "./by-field-hash.js";
import { fillDataVersions } from "./fill-data-versions.js";
import { stampSystemColumns } from "./stamp-system-columns.js";
import { validateWriteFrame } from "./validate-write-frame.js";

/**
 * Per-write settings of {@link prepareWriteFrame}.
 *
 * @example
 * const o: WriteFrameOptions = { timestamp: ts, materializationId: null, preserveFeatureVersion: false, keepUpdatedAt: false, ctx };
 */
export interface WriteFrameOptions {
  /** The transaction timestamp (µs). */
  readonly timestamp: bigint;
  /** Stamped on every row (possibly null). */
  readonly materializationId: string | null;
  /** Keep the frame's feature/project versions when it has both. */
  readonly preserveFeatureVersion: boolean;
  /** Keep the frame's `metaxy_updated_at` (soft-delete tombstones). */
  readonly keepUpdatedAt: boolean;
  /** Hashing settings (algorithm, truncation, kernels). */
  readonly ctx: VersioningContext;
}

/**
 * The rows to append for `feature` (Python `write` → `_add_system_columns`): validated, with
 * `metaxy_provenance` computed when absent (a `MetaxyColumnMissingWarning` for non-root features,
 * whose provenance normally comes from `resolveUpdate`), data versions filled, and the other
 * system columns stamped. The input must already be conformed (`conformWriteInput`).
 *
 * @example
 * const rows = prepareWriteFrame(table, feature, { timestamp, materializationId: null, preserveFeatureVersion: false, keepUpdatedAt: false, ctx });
 */
export function prepareWriteFrame(table: Table, feature: Feature, options: WriteFrameOptions): Table {
  validateWriteFrame(table, feature);
  let out = table;
  if (out.getChild(METAXY_PROVENANCE) === null) {
    if (feature.spec.deps.length > 0) {
      process.emitWarning(
        `store: writing "${feature.key}" without "${METAXY_PROVENANCE}"; computed from "${METAXY_PROVENANCE_BY_FIELD}"`,
        { type: "MetaxyColumnMissingWarning", code: "METAXY_COLUMN_MISSING" },
      );
    }
    const pbf = out.getChild(METAXY_PROVENANCE_BY_FIELD)!;
    out = withColumn(
      out,
      METAXY_PROVENANCE,
      byFieldHash(pbf, METAXY_PROVENANCE_BY_FIELD, feature, options.ctx),
    );
  }
  out = fillDataVersions(out, feature, options.ctx);
  return stampSystemColumns(out, {
    timestamp: options.timestamp,
    featureVersion: feature.featureVersion(),
    projectVersion: feature.graph.projectVersion(feature.project),
    preserveVersions: options.preserveFeatureVersion,
    keepUpdatedAt: options.keepUpdatedAt,
    materializationId: options.materializationId,
  });
}
