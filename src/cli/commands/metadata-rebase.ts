import { METAXY_FEATURE_VERSION } from "../../constants.js";
import type { CliContext } from "../cli-context.js";
import { CliError } from "../cli-error.js";
import { jsonText } from "../json-text.js";
import { selectFeatures } from "../select-features.js";

/**
 * Options of `metaxy metadata rebase`.
 *
 * @example
 * const options: MetadataRebaseOptions = { from: "34d75856", dryRun: true, format: "plain" };
 */
export interface MetadataRebaseOptions {
  readonly from?: string;
  readonly to?: string;
  readonly store?: string;
  readonly dryRun?: boolean;
  readonly format: "plain" | "json";
}

/**
 * `metaxy metadata rebase FEATURE --from VERSION [--to VERSION] [--dry-run]`: reads the feature's rows
 * stored under feature version `--from` (this store only), recomputes their provenance for `--to`
 * (default: the current version) and writes them with the target version preserved.
 *
 * @example
 * await metadataRebase(ctx, "example/crop", { from: "34d75856", format: "plain" });
 */
export async function metadataRebase(
  ctx: CliContext,
  key: string,
  options: MetadataRebaseOptions,
): Promise<void> {
  const { io } = ctx;
  if (options.from === undefined)
    throw new CliError("MISSING_REQUIRED_FLAG", "metadata rebase: --from is required");
  const [feature] = selectFeatures(await ctx.graph(), [key], false, null, "metadata rebase");
  const store = await ctx.store(options.store);
  const from = options.from;
  const to = options.to ?? feature!.featureVersion();
  const count = await store.withOpen(options.dryRun === true ? "r" : "w", async () => {
    const rows = await store.read(feature!, {
      withFeatureHistory: true,
      featureVersion: from,
      allowFallback: false,
    });
    if (rows.numRows === 0) return 0;
    const rebased = await store.rebase(
      feature!,
      rows,
      options.to === undefined ? {} : { toFeatureVersion: options.to },
    );
    if (options.dryRun !== true) await store.write(feature!, rebased, { preserveFeatureVersion: true });
    return rebased.numRows;
  });
  if (options.format === "json") {
    io.data(
      jsonText({ feature: feature!.key.toString(), from, to, dry_run: options.dryRun === true, rows: count }),
    );
  } else if (count === 0) {
    io.status(
      `${io.err.yellow("Warning:")} no rows of ${feature!.key} stored with ${METAXY_FEATURE_VERSION} ${from}`,
    );
  } else if (options.dryRun === true) {
    io.status(`Dry run: ${count} row(s) would be rebased from ${from} to ${to}`);
  } else {
    io.status(`${io.err.green("✓")} Rebased ${count} row(s) from ${from} to ${to}`);
  }
}
