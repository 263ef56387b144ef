import type { FieldNode, GraphData, GraphNode, NodeStatus } from "./graph-data.js";
import { topologicalNodes } from "./graph-walk.js";
import { formatHash, type RenderConfig } from "./render-config.js";
import { selectGraph } from "./select-graph.js";
import type { Theme } from "./theme.js";

/**
 * Renders the graph as a Graphviz DOT document (Python's `GraphvizRenderer`): `strict digraph` with
 * the direction and a "Graph (snapshot: …)" label; one node per feature in dependency order (shape
 * `doubleoctagon` for roots, `oval` added, `octagon` removed, `box` otherwise); dependency edges; and,
 * with fields shown, one ellipse per field joined to its feature by a dashed line.
 *
 * @example
 * graphvizRender(graphDataOf(graph, graph.projectVersion()), DEFAULT_RENDER_CONFIG, DEFAULT_THEME);
 */
export function graphvizRender(data: GraphData, config: RenderConfig, theme: Theme): string {
  const graph = selectGraph(data, config);
  const nodes = topologicalNodes(graph);
  const label = config.showProjectVersion
    ? `Graph (snapshot: ${formatHash(graph.projectVersion, config.hashLength)})`
    : "Graph";
  const lines = [
    "strict digraph {",
    `    rankdir=${config.direction};`,
    `    label="${dotEscape(config.title ?? label)}";`,
    "    labelloc=t;",
    "    fontsize=14;",
    "    fontname=helvetica;",
    "",
  ];
  for (const node of nodes) {
    lines.push(
      `    "${node.key}" [label="${featureLabel(node, config)}", shape=${shape(node)}, color="${statusColor(node.status, theme, theme.featureColor)}"];`,
    );
  }
  lines.push("");
  for (const node of graph.nodes.values()) {
    for (const dep of node.dependencies) lines.push(`    "${dep}" -> "${node.key}";`);
  }
  lines.push("");
  if (config.showFields) {
    for (const node of graph.nodes.values()) {
      for (const field of node.fields) {
        const id = `${node.key}::${field.key}`;
        lines.push(
          `    "${id}" [label="${fieldLabel(field, config)}", shape=ellipse, color="${statusColor(field.status, theme, theme.fieldColor)}", fontsize=10];`,
        );
        lines.push(`    "${node.key}" -> "${id}" [style=dashed, arrowhead=none];`);
      }
    }
  }
  lines.push("}");
  return lines.join("\n");
}

function shape(node: GraphNode): string {
  if (node.dependencies.length === 0) return "doubleoctagon";
  if (node.status === "removed") return "octagon";
  if (node.status === "added") return "oval";
  return "box";
}

function statusColor(status: NodeStatus, theme: Theme, normal: string): string {
  switch (status) {
    case "added":
      return theme.addedColor;
    case "removed":
      return theme.removedColor;
    case "changed":
      return theme.changedColor;
    case "unchanged":
      return theme.unchangedColor;
    default:
      return normal;
  }
}

const BADGES: Readonly<Record<NodeStatus, string>> = {
  normal: "",
  unchanged: "[UNCHANGED]",
  added: "[ADDED]",
  removed: "[REMOVED]",
  changed: "[CHANGED]",
};

function featureLabel(node: GraphNode, config: RenderConfig): string {
  return versionedLabel(node.key, node, node.codeVersion, config.showFeatureVersions, config);
}

function fieldLabel(field: FieldNode, config: RenderConfig): string {
  return versionedLabel(field.key, field, field.codeVersion, config.showFieldVersions, config);
}

function versionedLabel(
  name: string,
  item: { readonly status: NodeStatus; readonly version: string | null; readonly oldVersion: string | null },
  codeVersion: string | null,
  showVersion: boolean,
  config: RenderConfig,
): string {
  const parts = [dotEscape(name)];
  if (item.status !== "normal") parts.push(`\\n${BADGES[item.status]}`);
  if (showVersion) {
    parts.push(
      item.status === "changed" && item.oldVersion !== null
        ? `\\nv: ${formatHash(item.oldVersion, config.hashLength)} → ${formatHash(item.version, config.hashLength)}`
        : `\\nv: ${formatHash(item.version, config.hashLength)}`,
    );
  }
  if (config.showCodeVersions && codeVersion !== null) parts.push(`\\ncv: ${dotEscape(codeVersion)}`);
  return parts.join("");
}

/** DOT quoted-string escaping of `"` and `\`. */
function dotEscape(text: string): string {
  return text.replace(/[\\"]/g, (c) => `\\${c}`);
}
