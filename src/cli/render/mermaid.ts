import type { FieldNode, GraphData, GraphNode } from "./graph-data.js";
import { topologicalNodes } from "./graph-walk.js";
import { formatHash, type RenderConfig } from "./render-config.js";
import { selectGraph } from "./select-graph.js";
import type { Theme } from "./theme.js";

const INIT_LINE =
  "    %%{init: {'flowchart': {'htmlLabels': true, 'curve': 'basis'}, 'themeVariables': {'fontSize': '14px'}}}%%";

/**
 * A Mermaid node id: the key with every character outside `[A-Za-z0-9_]` turned into `_`, lowercased.
 *
 * @example
 * mermaidId("example/face-detection"); // "example_face_detection"
 */
export function mermaidId(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, "_").toLowerCase();
}

/**
 * Renders the graph as a Mermaid flowchart laid out as Python Metaxy's `MermaidRenderer` writes it:
 * YAML title, `flowchart TB|LR`, the project version comment and init line, one tab-indented node per
 * feature (HTML label: key, project, version, fields with versions) in dependency order, then the
 * edges; nodes of a diff get shapes by status and border styles at the end. Ends with a newline.
 *
 * @example
 * mermaidRender(graphDataOf(graph, graph.projectVersion()), DEFAULT_RENDER_CONFIG, DEFAULT_THEME);
 */
export function mermaidRender(data: GraphData, config: RenderConfig, theme: Theme): string {
  const graph = selectGraph(data, config);
  const nodes = topologicalNodes(graph);
  const diff = nodes.some((n) => n.status !== "normal");
  const title = config.title ?? (diff ? "Feature Graph Changes" : "Feature Graph");
  const lines = ["---", `title: ${title}`, "---", `flowchart ${config.direction}`];
  if (config.showProjectVersion) {
    lines.push(`    %% Snapshot version: ${formatHash(graph.projectVersion, config.hashLength)}`);
  }
  lines.push(INIT_LINE);
  const present = new Set(nodes.map((n) => n.key));
  for (const node of nodes) {
    const [open, close] =
      node.status === "removed" ? ["([", "])"] : node.status === "added" ? ["(", ")"] : ["[", "]"];
    lines.push(`\t${mermaidId(node.key)}${open}"${nodeLabel(node, config, theme)}"${close}`);
  }
  for (const node of nodes) {
    for (const dep of node.dependencies) {
      if (present.has(dep)) lines.push(`\t${mermaidId(dep)} --> ${mermaidId(node.key)}`);
    }
  }
  lines.push("");
  if (diff) {
    const styles = [...nodes]
      .sort((a, b) => (a.key.toLowerCase() < b.key.toLowerCase() ? -1 : 1))
      .filter((n) => n.status !== "normal")
      .map((n) => `    style ${mermaidId(n.key)} ${statusStroke(n, theme)}`);
    if (styles.length > 0) lines.push("", ...styles);
  }
  return lines.join("\n");
}

function statusStroke(node: GraphNode, theme: Theme): string {
  switch (node.status) {
    case "added":
      return `stroke:${theme.addedColor},stroke-width:2px`;
    case "removed":
      return `stroke:${theme.removedColor},stroke-width:2px`;
    case "changed":
      return `stroke:${theme.changedColor},stroke-width:2px`;
    default:
      return `stroke:${theme.unchangedColor}`;
  }
}

function nodeLabel(node: GraphNode, config: RenderConfig, theme: Theme): string {
  const lines = [`<b>${node.key}</b>`];
  if (config.showProjects && node.project !== null) {
    lines.push(`<small><font color="#666">Project: ${node.project}</font></small>`);
  }
  if (config.showFeatureVersions || config.showCodeVersions) {
    const parts: string[] = [];
    if (config.showFeatureVersions && node.version !== null) {
      parts.push(
        node.status === "changed" && node.oldVersion !== null
          ? transition(node.oldVersion, node.version, config, theme)
          : formatHash(node.version, config.hashLength),
      );
    }
    if (config.showCodeVersions && node.codeVersion !== null) parts.push(`cv: ${node.codeVersion}`);
    if (parts.length > 0) lines.push(parts.join(", "));
  }
  if (config.showFields && node.fields.length > 0) {
    lines.push('<font color="#999">---</font>');
    for (const field of node.fields) lines.push(fieldLine(field, config, theme));
  }
  return `<div style="text-align:left">${lines.join("<br/>")}</div>`;
}

function fieldLine(field: FieldNode, config: RenderConfig, theme: Theme): string {
  const color =
    field.status === "changed"
      ? theme.changedColor
      : field.status === "added"
        ? theme.addedColor
        : field.status === "removed"
          ? theme.removedColor
          : null;
  const name = color === null ? field.key : `<font color="${color}">${field.key}</font>`;
  const parts = [`- ${name}`];
  if (config.showFieldVersions || config.showCodeVersions) {
    const versions: string[] = [];
    if (config.showFieldVersions) {
      versions.push(
        field.status === "changed" && field.oldVersion !== null
          ? transition(field.oldVersion, field.version, config, theme)
          : formatHash(field.version, config.hashLength),
      );
    }
    if (config.showCodeVersions && field.codeVersion !== null) versions.push(`cv: ${field.codeVersion}`);
    if (versions.length > 0) parts.push(`(${versions.join(", ")})`);
  }
  return parts.join(" ");
}

function transition(from: string, to: string | null, config: RenderConfig, theme: Theme): string {
  return (
    `<font color="${theme.oldVersionColor}">${formatHash(from, config.hashLength)}</font> → ` +
    `<font color="${theme.newVersionColor}">${formatHash(to, config.hashLength)}</font>`
  );
}
