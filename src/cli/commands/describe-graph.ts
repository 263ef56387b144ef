import { METAXY_PROJECT_VERSION } from "../../constants.js";
import type { CliContext } from "../cli-context.js";
import { describeGraph } from "../describe-graph-info.js";
import { jsonText } from "../json-text.js";
import { renderTable } from "../ui/table.js";
import { requireSnapshot } from "./snapshot-source.js";

/**
 * Options of `metaxy describe graph`.
 *
 * @example
 * const options: DescribeGraphOptions = { format: "plain", snapshot: "2f02765d", store: "prod" };
 */
export interface DescribeGraphOptions {
  readonly format: "plain" | "json";
  readonly snapshot?: string;
  readonly store?: string;
}

/**
 * `metaxy describe graph [--snapshot PV] [--store NAME] [--format plain|json]`: feature count, depth,
 * roots and leaves of the current graph (restricted to the current project). As in Python,
 * `--snapshot` only checks that the snapshot was pushed; the current graph is described.
 *
 * @example
 * await describeGraphCommand(ctx, { format: "plain" });
 */
export async function describeGraphCommand(ctx: CliContext, options: DescribeGraphOptions): Promise<void> {
  const { io } = ctx;
  const graph = await ctx.graph();
  const project = ctx.project();
  if (options.snapshot === undefined) {
    io.status(io.err.cyan("Describing current graph from code"));
  } else {
    io.status(io.err.cyan(`Describing snapshot: ${options.snapshot}`));
    await requireSnapshot(ctx, options.snapshot, options.store);
  }
  const info = describeGraph(graph, project);
  if (options.format === "json") {
    io.data(jsonText(info));
    return;
  }
  const title = `Graph Snapshot: ${info[METAXY_PROJECT_VERSION]}${project === null ? "" : ` (Project: ${project})`}`;
  const rows: string[][] = [];
  if (info.filtered_features !== undefined && info.filtered_features < info.total_features) {
    rows.push(["Total Features", String(info.total_features)]);
    rows.push([`Features in ${info.filter_project}`, String(info.filtered_features)]);
  } else {
    rows.push(["Total Features", String(info.filtered_features ?? info.total_features)]);
  }
  rows.push(["Graph Depth", String(info.graph_depth)]);
  rows.push(["Root Features", String(info.root_features.length)]);
  rows.push(["Leaf Features", String(info.leaf_features.length)]);
  const lines = [
    renderTable(
      {
        title,
        columns: [
          { header: "Metric", color: "cyan" },
          { header: "Value", color: "yellow", justify: "right" },
        ],
        rows,
      },
      io.out,
    ).trimEnd(),
  ];
  const projects = Object.entries(info.projects).sort(([a], [b]) => (a < b ? -1 : 1));
  if (projects.length > 1) {
    lines.push("", io.out.bold("Features by Project:"));
    for (const [name, count] of projects) lines.push(`  • ${name}: ${count} features`);
  }
  for (const [heading, keys] of [
    ["Root Features:", info.root_features],
    ["Leaf Features:", info.leaf_features],
  ] as const) {
    if (keys.length === 0) continue;
    lines.push("", io.out.bold(heading));
    for (const key of keys.slice(0, 10)) lines.push(`  • ${key}`);
    if (keys.length > 10) lines.push(`  ... and ${keys.length - 10} more`);
  }
  io.data(lines.join("\n"));
}
