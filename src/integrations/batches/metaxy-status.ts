/**
 * Column that incremental batch reads add: why a row needs processing. Python's Ray datasource adds
 * the same column. It is not a stored system column (writes of these rows should drop it or keep it
 * as a user column), which is why it lives here and not among the store's system columns.
 *
 * @example
 * for await (const batch of readBatches(store, "video/faces", { incremental: true })) {
 *   batch.getChild(METAXY_STATUS)?.get(0); // "new" or "stale"
 * }
 */
export const METAXY_STATUS = "metaxy_status";

/**
 * The values of {@link METAXY_STATUS}: `new` (expected, never processed under the current feature
 * version) or `stale` (processed, but its inputs changed or a staleness predicate matched).
 *
 * @example
 * const status: MetaxyStatus = "stale";
 */
export type MetaxyStatus = "new" | "stale";
