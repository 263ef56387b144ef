import { createStore } from "../../config/create-store.js";
import { FeatureGraph } from "../../models/feature-graph.js";
import type { CliContext } from "../cli-context.js";
import { jsonText } from "../json-text.js";
import { renderTable } from "../ui/table.js";

/**
 * `metaxy list stores [--format plain|json]`: every configured store, its description (each store is
 * built to ask for its `display()`) and fallbacks. JSON:
 * `{default_store, store_count, stores: [{name, is_default, info, fallbacks}]}`.
 *
 * @example
 * await listStores(ctx, { format: "plain" });
 */
export async function listStores(
  ctx: CliContext,
  options: { readonly format: "plain" | "json" },
): Promise<void> {
  const config = ctx.config();
  // Descriptions need no features: an empty graph keeps this command independent of the entrypoints.
  const graph = new FeatureGraph({
    ...(config.project === null ? {} : { project: config.project }),
    hashTruncationLength: config.hashTruncationLength,
  });
  const stores = [];
  for (const name of config.storeNames()) {
    let info: string;
    let fallbacks: readonly string[] = [];
    try {
      fallbacks = config.resolveStore(name).options.fallbackStores;
      info = (await createStore(config, graph, name)).display();
    } catch (error) {
      info = `(unavailable: ${(error as Error).message})`;
    }
    stores.push({ name, is_default: name === config.store, info, fallbacks: [...fallbacks] });
  }
  if (options.format === "json") {
    ctx.io.data(jsonText({ default_store: config.store, store_count: stores.length, stores }));
    return;
  }
  if (stores.length === 0) {
    ctx.io.status(ctx.io.err.yellow("No stores configured"));
    return;
  }
  const rows = stores.map((s) => [
    s.is_default ? `${s.name} (default)` : s.name,
    s.info,
    s.fallbacks.length === 0 ? "-" : s.fallbacks.join(", "),
  ]);
  ctx.io.data(
    renderTable(
      {
        title: "Metadata Stores",
        columns: [
          { header: "Name", color: "cyan" },
          { header: "Info" },
          { header: "Fallbacks", color: "dim" },
        ],
        rows,
      },
      ctx.io.out,
    ),
  );
}
