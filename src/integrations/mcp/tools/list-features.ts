import type { Feature } from "../../../models/feature.js";
import type { McpContext } from "../mcp-context.js";

/**
 * Arguments of the `list_features` tool.
 *
 * @example
 * const args: ListFeaturesArgs = { project: "demo", verbose: true };
 */
export interface ListFeaturesArgs {
  /** Only features of this project (empty or absent: all). */
  readonly project?: string | null | undefined;
  /** Add resolved field dependencies and feature dependencies. */
  readonly verbose?: boolean | undefined;
}

/**
 * The `list_features` tool (the shape of Python's MCP server):
 * `{feature_count, features: [{key, version, is_root, project, import_path, field_count, fields: [{key, code_version, version, deps?}], deps?}]}`.
 * Verbose adds per field its parent fields grouped by upstream feature (when it has any) and per
 * dependent feature its upstream keys. `import_path` is the feature's class path, or null.
 *
 * @example
 * listFeaturesTool(ctx, { verbose: false }).features[0]; // { key: "video/raw", version: "b9bb54e4", is_root: true, ... }
 */
export function listFeaturesTool(ctx: McpContext, args: ListFeaturesArgs): Record<string, unknown> {
  const verbose = args.verbose ?? false;
  const features = ctx.graph
    .list()
    .filter((f) => !args.project || projectOf(f) === args.project)
    .map((f) => featureJson(f, verbose));
  return { feature_count: features.length, features };
}

function projectOf(feature: Feature): string | null {
  return feature.project ?? feature.graph.project ?? null;
}

function featureJson(feature: Feature, verbose: boolean): Record<string, unknown> {
  const isRoot = feature.spec.deps.length === 0;
  const versions = feature.fieldVersions();
  const fields = feature.spec.fields.map((field) => {
    const key = field.key.toString();
    const deps = verbose && !isRoot ? parentsOf(feature, key) : [];
    return {
      key,
      code_version: field.codeVersion,
      version: versions[key],
      ...(deps.length > 0 ? { deps } : {}),
    };
  });
  return {
    key: feature.key.toString(),
    version: feature.featureVersion(),
    is_root: isRoot,
    project: projectOf(feature),
    import_path: feature.classPath ?? null,
    field_count: fields.length,
    fields,
    ...(verbose && !isRoot ? { deps: feature.spec.deps.map((d) => d.feature.toString()) } : {}),
  };
}

function parentsOf(feature: Feature, field: string): { feature: string; fields: string[] }[] {
  const grouped = new Map<string, string[]>();
  for (const parent of feature.plan().parentFields(field)) {
    const upstream = parent.feature.toString();
    const fields = grouped.get(upstream);
    if (fields === undefined) grouped.set(upstream, [parent.field.toString()]);
    else fields.push(parent.field.toString());
  }
  return [...grouped].map(([upstream, fields]) => ({ feature: upstream, fields }));
}
