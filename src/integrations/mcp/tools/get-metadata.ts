import { type Json, jsonRows } from "../json-cells.js";
import type { McpContext } from "../mcp-context.js";
import { sortOrder } from "../sort-order.js";

/**
 * Arguments of the `get_metadata` tool (Python's names and defaults).
 *
 * @example
 * const args: GetMetadataArgs = { feature_key: "video/raw", store_name: "dev", filters: ["fps > 24"], limit: 10 };
 */
export interface GetMetadataArgs {
  readonly feature_key: string;
  readonly store_name: string;
  /** Exactly these columns (default: all stored columns). */
  readonly columns?: readonly string[] | null | undefined;
  /** SQL-WHERE filters, applied after deduplication. */
  readonly filters?: readonly string[] | null | undefined;
  readonly with_feature_history?: boolean | undefined;
  readonly with_sample_history?: boolean | undefined;
  readonly include_soft_deleted?: boolean | undefined;
  /** Default true. */
  readonly allow_fallback?: boolean | undefined;
  readonly sort_by?: readonly string[] | null | undefined;
  /** One flag for every sort column, or one per column. */
  readonly descending?: boolean | readonly boolean[] | undefined;
  /** Default 50. */
  readonly limit?: number | undefined;
}

/**
 * What `get_metadata` returns: column names, up to `limit` rows, and how many rows were returned.
 *
 * @example
 * const result: MetadataResult = { columns: ["video_id"], rows: [{ video_id: 1 }], total_rows: 1 };
 */
export interface MetadataResult {
  readonly columns: string[];
  readonly rows: Record<string, Json>[];
  /** Rows returned (after `limit`), as in Python's server. */
  readonly total_rows: number;
}

/** Python's default row limit of `get_metadata`. */
const DEFAULT_LIMIT = 50;

/**
 * The `get_metadata` tool: reads a feature from a configured store (opened for reading), sorts, keeps
 * the first `limit` rows and renders them as JSON (see `jsonRows`). Unknown features throw
 * FeatureNotFoundError, bad filters FilterParseError.
 *
 * @example
 * await getMetadataTool(ctx, { feature_key: "video/raw", store_name: "dev", columns: ["video_id"], sort_by: ["video_id"], limit: 2 });
 * // { columns: ["video_id"], rows: [{ video_id: 1 }, { video_id: 2 }], total_rows: 2 }
 */
export async function getMetadataTool(ctx: McpContext, args: GetMetadataArgs): Promise<MetadataResult> {
  const feature = ctx.graph.get(args.feature_key);
  const store = await ctx.store(args.store_name);
  const table = await store.withOpen("r", (s) =>
    s.read(feature, {
      ...(args.columns ? { columns: args.columns } : {}),
      ...(args.filters && args.filters.length > 0 ? { filters: args.filters } : {}),
      withFeatureHistory: args.with_feature_history ?? false,
      withSampleHistory: args.with_sample_history ?? false,
      includeSoftDeleted: args.include_soft_deleted ?? false,
      allowFallback: args.allow_fallback ?? true,
    }),
  );
  const order = sortOrder(table, args.sort_by ?? [], args.descending ?? false);
  const rows = jsonRows(table, order.slice(0, args.limit ?? DEFAULT_LIMIT));
  return { columns: table.schema.fields.map((f) => f.name), rows, total_rows: rows.length };
}
