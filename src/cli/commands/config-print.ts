import type { CliContext } from "../cli-context.js";

/**
 * `metaxy config print [--format toml|json]`: the effective configuration on stdout.
 *
 * @example
 * await configPrint(ctx, { format: "json" });
 */
export async function configPrint(
  ctx: CliContext,
  options: { readonly format: "toml" | "json" },
): Promise<void> {
  const config = ctx.effectiveConfig();
  ctx.io.data(options.format === "json" ? JSON.stringify(config.toJSON(), null, 2) : config.toTOML());
}
