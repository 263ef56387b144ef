import type { Feature } from "../../models/feature.js";
import { pythonJsonDumps } from "../../models/python-json.js";
import type { CliContext } from "../cli-context.js";
import { fieldInfos } from "../feature-info.js";
import { jsonText } from "../json-text.js";
import { selectFeatures } from "../select-features.js";

/**
 * `metaxy describe features KEY... [--format plain|json]`: one block per feature (key, version,
 * project, source, description, id columns, fields with versions and parents, dependencies with their
 * select/rename/optional settings, metadata). JSON: the feature object, or `{"features": [...]}` for
 * several. Unknown keys fail with `FEATURES_NOT_FOUND`.
 *
 * @example
 * await describeFeatures(ctx, ["example/crop"], { format: "json" });
 */
export async function describeFeatures(
  ctx: CliContext,
  keys: readonly string[],
  options: { readonly format: "plain" | "json" },
): Promise<void> {
  const features = selectFeatures(await ctx.graph(), keys, false, null, "describe features");
  if (options.format === "json") {
    const objects = features.map(featureJson);
    ctx.io.data(jsonText(objects.length === 1 ? objects[0] : { features: objects }));
    return;
  }
  ctx.io.data(features.map((f) => featureBlock(ctx, f)).join("\n\n"));
}

function featureJson(feature: Feature): Record<string, unknown> {
  const metadata = feature.spec.metadata;
  return {
    project: feature.project ?? null,
    key: feature.key.toString(),
    version: feature.featureVersion(),
    description: feature.spec.description,
    is_external: false,
    source: feature.classPath ?? null,
    id_columns: [...feature.spec.idColumns],
    fields: fieldInfos(feature).map((info) => ({
      key: info.key,
      code_version: info.code_version,
      version: info.version,
      deps: info.all_upstream ? "all" : (info.deps ?? []),
    })),
    dependencies: feature.spec.deps.map((dep) => ({
      feature: dep.feature.toString(),
      ...(dep.select === null ? {} : { select: [...dep.select] }),
      ...(dep.rename === null ? {} : { rename: { ...dep.rename } }),
      ...(dep.optional ? { optional: true } : {}),
    })),
    ...(Object.keys(metadata).length === 0 ? {} : { metadata: JSON.parse(pythonJsonDumps(metadata)) }),
  };
}

function featureBlock(ctx: CliContext, feature: Feature): string {
  const s = ctx.io.out;
  const lines = [
    `${s.bold(s.cyan(feature.key.toString()))} ${s.yellow(`(${feature.featureVersion().slice(0, 8)})`)}${
      feature.project === undefined ? "" : ` ${s.dim(feature.project)}`
    }`,
  ];
  if (feature.classPath !== undefined) lines.push(`  Source: ${feature.classPath}`);
  if (feature.spec.description !== null)
    lines.push("", ...feature.spec.description.split("\n").map((l) => `  ${l}`), "");
  lines.push(`  ID columns: ${feature.spec.idColumns.join(", ")}`);
  lines.push("  Fields:");
  for (const info of fieldInfos(feature)) {
    const parents = info.all_upstream
      ? " ← [all upstream]"
      : info.deps === null || info.deps.length === 0
        ? ""
        : ` ← ${info.deps.map((d) => `${d.feature}:(${d.fields.join(", ")})`).join(", ")}`;
    lines.push(`    ${info.key} ${s.yellow(`(${info.version.slice(0, 8)})`)}${parents}`);
  }
  if (feature.spec.deps.length > 0) {
    lines.push("  Dependencies:");
    for (const dep of feature.spec.deps) {
      const parts = [dep.feature.toString()];
      if (dep.select !== null) parts.push(`select: ${dep.select.join(", ")}`);
      if (dep.optional) parts.push("optional");
      if (dep.rename !== null) {
        parts.push(
          `rename: ${Object.entries(dep.rename)
            .map(([a, b]) => `${a} → ${b}`)
            .join(", ")}`,
        );
      }
      lines.push(`    ${parts.join(" | ")}`);
    }
  }
  if (Object.keys(feature.spec.metadata).length > 0) {
    lines.push(`  Metadata: ${pythonJsonDumps(feature.spec.metadata)}`);
  }
  return lines.join("\n");
}
