import type { CliContext } from "../cli-context.js";
import { CliError } from "../cli-error.js";
import { jsonText } from "../json-text.js";
import { parseFilters } from "../parse-filters.js";
import { selectFeatures } from "../select-features.js";

/**
 * Options of `metaxy metadata copy`.
 *
 * @example
 * const options: MetadataCopyOptions = { from: "prod", to: "dev", allFeatures: true, format: "plain" };
 */
export interface MetadataCopyOptions {
  readonly allFeatures?: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly filter?: readonly string[];
  readonly withFeatureHistory?: boolean;
  readonly withSampleHistory?: boolean;
  readonly format: "plain" | "json";
}

/**
 * `metaxy metadata copy <keys… | --all-features> --from STORE --to STORE [--filter SQL]…`: copies
 * the features' rows between two configured stores (every feature version unless
 * `--no-with-feature-history`; `--filter` applies to every feature).
 *
 * @example
 * await metadataCopy(ctx, [], { allFeatures: true, from: "prod", to: "dev", format: "plain" });
 */
export async function metadataCopy(
  ctx: CliContext,
  keys: readonly string[],
  options: MetadataCopyOptions,
): Promise<void> {
  const { io } = ctx;
  if (options.from === undefined || options.to === undefined) {
    throw new CliError("MISSING_REQUIRED_FLAG", "metadata copy: --from and --to are required");
  }
  if (options.from === options.to) {
    throw new CliError(
      "CONFLICTING_FLAGS",
      `metadata copy: --from and --to name the same store "${options.from}"`,
    );
  }
  const globalFilters = parseFilters(options.filter, "--filter");
  const features = selectFeatures(
    await ctx.graph(),
    keys,
    options.allFeatures === true,
    ctx.project(),
    "metadata copy",
  );
  const source = await ctx.store(options.from);
  const destination = await ctx.store(options.to);
  if (options.format !== "json")
    io.status(`Copying ${features.length} feature(s) from ${options.from} to ${options.to}...`);
  const result = await source.withOpen("r", () =>
    destination.withOpen("w", (dest) =>
      dest.copyMetadata(source, {
        features,
        globalFilters,
        withFeatureHistory: options.withFeatureHistory !== false,
        withSampleHistory: options.withSampleHistory === true,
      }),
    ),
  );
  if (options.format === "json") {
    io.data(jsonText({ features_copied: result.featuresCopied, rows_copied: result.rowsCopied }));
  } else {
    io.status(
      `${io.err.green("✓")} Copy complete: ${result.featuresCopied} feature(s), ${result.rowsCopied} row(s) copied`,
    );
  }
}
