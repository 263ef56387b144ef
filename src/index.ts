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

// Configuration (metaxy.toml).
export { applyConfigDefaults } from "./config/apply-config-defaults.js";
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
export * from "./errors.js";
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
