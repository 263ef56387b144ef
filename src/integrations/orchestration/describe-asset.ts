import type { FeatureGraph } from "../../models/feature-graph.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import type { PyJson } from "../../models/python-json.js";
import {
  ASSET_FEATURE_TAG,
  ASSET_INFO_KEY,
  ASSET_PROJECT_TAG,
  CODE_VERSION_PREFIX,
  METAXY_ASSET_KIND,
} from "./asset-constants.js";
import { assetAttributes, assetKeyOf } from "./asset-key.js";
import { type ColumnLineage, columnLineage } from "./column-lineage.js";
import { type AssetColumn, columnSchema } from "./column-schema.js";
import { type FeatureInfoMetadata, featureInfo } from "./feature-info.js";

/**
 * Options of {@link describeAsset}.
 *
 * @example
 * const options: DescribeAssetOptions = { keyPrefix: ["staging"], plugins: ["sqlmodel"] };
 */
export interface DescribeAssetOptions {
  /** Parts put in front of the asset key and of every upstream asset key. */
  readonly keyPrefix?: readonly string[];
  /** Plugin names recorded in `metaxy/info`. */
  readonly plugins?: readonly string[];
}

/**
 * An orchestrator-neutral description of the asset a feature materialises: what Python's Dagster
 * `@metaxify` injects, as plain data for any Node orchestrator (Temporal, Inngest, BullMQ flows,
 * Dagster Pipes reports).
 *
 * @example
 * const asset: AssetDescriptor = describeAsset(graph, "video/faces");
 */
export interface AssetDescriptor {
  /** Asset key path: `dagster/attributes.asset_key` or the feature key's parts (prefixed). */
  readonly key: readonly string[];
  /** The feature key string. */
  readonly featureKey: string;
  /** Asset keys of the upstream features, in dependency order. */
  readonly deps: readonly (readonly string[])[];
  /** `metaxy:<feature code version>`: changes exactly when a field's code version changes. */
  readonly codeVersion: string;
  /** The spec's description, else the stored schema's, else null. */
  readonly description: string | null;
  /** Declared columns, sorted by name. */
  readonly columnSchema: readonly AssetColumn[];
  /** Column-level lineage; null for root features. */
  readonly columnLineage: ColumnLineage | null;
  /** `metaxy/feature` (the table name, `a__b`) and `metaxy/project` (when the project is known). */
  readonly tags: Readonly<Record<string, string>>;
  readonly kinds: readonly string[];
  /** `metaxy/feature` (the key string) and `metaxy/info`. */
  readonly metadata: {
    readonly [ASSET_FEATURE_TAG]: string;
    readonly [ASSET_INFO_KEY]: FeatureInfoMetadata;
  };
  /** The other `dagster/attributes` entries (`group_name`, `owners`, ...), to apply as asset attributes. */
  readonly attributes: Readonly<Record<string, PyJson>>;
}

/**
 * Describes the asset of a feature of `graph`; see {@link AssetDescriptor}. Throws
 * FeatureNotFoundError for unknown features and InvalidSpecError for malformed `dagster/attributes`.
 *
 * @example
 * const asset = describeAsset(graph, "video/faces");
 * asset.deps;        // [["video", "raw"]]
 * asset.codeVersion; // "metaxy:3f1a9c20"
 * asset.tags;        // { "metaxy/feature": "video__faces", "metaxy/project": "demo" }
 */
export function describeAsset(
  graph: FeatureGraph,
  feature: FeatureKeyInput,
  options: DescribeAssetOptions = {},
): AssetDescriptor {
  const f = graph.get(feature);
  const prefix = options.keyPrefix ?? [];
  const info = featureInfo(f, options.plugins);
  const { asset_key: _assetKey, ...attributes } = assetAttributes(f);
  const schemaDescription = f.schema?.description;
  const project = info.feature.project;
  return {
    key: assetKeyOf(f, prefix),
    featureKey: f.key.toString(),
    deps: f.spec.deps.map((dep) => assetKeyOf(graph.get(dep.feature), prefix)),
    codeVersion: `${CODE_VERSION_PREFIX}${graph.featureCodeVersion(f.key)}`,
    description: f.spec.description ?? (typeof schemaDescription === "string" ? schemaDescription : null),
    columnSchema: columnSchema(f),
    columnLineage: columnLineage(graph, f, prefix),
    tags: {
      [ASSET_FEATURE_TAG]: f.key.tableName,
      ...(project === null ? {} : { [ASSET_PROJECT_TAG]: project }),
    },
    kinds: [METAXY_ASSET_KIND],
    metadata: { [ASSET_FEATURE_TAG]: f.key.toString(), [ASSET_INFO_KEY]: info },
    attributes,
  };
}
