import type { CliContext } from "../cli-context.js";
import { CliError } from "../cli-error.js";
import { jsonText } from "../json-text.js";
import { parseFilters } from "../parse-filters.js";
import { selectFeatures } from "../select-features.js";

/**
 * Options of `metaxy metadata delete`.
 *
 * @example
 * const options: MetadataDeleteOptions = { allFeatures: true, hard: true, yes: true, format: "plain" };
 */
export interface MetadataDeleteOptions {
  readonly allFeatures?: boolean;
  readonly store?: string;
  readonly filter?: readonly string[];
  readonly hard?: boolean;
  readonly withFeatureHistory?: boolean;
  readonly yes?: boolean;
  readonly dryRun?: boolean;
  readonly format: "plain" | "json";
}

/**
 * `metaxy metadata delete <keys… | --all-features> [--filter SQL]… [--hard] [--yes] [--dry-run]`:
 * soft-deletes (tombstones) the matching rows of the current feature version, or removes them with
 * `--hard`. A hard delete without filters needs `--yes` (`MISSING_CONFIRMATION`). `--dry-run` only
 * counts the rows that would go. Features fail independently; any failure exits 1.
 *
 * @example
 * await metadataDelete(ctx, ["example/crop"], { filter: ["sample_uid = 3"], format: "plain" });
 */
export async function metadataDelete(
  ctx: CliContext,
  keys: readonly string[],
  options: MetadataDeleteOptions,
): Promise<number> {
  const { io } = ctx;
  const hard = options.hard === true;
  const texts = options.filter ?? [];
  const filters = parseFilters(texts, "--filter");
  const features = selectFeatures(
    await ctx.graph(),
    keys,
    options.allFeatures === true,
    ctx.project(),
    "metadata delete",
  );
  if (hard && filters.length === 0 && options.yes !== true && options.dryRun !== true) {
    throw new CliError(
      "MISSING_CONFIRMATION",
      `metadata delete: a hard delete without --filter removes every row of ${features.length} feature(s); pass --yes to confirm`,
    );
  }
  const store = await ctx.store(options.store);
  const mode = hard ? "hard" : "soft";
  const withFeatureHistory = options.withFeatureHistory === true;
  const results: { feature: string; rows?: number; error?: string }[] = [];
  await store.withOpen(options.dryRun === true ? "r" : "w", async () => {
    for (const feature of features) {
      const key = feature.key.toString();
      try {
        if (!(await store.hasFeature(feature))) {
          results.push({ feature: key, rows: 0 });
          if (options.format !== "json") io.status(`${io.err.dim("-")} ${key}: no metadata stored`);
          continue;
        }
        if (options.dryRun === true) {
          const rows = (
            await store.read(feature, {
              filters,
              withFeatureHistory,
              allowFallback: false,
              columns: [...feature.spec.idColumns],
            })
          ).numRows;
          results.push({ feature: key, rows });
          if (options.format !== "json") {
            const scope = texts.length === 0 ? "all rows" : `filters: ${texts.join(" AND ")}`;
            io.status(`Dry run: ${rows} row(s) of ${key} would be deleted (${mode} delete; ${scope})`);
          }
        } else {
          await store.delete(feature, filters.length === 0 ? null : filters, {
            soft: !hard,
            withFeatureHistory,
          });
          results.push({ feature: key });
          if (options.format !== "json") io.status(`${io.err.green("✓")} ${key}`);
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.push({ feature: key, error: message });
        if (options.format !== "json") io.status(`${io.err.red("✗")} ${key}: ${message}`);
      }
    }
  });
  const failed = results.filter((r) => r.error !== undefined).length;
  if (options.format === "json") {
    io.data(jsonText({ mode, dry_run: options.dryRun === true, filters: texts, features: results }));
  } else if (options.dryRun !== true) {
    io.status(
      failed === 0
        ? `${io.err.green("✓")} Deletion complete (${mode} delete)`
        : `${io.err.red("✗")} Deletion failed for ${failed} of ${results.length} feature(s) (${mode} delete)`,
    );
  }
  return failed > 0 ? 1 : 0;
}
