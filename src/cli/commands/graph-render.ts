import { writeFileSync } from "node:fs";
import type { FeatureGraph } from "../../models/feature-graph.js";
import type { CliContext } from "../cli-context.js";
import { CliError } from "../cli-error.js";
import { graphDataOf } from "../render/graph-data.js";
import { graphvizRender } from "../render/graphviz.js";
import { mermaidRender } from "../render/mermaid.js";
import { focusKey } from "../render/render-config.js";
import { terminalRender } from "../render/terminal-tree.js";
import { DEFAULT_THEME } from "../render/theme.js";
import { type RenderFlags, renderConfigOf } from "../render-options.js";
import { streamStyle } from "../ui/style.js";
import { loadSnapshotGraph } from "./snapshot-source.js";

/**
 * Options of `metaxy graph render`.
 *
 * @example
 * const options: GraphRenderOptions = { format: "mermaid", output: "graph.mmd" };
 */
export interface GraphRenderOptions extends RenderFlags {
  readonly format: "terminal" | "mermaid" | "graphviz" | "dot";
  readonly output?: string;
  readonly snapshot?: string;
  readonly store?: string;
}

/**
 * `metaxy graph render [--format terminal|mermaid|graphviz] [render flags] [-o FILE]`: the current
 * graph (or a pushed snapshot with `--snapshot`), restricted to the current project and the parents
 * of its features. Mermaid and DOT go to stdout laid out like Python's console, or verbatim to
 * `--output`.
 *
 * @example
 * await graphRender(ctx, { format: "mermaid" });
 */
export async function graphRender(ctx: CliContext, options: GraphRenderOptions): Promise<void> {
  const { io } = ctx;
  const config = renderConfigOf(options, ctx.project());
  let graph: FeatureGraph;
  if (options.snapshot === undefined) {
    graph = await ctx.graph();
  } else {
    graph = await loadSnapshotGraph(ctx, options.snapshot, options.store);
    io.status(
      `${io.err.green("✓")} Loaded ${graph.list().length} features from snapshot ${options.snapshot}`,
    );
  }
  if (config.feature !== null && !graph.has(focusKey(config.feature))) {
    const available = graph
      .list()
      .map((f) => f.key.toString())
      .sort();
    throw new CliError("FEATURES_NOT_FOUND", `render: feature "${config.feature}" is not in the graph`, {
      details: { missing_features: [focusKey(config.feature)], available_features: available },
    });
  }
  if (graph.list().length === 0) {
    io.status(`${io.err.yellow("Warning:")} Graph is empty (no features found)`);
    if (options.output !== undefined) writeFileSync(options.output, "");
    return;
  }
  const data = graphDataOf(graph, projectVersionOf(graph, ctx.project() ?? ctx.config().project));
  const rendered =
    options.format === "mermaid"
      ? mermaidRender(data, config, DEFAULT_THEME)
      : options.format === "terminal"
        ? terminalRender(data, config, options.output === undefined ? io.out : streamStyle({}, {}))
        : graphvizRender(data, config, DEFAULT_THEME);
  if (options.output !== undefined) {
    writeFileSync(options.output, rendered);
    io.status(`${io.err.green("✓")} Rendered graph saved to: ${options.output}`);
  } else if (options.format === "terminal") {
    io.data(rendered);
  } else {
    io.console(rendered);
  }
}

/**
 * The project version shown in headers: the config project's, else the graph's single project's;
 * null when the graph spans several projects and none is configured.
 *
 * @example
 * projectVersionOf(graph, "demo"); // "2f02765d"
 */
export function projectVersionOf(graph: FeatureGraph, project: string | null): string | null {
  try {
    return graph.projectVersion(project ?? undefined);
  } catch {
    return null;
  }
}
