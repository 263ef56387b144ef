import type { Style } from "../ui/style.js";
import type { FieldNode, GraphData, GraphNode, NodeStatus } from "./graph-data.js";
import { topologicalNodes } from "./graph-walk.js";
import { formatHash, type RenderConfig } from "./render-config.js";
import { selectGraph } from "./select-graph.js";

/**
 * A labelled tree, drawn with box guides by {@link drawTree}.
 *
 * @example
 * const tree: TreeNode = { label: "root", children: [{ label: "leaf", children: [] }] };
 */
export interface TreeNode {
  readonly label: string;
  readonly children: readonly TreeNode[];
}

/**
 * Draws a tree the way Rich's `Tree` does (`├── `, `└── `, `│   ` guides), ending with a newline.
 *
 * @example
 * drawTree({ label: "a", children: [{ label: "b", children: [] }] }); // "a\n└── b\n"
 */
export function drawTree(root: TreeNode): string {
  const out = [root.label];
  const walk = (node: TreeNode, prefix: string) => {
    node.children.forEach((child, i) => {
      const last = i === node.children.length - 1;
      out.push(`${prefix}${last ? "└── " : "├── "}${child.label}`);
      walk(child, `${prefix}${last ? "    " : "│   "}`);
    });
  };
  walk(root, "");
  return `${out.join("\n")}\n`;
}

/**
 * Renders the graph as a terminal tree (Python's `TerminalRenderer`): "📊 Graph (snapshot: …)", then
 * one branch per feature in dependency order with its version, a "🔧 fields" branch (field versions)
 * and a "⬅️  depends on" branch. Colours follow `style` (none when piped).
 *
 * @example
 * process.stdout.write(terminalRender(data, DEFAULT_RENDER_CONFIG, streamStyle(process.stdout)));
 */
export function terminalRender(data: GraphData, config: RenderConfig, style: Style): string {
  const graph = selectGraph(data, config);
  const title = config.title ?? "Graph";
  const header = config.showProjectVersion
    ? `📊 ${style.bold(title)} ${style.dim(`(snapshot: ${formatHash(graph.projectVersion, config.hashLength)})`)}`
    : `📊 ${style.bold(title)}`;
  return drawTree({
    label: header,
    children: topologicalNodes(graph).map((node) => featureBranch(node, config, style)),
  });
}

function colorOf(status: NodeStatus, style: Style): (text: string) => string {
  switch (status) {
    case "added":
      return style.green;
    case "removed":
      return style.red;
    case "changed":
      return style.yellow;
    case "unchanged":
      return style.dim;
    default:
      return style.cyan;
  }
}

const BADGES: Readonly<Record<NodeStatus, string>> = {
  normal: "",
  unchanged: "",
  added: "[+]",
  removed: "[-]",
  changed: "[~]",
};

function labelOf(
  name: string,
  item: GraphNode | FieldNode,
  showVersion: boolean,
  config: RenderConfig,
  style: Style,
): string {
  const color = colorOf(item.status, style);
  const parts = [color(name)];
  if (showVersion) {
    parts.push(
      item.status === "changed" && item.oldVersion !== null
        ? `${style.red(formatHash(item.oldVersion, config.hashLength))}... → ${style.green(formatHash(item.version, config.hashLength))}...`
        : style.yellow(`(v: ${formatHash(item.version, config.hashLength)})`),
    );
  }
  if (config.showCodeVersions && item.codeVersion !== null)
    parts.push(style.dim(`(cv: ${item.codeVersion})`));
  if (BADGES[item.status] !== "") parts.push(color(BADGES[item.status]));
  return parts.join(" ");
}

function featureBranch(node: GraphNode, config: RenderConfig, style: Style): TreeNode {
  const children: TreeNode[] = [];
  if (config.showFields && node.fields.length > 0) {
    children.push({
      label: `🔧 ${style.green("fields")}`,
      children: node.fields.map((field) => ({
        label: labelOf(field.key, field, config.showFieldVersions, config, style),
        children: [],
      })),
    });
  }
  if (node.dependencies.length > 0) {
    const color = colorOf(node.status, style);
    children.push({
      label: `⬅️  ${style.blue("depends on")}`,
      children: node.dependencies.map((dep) => ({ label: color(dep), children: [] })),
    });
  }
  return { label: labelOf(node.key, node, config.showFeatureVersions, config, style), children };
}
