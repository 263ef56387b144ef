import { METAXY_PROJECT_VERSION } from "../../constants.js";
import type { CliContext } from "../cli-context.js";
import { jsonText } from "../json-text.js";
import { systemTablesOf } from "../system-tables.js";
import { renderTable } from "../ui/table.js";

/**
 * `metaxy history [--store NAME] [--limit N] [--format plain|json]`: the pushed graph snapshots of
 * the current project, newest first ("Graph Snapshot History": project version, recorded at (UTC,
 * `YYYY-MM-DD HH:MM:SS`), feature count; then "Total snapshots: N").
 *
 * @example
 * await history(ctx, { limit: 5, format: "plain" });
 */
export async function history(
  ctx: CliContext,
  options: { readonly store?: string; readonly limit?: number; readonly format: "plain" | "json" },
): Promise<void> {
  const { io } = ctx;
  const store = await ctx.store(options.store);
  const tables = systemTablesOf(store);
  const all = await store.withOpen("r", () => tables.readGraphSnapshots(ctx.project()));
  const snapshots = options.limit === undefined ? all : all.slice(0, options.limit);
  if (options.format === "json") {
    io.data(
      jsonText({
        snapshots: snapshots.map((s) => ({
          [METAXY_PROJECT_VERSION]: s.projectVersion,
          recorded_at: s.recordedAt.toISOString(),
          feature_count: s.featureCount,
        })),
      }),
    );
    return;
  }
  if (snapshots.length === 0) {
    io.status(io.err.yellow("No graph snapshots recorded yet"));
    return;
  }
  const rows = snapshots.map((s) => [
    s.projectVersion,
    s.recordedAt.toISOString().slice(0, 19).replace("T", " "),
    String(s.featureCount),
  ]);
  const table = renderTable(
    {
      title: "Graph Snapshot History",
      columns: [
        { header: "Project version", color: "cyan" },
        { header: "Recorded At", color: "green" },
        { header: "Feature Count", color: "yellow", justify: "right" },
      ],
      rows,
    },
    io.out,
  );
  io.data(`${table}\nTotal snapshots: ${snapshots.length}`);
}
