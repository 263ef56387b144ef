import type { Feature } from "../../models/feature.js";
import type { CliContext } from "../cli-context.js";
import { type FieldInfo, fieldDepsText, fieldInfos } from "../feature-info.js";
import { jsonText } from "../json-text.js";
import { projectFeatures } from "../select-features.js";
import { renderTable } from "../ui/table.js";

/**
 * Options of `metaxy list features`.
 *
 * @example
 * const options: ListFeaturesOptions = { verbose: true, format: "plain" };
 */
export interface ListFeaturesOptions {
  readonly verbose: boolean;
  readonly format: "plain" | "json";
}

/**
 * `metaxy list features [-v] [--format plain|json]`: the features of the current project (all with
 * `--all-projects`), a table per project plus totals, or the JSON listing
 * `{feature_count, features: [{key, version, is_root, is_external, project, source, field_count, fields, deps?}]}`.
 *
 * @example
 * await listFeatures(ctx, { verbose: false, format: "json" });
 */
export async function listFeatures(ctx: CliContext, options: ListFeaturesOptions): Promise<void> {
  const features = projectFeatures(await ctx.graph(), ctx.project());
  if (options.format === "json") {
    ctx.io.data(
      jsonText({
        feature_count: features.length,
        features: features.map((f) => featureJson(f, options.verbose)),
      }),
    );
    return;
  }
  if (features.length === 0) {
    ctx.io.status(ctx.io.err.yellow("No features found"));
    return;
  }
  const { out } = ctx.io;
  const byProject = new Map<string, Feature[]>();
  for (const f of features) byProject.set(f.project ?? "", [...(byProject.get(f.project ?? "") ?? []), f]);
  for (const [project, members] of [...byProject].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const columns = [
      { header: "Feature", color: "cyan" as const },
      { header: "Version", color: "yellow" as const },
      { header: "Source", color: "dim" as const },
      ...(options.verbose ? [{ header: "Dependencies" }] : []),
    ];
    const rows = members.map((f) => [
      f.key.toString(),
      f.featureVersion(),
      f.classPath ?? "",
      ...(options.verbose ? [f.spec.deps.map((d) => d.feature.toString()).join(", ") || "-"] : []),
    ]);
    ctx.io.data(
      renderTable({ title: project === "" ? "Features" : `Project: ${project}`, columns, rows }, out),
    );
  }
  if (options.verbose) {
    for (const f of features) {
      const rows = fieldInfos(f).map((info) => [
        info.key,
        info.code_version,
        shortVersion(info),
        fieldDepsText(info),
      ]);
      ctx.io.data(
        renderTable(
          {
            title: f.key.toString(),
            columns: [
              { header: "Field", color: "cyan" },
              { header: "Code Version" },
              { header: "Version", color: "yellow" },
              { header: "Dependencies" },
            ],
            rows,
          },
          out,
        ),
      );
    }
  }
  const roots = features.filter((f) => f.spec.deps.length === 0).length;
  ctx.io.data(`Total: ${features.length} feature(s) (${roots} root, ${features.length - roots} dependent)`);
}

function shortVersion(info: FieldInfo): string {
  return info.version.length > 12 ? `${info.version.slice(0, 12)}...` : info.version;
}

function featureJson(feature: Feature, verbose: boolean): Record<string, unknown> {
  const fields = fieldInfos(feature).map((info) => ({
    key: info.key,
    code_version: info.code_version,
    version: info.version,
    ...(verbose ? { deps: info.all_upstream ? "all" : (info.deps ?? []) } : {}),
  }));
  return {
    key: feature.key.toString(),
    version: feature.featureVersion(),
    is_root: feature.spec.deps.length === 0,
    is_external: false,
    project: feature.project ?? null,
    source: feature.classPath ?? null,
    field_count: fields.length,
    fields,
    ...(verbose ? { deps: feature.spec.deps.map((d) => d.feature.toString()) } : {}),
  };
}
