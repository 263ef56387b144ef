import type { CliContext } from "../cli-context.js";
import { jsonText } from "../json-text.js";

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
  ctx.io.data(options.format === "json" ? jsonText(config.toJSON()) : config.toTOML());
}
