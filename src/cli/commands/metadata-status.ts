import type { Feature } from "../../models/feature.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import type { CliContext } from "../cli-context.js";
import { CliError } from "../cli-error.js";
import { type FeatureStatus, featureStatus } from "../feature-status.js";
import { jsonText } from "../json-text.js";
import { parseFilters } from "../parse-filters.js";
import { parseFeatureKey, selectFeatures } from "../select-features.js";
import { startProgress } from "../ui/progress.js";
import type { Style } from "../ui/style.js";
import { renderTable } from "../ui/table.js";
import { projectVersionOf } from "./graph-render.js";
import { loadSnapshotGraph, requireSnapshot } from "./snapshot-source.js";

/**
 * Options of `metaxy metadata status`.
 *
 * @example
 * const options: MetadataStatusOptions = { allFeatures: true, format: "json", assertInSync: true };
 */
export interface MetadataStatusOptions {
  readonly allFeatures?: boolean;
  readonly store?: string;
  readonly filter?: readonly string[];
  readonly globalFilter?: readonly string[];
  readonly staleIf?: readonly string[];
  readonly assertInSync?: boolean;
  readonly verbose?: boolean;
  readonly progress?: boolean;
  readonly allowFallbackStores?: boolean;
  /** Check against the graph pushed under this project version instead of the current one. */
  readonly snapshotId?: string;
  readonly format: "plain" | "json";
}

/**
 * `metaxy metadata status <keys… | --all-features>`: for each feature, whether its metadata exists,
 * how many rows are stored, missing, stale and orphaned (filters: `--filter` on the target,
 * `--global-filter` everywhere, `--stale-if` staleness predicates). A table, or JSON
 * `{project_version, features: {key: status}, needs_update, warnings?}`. Unknown keys are warnings
 * (errors with `--assert-in-sync`); `--assert-in-sync` exits 1 when anything needs an update.
 * `--snapshot-id` checks the stored metadata against a pushed graph instead of the current one.
 *
 * @example
 * await metadataStatus(ctx, [], { allFeatures: true, format: "plain" });
 */
export async function metadataStatus(
  ctx: CliContext,
  keys: readonly string[],
  options: MetadataStatusOptions,
): Promise<number> {
  const { io } = ctx;
  const graph =
    options.snapshotId === undefined
      ? await ctx.graph()
      : await snapshotGraph(ctx, options.snapshotId, options.store);
  const targetFilters = parseFilters(options.filter, "--filter");
  const globalFilters = parseFilters(options.globalFilter, "--global-filter");
  const stalenessPredicates = parseFilters(options.staleIf, "--stale-if");
  let missingInGraph: string[] = [];
  let selection: readonly string[] = keys;
  if (options.assertInSync !== true && keys.length > 0 && options.allFeatures !== true) {
    missingInGraph = keys.filter((k) => !graph.has(parseFeatureKey(k)));
    selection = keys.filter((k) => !missingInGraph.includes(k));
    if (selection.length === 0) {
      throw new CliError(
        "FEATURES_NOT_FOUND",
        `metadata status: no such features: ${missingInGraph.join(", ")}`,
        {
          details: { missing_features: missingInGraph },
        },
      );
    }
  }
  const features = selectFeatures(
    graph,
    selection,
    options.allFeatures === true,
    ctx.project(),
    "metadata status",
  );
  const store = await ctx.store(options.store);
  const statuses: FeatureStatus[] = [];
  await store.withOpen("r", async () => {
    const progress = features.length > 1 ? startProgress(io, features.length, "Checking") : null;
    for (const feature of features) {
      progress?.step(feature.key.toString());
      statuses.push(
        await featureStatus(store, feature, {
          allowFallback: options.allowFallbackStores !== false,
          targetFilters,
          globalFilters,
          stalenessPredicates,
          progress: options.progress === true || options.verbose === true,
          samples: options.verbose === true,
        }),
      );
    }
    progress?.stop();
  });
  const needsUpdate = statuses.some((s) => s.needs_update || (s.status === "missing" && !s.is_root_feature));
  const errors = statuses.filter((s) => s.status === "error");
  if (options.format === "json") {
    const warnings =
      missingInGraph.length > 0 || errors.length > 0
        ? {
            warnings: {
              missing_in_graph: missingInGraph,
              errors: errors.map((s) => ({ feature_key: s.feature_key, error: s.error_message })),
            },
          }
        : {};
    io.data(
      jsonText({
        project_version: projectVersionOf(graph, ctx.project() ?? ctx.config().project),
        features: Object.fromEntries(statuses.map((s) => [s.feature_key, s])),
        needs_update: needsUpdate,
        ...warnings,
      }),
    );
  } else {
    for (const key of missingInGraph)
      io.status(`${io.err.yellow("Warning:")} feature "${key}" is not in the graph`);
    io.data(statusTable(statuses, features, io.out));
    if (options.verbose === true) io.data(samplesText(statuses));
  }
  if (errors.length > 0) return 1;
  return options.assertInSync === true && needsUpdate ? 1 : 0;
}

/** The graph pushed under `projectVersion` (`SNAPSHOT_ERROR` when it was never pushed). */
async function snapshotGraph(ctx: CliContext, projectVersion: string, store?: string): Promise<FeatureGraph> {
  await requireSnapshot(ctx, projectVersion, store);
  return loadSnapshotGraph(ctx, projectVersion, store);
}

const ICONS: Readonly<Record<FeatureStatus["status"], string>> = {
  missing: "✗",
  root_feature: "○",
  needs_update: "⚠",
  up_to_date: "✓",
  error: "!",
};

function statusTable(statuses: readonly FeatureStatus[], features: readonly Feature[], style: Style): string {
  const color = (s: FeatureStatus) =>
    s.status === "up_to_date"
      ? style.green
      : s.status === "needs_update"
        ? style.yellow
        : s.status === "root_feature"
          ? style.blue
          : style.red;
  const rows = statuses.map((s, i) => {
    const count = (n: number | null) => (n === null ? "-" : String(n));
    const progress =
      s.progress_percentage === undefined
        ? ""
        : s.progress_percentage === null
          ? " (no input)"
          : ` (${s.progress_percentage}%)`;
    return [
      color(s)(`${ICONS[s.status]}${progress}`),
      features[i]!.key.toString(),
      String(s.store_rows),
      count(s.missing),
      count(s.stale),
      count(s.orphaned),
      s.error_message ?? s.store_metadata?.display ?? "",
    ];
  });
  return renderTable(
    {
      title: "Metadata Status",
      columns: [
        { header: "Status" },
        { header: "Feature", color: "cyan" },
        { header: "Materialized", justify: "right" },
        { header: "Missing", justify: "right" },
        { header: "Stale", justify: "right" },
        { header: "Orphaned", justify: "right" },
        { header: "Info", color: "dim" },
      ],
      rows,
    },
    style,
  );
}

function samplesText(statuses: readonly FeatureStatus[]): string {
  const lines: string[] = [];
  for (const s of statuses) {
    if (s.sample_details === undefined) continue;
    for (const part of ["new", "stale", "orphaned"] as const) {
      const rows = s.sample_details[part];
      if (rows.length === 0) continue;
      lines.push(`${s.feature_key} ${part} (first ${rows.length}):`);
      for (const row of rows) lines.push(`  ${jsonText(row).replace(/\s*\n\s*/g, " ")}`);
    }
  }
  return lines.join("\n");
}
