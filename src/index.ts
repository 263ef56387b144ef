/**
 * Metaxy for TypeScript: per-field version hashes for ML feature tables, and the new / stale /
 * orphaned increments an orchestrator needs — hash-identical to Python Metaxy 0.1.x.
 *
 * @example
 * import { FeatureGraph } from "metaxy";
 * const graph = new FeatureGraph({ project: "demo" });
 * const video = graph.feature({ key: "video/raw", idColumns: ["video_id"], fields: ["audio", "frames"] });
 * graph.featureVersion(video.key);
 */

// Arrow input/output helpers.
export { concatTables } from "./arrow/concat-tables.js";
export { makeMapVector } from "./arrow/make-map-vector.js";
export { makeStructVector } from "./arrow/make-struct-vector.js";
export { mapToStruct } from "./arrow/map-to-struct.js";
export { rowsToTable } from "./arrow/rows-to-table.js";
export { structFieldVector, structFieldVectors } from "./arrow/struct-field-vector.js";
export { structToMap } from "./arrow/struct-to-map.js";
export { tableToRows } from "./arrow/table-to-rows.js";
export { toArquero } from "./arrow/to-arquero.js";
export type { ToArrowOptions } from "./arrow/to-arrow-options.js";
export { type ArrowInput, toArrowTable } from "./arrow/to-arrow-table.js";
// Configuration (metaxy.toml).
export { applyConfigDefaults } from "./config/apply-config-defaults.js";
// Feature discovery (entrypoint modules) and the store factory behind `config.getStore`.
export { createStore } from "./config/create-store.js";
export { CONFIG_WARNING_TYPE, loadConfig } from "./config/load-config.js";
export { MetaxyConfig } from "./config/metaxy-config.js";
export { STORE_TYPES, storeKindOf } from "./config/store-kinds.js";
export type {
  CommonStoreOptions,
  ConfigOverrides,
  DeltaStoreOptions,
  ExtraFeatureSelection,
  LoadConfigOptions,
  MemoryStoreOptions,
  PluginConfig,
  ResolvedStore,
  StoreConfig,
  StoreKind,
  VersioningEngine,
} from "./config/types.js";
export * from "./constants.js";
export {
  type FeatureLike,
  type GraphLike,
  isGraphLike,
  type LoadFeaturesOptions,
  loadFeatures,
} from "./discovery/index.js";
export * from "./errors.js";
// Filters (SQL-WHERE subset) and their IR.
export {
  and,
  ColumnBuilder,
  type ColumnRef,
  type CompareExpr,
  type CompareOp,
  col,
  evaluateFilter,
  type FileStats,
  type FilterExpr,
  type FilterLiteral,
  filterColumns,
  filterTable,
  formatColumn,
  formatFilter,
  formatLiteral,
  type InExpr,
  type IsNullExpr,
  type LiteralExpr,
  type LogicalExpr,
  lit,
  type MayMatchOptions,
  mayMatchStats,
  type NotExpr,
  not,
  type Operand,
  type OperandInput,
  or,
  parseFilter,
  type StatsValueKind,
  toFilterExpr,
} from "./filters/index.js";
// Record-level hashing and kernels.
export { parseHashAlgorithm } from "./hashing/algorithms.js";
export { hashString, hashStringSync } from "./hashing/hash-string.js";
export { truncateHash } from "./hashing/truncate.js";
// Integrations: buffered writer, Arrow batch source/sink, orchestrator descriptors, MCP server.
export * from "./integrations/index.js";
export { getKernels, kernelsInfo } from "./kernels/index.js";
// Kernels.
export type {
  Column,
  HashAlgorithm,
  HashRowsOptions,
  JoinKind,
  JoinResult,
  Kernels,
  PreimagePart,
} from "./kernels/kernels.js";
export { HASH_ALGORITHMS } from "./kernels/kernels.js";
export type { DecodedParquetChunk, ParquetChunk, ParquetDecoder } from "./kernels/parquet-decoder.js";
// Feature model and graph-level versions.
export {
  type AllFields,
  COLUMN_TYPES,
  type ColumnType,
  compareCodePoints,
  compareKeyParts,
  compareKeyStrings,
  type DefaultMappingOptions,
  Feature,
  type FeatureDefinitionInit,
  FeatureDep,
  type FeatureDepInit,
  type FeatureDepInput,
  type FeatureDepJSON,
  FeatureGraph,
  type FeatureGraphOptions,
  type FeatureInfo,
  FeatureKey,
  type FeatureKeyInput,
  FeaturePlan,
  FeatureSpec,
  type FeatureSpecInit,
  type FeatureSpecJSON,
  FieldDep,
  type FieldDepInit,
  type FieldDepInput,
  type FieldDepJSON,
  FieldKey,
  type FieldKeyInput,
  FieldSpec,
  type FieldSpecInit,
  type FieldSpecInput,
  type FieldSpecJSON,
  FieldsMapping,
  type FieldsMappingJSON,
  type FieldsMappingVariant,
  FQFieldKey,
  featureCodeVersion,
  featureDefinitionVersion,
  featureJsonSchema,
  featureSpecVersion,
  getDefaultHashTruncationLength,
  Key,
  type KeyInput,
  Lineage,
  type LineageJSON,
  type LineageRelationship,
  type PlanDep,
  PyFloat,
  type PyJson,
  parsePythonJson,
  projectVersion,
  pyFloatRepr,
  pythonJsonDumps,
  SpecialFieldDep,
  type SpecificMappingInput,
  setDefaultHashTruncationLength,
} from "./models/index.js";
// Stores: the contract, the template every backend reuses, and the in-memory reference store.
export {
  type BackendReadOptions,
  BaseMetadataStore,
  type BaseStoreOptions,
} from "./store/base-store.js";
export { DeltaTable } from "./store/delta/delta-table.js";
// The Delta Lake metadata store (the embedded default) and its system tables.
export {
  type DeltaLayout,
  DeltaMetadataStore,
  type DeltaMetadataStoreOptions,
} from "./store/delta-store/delta-metadata-store.js";
export { LocalObjectStore } from "./store/io/local.js";
// Object storage and the Delta table layer.
export type { ObjectInfo, ObjectStore } from "./store/io/object-store.js";
export { S3ObjectStore } from "./store/io/s3.js";
export { type S3Options, type StorageOptions, s3OptionsFromStorage } from "./store/io/s3-options.js";
export { openObjectStore, sanitizeUri } from "./store/io/uri.js";
export {
  InMemoryMetadataStore,
  type InMemoryStoreOptions,
} from "./store/memory/in-memory-metadata-store.js";
export type {
  AccessMode,
  CopyMetadataOptions,
  CopyMetadataResult,
  DeleteOptions,
  FeatureFilters,
  FilterInput,
  HasFeatureOptions,
  MetadataStore,
  ReadOptions,
  RebaseOptions,
  ResolveUpdateOptions,
  StoreCapabilities,
  WriteOptions,
} from "./store/metadata-store.js";
export { FEATURE_VERSIONS_SCHEMA, type FeatureVersionRecord } from "./store/system/feature-versions-table.js";
export type { LoadSnapshotOptions } from "./store/system/load-graph-from-snapshot.js";
export { loadGraphFromSnapshot } from "./store/system/load-graph-from-snapshot.js";
export {
  type PushGraphSnapshotOptions,
  type PushResult,
  pushGraphSnapshot,
} from "./store/system/push-graph-snapshot.js";
export { type ReadFeaturesOptions, readFeatures } from "./store/system/read-features.js";
export { type GraphSnapshotSummary, readGraphSnapshots } from "./store/system/read-graph-snapshots.js";
export { SystemTableStorage } from "./store/system/system-table-storage.js";
// Versioning engine (store-free).
export {
  type ComputeExpectedOptions,
  computeExpected,
  computeProvenance,
  Increment,
  type IncrementCounts,
  type ResolveIncrementOptions,
  resolveIncrement,
  type VersioningOptions,
} from "./versioning/index.js";
