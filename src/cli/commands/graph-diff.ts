import { writeFileSync } from "node:fs";
import type { FeatureGraph } from "../../models/feature-graph.js";
import type { CliContext } from "../cli-context.js";
import { CliError } from "../cli-error.js";
import { focusMerged, type MergedGraph, mergedJson, mergeSnapshots } from "../diff/merge-diff.js";
import { diffGraphData, diffMermaid, diffTerminal } from "../diff/render-diff.js";
import { type SnapshotFeature, snapshotData } from "../diff/snapshot-data.js";
import { jsonText } from "../json-text.js";
import { graphvizRender } from "../render/graphviz.js";
import { focusKey } from "../render/render-config.js";
import { DEFAULT_THEME } from "../render/theme.js";
import { type RenderFlags, renderConfigOf } from "../render-options.js";
import { type SystemTables, systemTablesOf } from "../system-tables.js";
import { streamStyle } from "../ui/style.js";

/**
 * Options of `metaxy graph-diff render`.
 *
 * @example
 * const options: GraphDiffOptions = { format: "json", store: "prod" };
 */
export interface GraphDiffOptions extends RenderFlags {
  readonly format: "terminal" | "mermaid" | "graphviz" | "dot" | "json";
  readonly store?: string;
  readonly output?: string;
}

/**
 * `metaxy graph-diff render FROM [TO]`: compares two graph snapshots of the current project — each
 * `latest` (the newest pushed), `current` (the entrypoints' graph) or a pushed project version; TO
 * defaults to `current`. Features are added, removed, changed (feature or definition version
 * differs, with field version transitions) or unchanged. Terminal, Mermaid, Graphviz or JSON
 * (`{nodes: {key: {status, old_version, new_version, dependencies, field_changes}}, edges}`).
 *
 * @example
 * await graphDiff(ctx, "latest", "current", { format: "mermaid" });
 */
export async function graphDiff(
  ctx: CliContext,
  from: string,
  to: string,
  options: GraphDiffOptions,
): Promise<void> {
  const { io } = ctx;
  const config = renderConfigOf(options, null);
  const project = ctx.project();
  if (project === null) {
    throw new CliError(
      "MISSING_REQUIRED_FLAG",
      "graph-diff: needs a project (set project in metaxy.toml or pass --project)",
    );
  }
  const graph = await ctx.graph();
  const store = await ctx.store(options.store);
  const tables = systemTablesOf(store);
  const [before, after] = await store.withOpen("r", async () => [
    await side(tables, from, graph, project),
    await side(tables, to, graph, project),
  ]);
  let merged: MergedGraph = mergeSnapshots(before!.data, after!.data);
  if (config.feature !== null) {
    try {
      merged = focusMerged(merged, focusKey(config.feature), config.up, config.down);
    } catch (error) {
      throw new CliError("FEATURES_NOT_FOUND", `graph-diff: ${(error as Error).message}`);
    }
  }
  const toFile = options.output !== undefined;
  let rendered: string;
  switch (options.format) {
    case "json":
      rendered = jsonText(mergedJson(merged));
      break;
    case "mermaid":
      rendered = diffMermaid(merged);
      break;
    case "terminal":
      rendered = diffTerminal(merged, toFile ? streamStyle({}, {}) : io.out);
      break;
    default:
      rendered = graphvizRender(diffGraphData(merged, after!.version), config, DEFAULT_THEME);
  }
  if (toFile) {
    writeFileSync(options.output!, rendered);
    io.status(`${io.err.green("✓")} Diff rendered to: ${options.output}`);
  } else if (options.format === "terminal" || options.format === "json") {
    io.data(rendered);
  } else {
    io.console(rendered);
  }
}

/** One side of the diff: its project version and per-feature data. */
async function side(
  tables: SystemTables,
  literal: string,
  current: FeatureGraph,
  project: string,
): Promise<{ readonly version: string; readonly data: Map<string, SnapshotFeature> }> {
  if (literal === "current") {
    const data = snapshotData(current, project);
    if (data.size === 0) {
      throw new CliError(
        "SNAPSHOT_ERROR",
        `graph-diff: cannot resolve 'current': project "${project}" has no features`,
      );
    }
    return { version: current.projectVersion(project), data };
  }
  let version = literal;
  if (literal === "latest") {
    const snapshots = await tables.readGraphSnapshots(project);
    if (snapshots.length === 0) {
      throw new CliError(
        "SNAPSHOT_ERROR",
        `graph-diff: cannot resolve 'latest': no snapshots of project "${project}" in the store; run 'metaxy push' first`,
      );
    }
    version = snapshots[0]!.projectVersion;
  }
  let graph: FeatureGraph;
  try {
    graph = await tables.loadGraph(version, project);
  } catch (cause) {
    throw new CliError(
      "SNAPSHOT_LOAD_FAILED",
      `graph-diff: cannot load snapshot ${version}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  return { version, data: snapshotData(graph, project) };
}
