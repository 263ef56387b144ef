/**
 * The feature model (keys, specs, dependencies, mappings, lineage), the feature graph with its
 * graph-level versions, and Python-compatible JSON. Re-exported by the package root.
 *
 * @example
 * import { FeatureGraph, FieldsMapping, Lineage } from "./models/index.js";
 */

export { compareCodePoints, compareTuples } from "./code-point-compare.js";
export { Feature, type FeatureDefinitionInit, type FeatureInfo } from "./feature.js";
export { FeatureDep, type FeatureDepInit, type FeatureDepInput, type FeatureDepJSON } from "./feature-dep.js";
export { FeatureGraph, type FeatureGraphOptions } from "./feature-graph.js";
export { FeatureKey, type FeatureKeyInput } from "./feature-key.js";
export { COLUMN_TYPES, type ColumnType, featureJsonSchema, type SchemaSource } from "./feature-schema.js";
export { FeatureSpec, type FeatureSpecInit, type FeatureSpecJSON } from "./feature-spec.js";
export {
  type AllFields,
  FieldDep,
  type FieldDepInit,
  type FieldDepInput,
  type FieldDepJSON,
  SpecialFieldDep,
} from "./field-dep.js";
export { FieldKey, type FieldKeyInput } from "./field-key.js";
export { FieldSpec, type FieldSpecInit, type FieldSpecInput, type FieldSpecJSON } from "./field-spec.js";
export {
  type DefaultMappingOptions,
  FieldsMapping,
  type FieldsMappingJSON,
  type FieldsMappingVariant,
  type MappedUpstream,
  type SpecificMappingInput,
} from "./fields-mapping.js";
export { FQFieldKey } from "./fq-field-key.js";
export {
  checkHashTruncationLength,
  getDefaultHashTruncationLength,
  setDefaultHashTruncationLength,
  truncateHash,
} from "./hash-truncation.js";
export { compareKeyParts, compareKeyStrings, Key, type KeyInput } from "./key.js";
export { Lineage, type LineageJSON, type LineageRelationship } from "./lineage.js";
export { resolveParentFields } from "./parent-fields.js";
export { FeaturePlan, type PlanDep } from "./plan.js";
export { PyFloat, pyFloatRepr } from "./py-float.js";
export { type PyJson, pythonJsonDumps } from "./python-json.js";
export { parsePythonJson } from "./python-json-parse.js";
export { topologicalOrder } from "./topological-order.js";
export {
  featureCodeVersion,
  featureDefinitionVersion,
  featureSpecVersion,
  graphHash,
  projectVersion,
} from "./versions.js";
