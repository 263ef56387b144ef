import type { Table } from "apache-arrow";
import { type ArrowInput, toArrowTable } from "../arrow/to-arrow-table.js";
import { InvalidArgumentError } from "../errors.js";
import type { FeatureGraph } from "../models/feature-graph.js";
import { FeatureKey, type FeatureKeyInput } from "../models/feature-key.js";
import { expectedFrame } from "./expected-frame.js";
import { prepareSamples } from "./prepare-samples.js";
import { type VersioningOptions, versioningContext } from "./versioning-context.js";

/**
 * Options of {@link computeExpected}.
 *
 * @example
 * const options: ComputeExpectedOptions = { upstream: { "video/raw": rows }, hashAlgorithm: "xxhash32" };
 */
export interface ComputeExpectedOptions extends VersioningOptions {
  /**
   * Upstream rows per upstream feature key string (`"a/b"`): row objects, an Arrow table or an
   * arquero table, each holding the upstream's id columns, its `metaxy_data_version_by_field` and
   * any user columns. Every required dep needs one; an absent optional dep hashes as `""`.
   */
  readonly upstream?: Readonly<Record<string, ArrowInput>>;
  /**
   * Samples instead of the upstream join (required for a root feature): rows with the id columns
   * and `metaxy_provenance_by_field`; see `prepareSamples`.
   */
  readonly samples?: ArrowInput;
}

/**
 * The expected frame of a feature without a store: what `resolveUpdate` compares with stored rows.
 * Joins the given upstream rows as the feature's deps say (select, rename, filters, lineage,
 * optional) and computes per-field and sample-level provenance, hash-identical to Python Metaxy.
 * Returns an Arrow table with the join / id columns, the upstream user columns, and
 * `metaxy_provenance_by_field`, `metaxy_provenance`, `metaxy_data_version_by_field`,
 * `metaxy_data_version`.
 *
 * @throws InvalidArgumentError (root without samples, missing required upstream, unknown upstream
 *   key, truncation other than the graph's), HashAlgorithmNotSupportedError,
 *   ColumnConfigurationError, MetadataSchemaError, FilterParseError, KernelError.
 * @example
 * const expected = await computeExpected(graph, "video/faces", {
 *   upstream: { "video/raw": [{ video_id: "v1", metaxy_data_version_by_field: { frames: "f1" }, … }] },
 * });
 */
export async function computeExpected(
  graph: FeatureGraph,
  featureKey: FeatureKeyInput,
  options: ComputeExpectedOptions = {},
): Promise<Table> {
  const plan = graph.plan(featureKey);
  const ctx = versioningContext(graph, options);
  const convert = { enableMapDatatype: ctx.enableMapDatatype };
  if (options.samples !== undefined) {
    return prepareSamples(plan, await toArrowTable(options.samples, convert), ctx);
  }
  if (plan.isRoot) {
    throw new InvalidArgumentError(
      `versioning: "${plan.key}" is a root feature: computeExpected needs \`samples\` with "metaxy_provenance_by_field"`,
    );
  }
  const tables = new Map<string, Table>();
  for (const [key, input] of Object.entries(options.upstream ?? {})) {
    tables.set(FeatureKey.from(key).toString(), await toArrowTable(input, convert));
  }
  return expectedFrame(plan, tables, ctx);
}
