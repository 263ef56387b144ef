import type { GraphData, GraphNode } from "../render/graph-data.js";
import type { Style } from "../ui/style.js";
import type { FieldChange, MergedGraph, MergedNode } from "./merge-diff.js";

const INIT_LINE =
  "    %%{init: {'flowchart': {'htmlLabels': true, 'curve': 'basis'}, 'themeVariables': {'fontSize': '14px'}}}%%";

function short(hash: string | null, length = 6): string {
  return hash === null ? "none" : hash.slice(0, length);
}

function diffId(key: string): string {
  return key.replaceAll("/", "_").replaceAll("-", "_");
}

/**
 * The merged diff as Python's "Feature Graph Changes" Mermaid chart: 6-character hashes, red → green
 * version transitions, orange changed field names, border styles for added / removed / changed.
 *
 * @example
 * diffMermaid(mergeSnapshots(before, after));
 */
export function diffMermaid(merged: MergedGraph): string {
  const lines = ["---", "title: Feature Graph Changes", "---", "flowchart TB", INIT_LINE, ""];
  if (merged.nodes.size === 0) {
    lines.push("    Empty[No features]");
    return lines.join("\n");
  }
  for (const [key, node] of merged.nodes) {
    const parts = [`<b>${key}</b>`, versionPart(node)];
    const fieldKeys = [
      ...new Set([...Object.keys(node.fields), ...node.field_changes.map((c) => c.field_key)]),
    ].sort();
    if (Object.keys(node.fields).length > 0) {
      parts.push('<font color="#999">---</font>');
      for (const field of fieldKeys) {
        const label = fieldLabel(
          field,
          node.field_changes.find((c) => c.field_key === field),
          node.fields[field],
        );
        if (label !== null) parts.push(label);
      }
    }
    lines.push(`    ${diffId(key)}["<div style="text-align:left">${parts.join("<br/>")}</div>"]`);
    const stroke = { added: "#00FF00", removed: "#FF0000", changed: "#FFAA00" }[node.status as string];
    if (stroke !== undefined) lines.push(`    style ${diffId(key)} stroke:${stroke},stroke-width:2px`);
  }
  lines.push("");
  for (const edge of merged.edges) lines.push(`    ${diffId(edge.from)} --> ${diffId(edge.to)}`);
  lines.push("");
  return lines.join("\n");
}

function versionPart(node: MergedNode): string {
  if (node.status === "changed") {
    return `<font color="#CC0000">${short(node.old_version)}</font> → <font color="#00AA00">${short(node.new_version)}</font>`;
  }
  return node.status === "removed" ? short(node.old_version) : short(node.new_version);
}

function fieldLabel(
  key: string,
  change: FieldChange | undefined,
  version: string | undefined,
): string | null {
  if (change === undefined) return version === undefined ? null : `- ${key} (${short(version)})`;
  if (change.is_added) return `<font color="#00AA00">- ${key} (${short(change.new_version)})</font>`;
  if (change.is_removed) return `<font color="#CC0000">- ${key} (${short(change.old_version)})</font>`;
  return (
    `- <font color="#FFAA00">${key}</font> ` +
    `(<font color="#CC0000">${short(change.old_version)}</font> → <font color="#00AA00">${short(change.new_version)}</font>)`
  );
}

/**
 * The merged diff as Python's terminal "Feature Graph (merged view)": unchanged, changed, added, then
 * removed features, each with its version line, dependencies and fields.
 *
 * @example
 * process.stdout.write(diffTerminal(merged, streamStyle(process.stdout)));
 */
export function diffTerminal(merged: MergedGraph, style: Style): string {
  if (merged.nodes.size === 0) return `${style.yellow("Empty graph (no features)")}\n`;
  const order = { unchanged: 0, changed: 1, added: 2, removed: 3 } as const;
  const nodes = [...merged.nodes].sort(
    ([ka, a], [kb, b]) => order[a.status] - order[b.status] || (ka < kb ? -1 : 1),
  );
  const lines = [style.bold("Feature Graph (merged view):"), ""];
  for (const [key, node] of nodes) {
    const [symbol, text] =
      node.status === "added"
        ? [style.green("+"), style.green("(added)")]
        : node.status === "removed"
          ? [style.red("-"), style.red("(removed)")]
          : node.status === "changed"
            ? [style.yellow("~"), style.yellow("(changed)")]
            : [" ", ""];
    lines.push(`${symbol} ${style.bold(key)} ${text}`.trimEnd());
    const hash = (h: string | null) => (h === null ? "none" : h.slice(0, 8));
    lines.push(
      node.status === "changed"
        ? `  version: ${hash(node.old_version)}... → ${hash(node.new_version)}...`
        : `  version: ${hash(node.status === "removed" ? node.old_version : node.new_version)}...`,
    );
    if (node.dependencies.length > 0) lines.push(`  depends on: ${node.dependencies.join(", ")}`);
    const fieldKeys = [
      ...new Set([...Object.keys(node.fields), ...node.field_changes.map((c) => c.field_key)]),
    ].sort();
    if (fieldKeys.length > 0) {
      lines.push("  fields:");
      for (const field of fieldKeys) {
        const change = node.field_changes.find((c) => c.field_key === field);
        if (change === undefined) lines.push(`      ${field} (${hash(node.fields[field] ?? null)}...)`);
        else if (change.is_added)
          lines.push(`    ${style.green("+")} ${field} (${hash(change.new_version)}...)`);
        else if (change.is_removed)
          lines.push(`    ${style.red("-")} ${field} (${hash(change.old_version)}...)`);
        else {
          lines.push(
            `    ${style.yellow("~")} ${field} (${style.red(hash(change.old_version))}... → ${style.green(hash(change.new_version))}...)`,
          );
        }
      }
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The merged diff as renderer {@link GraphData} (statuses, old and new versions), for the Graphviz
 * renderer.
 *
 * @example
 * graphvizRender(diffGraphData(merged, "2f02765d"), config, DEFAULT_THEME);
 */
export function diffGraphData(merged: MergedGraph, projectVersion: string | null): GraphData {
  const nodes = new Map<string, GraphNode>();
  for (const [key, node] of merged.nodes) {
    const fieldKeys = [
      ...new Set([...Object.keys(node.fields), ...node.field_changes.map((c) => c.field_key)]),
    ].sort();
    nodes.set(key, {
      key,
      version: node.new_version,
      oldVersion: node.old_version,
      codeVersion: null,
      dependencies: node.dependencies,
      status: node.status,
      project: null,
      fields: fieldKeys.map((field) => {
        const change = node.field_changes.find((c) => c.field_key === field);
        if (change === undefined) {
          return {
            key: field,
            version: node.fields[field] ?? null,
            oldVersion: null,
            codeVersion: null,
            status: "unchanged" as const,
          };
        }
        return {
          key: field,
          version: change.new_version,
          oldVersion: change.old_version,
          codeVersion: null,
          status: change.is_added
            ? ("added" as const)
            : change.is_removed
              ? ("removed" as const)
              : ("changed" as const),
        };
      }),
    });
  }
  return { nodes, projectVersion };
}
