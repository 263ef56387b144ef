import type { FeatureGraph } from "../../models/feature-graph.js";
import type { CliContext } from "../cli-context.js";
import { CliError } from "../cli-error.js";
import { systemTablesOf } from "../system-tables.js";

/**
 * Checks that a project version was pushed to the store (`SNAPSHOT_ERROR` otherwise).
 *
 * @example
 * await requireSnapshot(ctx, "2f02765d", "prod");
 */
export async function requireSnapshot(
  ctx: CliContext,
  projectVersion: string,
  storeName?: string,
): Promise<void> {
  const store = await ctx.store(storeName);
  const tables = systemTablesOf(store);
  const snapshots = await store.withOpen("r", () => tables.readGraphSnapshots(ctx.project()));
  if (!snapshots.some((s) => s.projectVersion === projectVersion)) {
    throw new CliError(
      "SNAPSHOT_ERROR",
      `snapshot: no features recorded for project version ${projectVersion}`,
    );
  }
}

/**
 * The graph recorded under a pushed project version (`SNAPSHOT_LOAD_FAILED` when it cannot be read).
 *
 * @example
 * const old = await loadSnapshotGraph(ctx, "2f02765d");
 */
export async function loadSnapshotGraph(
  ctx: CliContext,
  projectVersion: string,
  storeName?: string,
): Promise<FeatureGraph> {
  const store = await ctx.store(storeName);
  const tables = systemTablesOf(store);
  try {
    return await store.withOpen("r", () => tables.loadGraph(projectVersion, ctx.project()));
  } catch (cause) {
    throw new CliError(
      "SNAPSHOT_LOAD_FAILED",
      `snapshot: cannot load project version ${projectVersion}: ${(cause as Error).message}`,
      { cause },
    );
  }
}
