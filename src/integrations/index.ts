/**
 * Integrations: the Node/TS counterparts of Python Metaxy's `metaxy.ext.*` and utilities — a
 * buffered multi-feature writer, Arrow batch sources and sinks (Ray), orchestrator-neutral asset
 * descriptors and materialisation stats (Dagster), and the MCP server (`metaxy mcp`).
 *
 * @example
 * import { readBatches, createSink } from "./integrations/index.js";
 * const sink = createSink(dest, "video/faces");
 * for await (const batch of readBatches(source, "video/faces")) await sink.write(batch);
 * await sink.close();
 */

export { type BatchInput, batchInputRows, batchInputTable } from "./batch-input.js";
export { createSink, type MetadataSink, type SinkOptions, type SinkResult } from "./batches/create-sink.js";
export { METAXY_STATUS, type MetaxyStatus } from "./batches/metaxy-status.js";
export { type ReadBatchesOptions, readBatches } from "./batches/read-batches.js";
export { type IncrementTableOptions, readIncrementTable } from "./batches/read-increment-table.js";
export { splitBatches } from "./batches/split-batches.js";
export { defaultContextLoader, type ProjectLocation } from "./mcp/default-context-loader.js";
export type { McpContext, McpContextLoader } from "./mcp/mcp-context.js";
export { type RunMcpServerOptions, runMcpServer } from "./mcp/run-mcp-server.js";
export {
  ASSET_ATTRIBUTES_KEY,
  ASSET_FEATURE_TAG,
  ASSET_INFO_KEY,
  ASSET_PROJECT_TAG,
  CODE_VERSION_PREFIX,
  METAXY_ASSET_KIND,
} from "./orchestration/asset-constants.js";
export { assetKeyOf } from "./orchestration/asset-key.js";
export { type ColumnDep, type ColumnLineage, columnLineage } from "./orchestration/column-lineage.js";
export { type AssetColumn, columnSchema } from "./orchestration/column-schema.js";
export {
  type AssetDescriptor,
  type DescribeAssetOptions,
  describeAsset,
} from "./orchestration/describe-asset.js";
export { type FeatureInfoMetadata, featureInfo } from "./orchestration/feature-info.js";
export {
  type MaterializationStats,
  type MaterializationStatsOptions,
  materializationStats,
} from "./orchestration/materialization-stats.js";
export { type MetaxyOutputResult, withMetaxyOutput } from "./orchestration/with-metaxy-output.js";
export { BufferedMetadataWriter } from "./writer/buffered-metadata-writer.js";
export type { BufferedWriterOptions } from "./writer/buffered-writer-options.js";
export type { FeatureFrames } from "./writer/feature-frames.js";
export { withBufferedWriter } from "./writer/with-buffered-writer.js";
