import { FeatureNotFoundError, StoreNotOpenError } from "../../errors.js";
import type { CopyMetadataOptions, CopyMetadataResult, MetadataStore } from "../metadata-store.js";
import { filtersFor, toFilterList } from "./filter-list.js";
import { resolveFeature } from "./resolve-feature.js";
import type { StoreContext } from "./store-backend.js";
import { writeFeature } from "./write-feature.js";

/**
 * `store.copyMetadata` (Python `copy_metadata`): this store open in `"w"`, the source open in any
 * mode. For each feature (default: every feature of the graph's project, dependencies first) it
 * reads the source without fallback — by default every feature version, latest row per sample —
 * eagerly, and writes the rows here with `preserveFeatureVersion`. Features the source lacks, and
 * empty results, are skipped with a warning. As in Python, `write` gives the copies a new
 * `updated_at` and `materialization_id` but keeps `created_at`.
 *
 * @example
 * const { featuresCopied, rowsCopied } = await copyMetadata(ctx, source, { features: ["video/raw"] });
 */
export async function copyMetadata(
  ctx: StoreContext,
  from: MetadataStore,
  options: CopyMetadataOptions = {},
): Promise<CopyMetadataResult> {
  ctx.requireOpen("copyMetadata", "w");
  if (!from.isOpen) {
    throw new StoreNotOpenError(`store: copyMetadata source ${from.display()} is not open; open it first`);
  }
  const global = toFilterList(options.globalFilters);
  const wanted =
    options.features?.map((f) => resolveFeature(ctx.graph, f)) ??
    ctx.graph.list().filter((f) => ctx.graph.project === undefined || f.project === ctx.graph.project);
  const order = ctx.graph.topologicalOrder(wanted.map((f) => f.key)).map((k) => k.toString());
  const features = [...wanted].sort(
    (a, b) => order.indexOf(a.key.toString()) - order.indexOf(b.key.toString()),
  );
  let featuresCopied = 0;
  let rowsCopied = 0;
  for (const feature of features) {
    let rows: Awaited<ReturnType<MetadataStore["read"]>>;
    try {
      rows = await from.read(feature, {
        filters: [...filtersFor(options.filters, feature.key), ...global],
        withFeatureHistory: options.withFeatureHistory !== false,
        withSampleHistory: options.withSampleHistory === true,
        allowFallback: false,
      });
    } catch (error) {
      if (!(error instanceof FeatureNotFoundError)) throw error;
      process.emitWarning(`store: copyMetadata skips "${feature.key}": not found in ${from.display()}`, {
        code: "METAXY_COPY_SKIPPED",
      });
      continue;
    }
    if (rows.numRows === 0) {
      process.emitWarning(`store: copyMetadata skips "${feature.key}": no rows to copy`, {
        code: "METAXY_COPY_SKIPPED",
      });
      continue;
    }
    await writeFeature(ctx, feature, rows, { preserveFeatureVersion: true });
    featuresCopied++;
    rowsCopied += rows.numRows;
  }
  return { featuresCopied, rowsCopied };
}
