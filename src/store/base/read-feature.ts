import type { Table } from "apache-arrow";
import { selectColumns } from "../../arrow/select-columns.js";
import { FeatureNotFoundError, InvalidArgumentError, SystemDataNotFoundError } from "../../errors.js";
import { filterTable } from "../../filters/filter-table.js";
import type { Feature } from "../../models/feature.js";
import { FeatureKey, type FeatureKeyInput } from "../../models/feature-key.js";
import type { MetadataStore, ReadOptions } from "../metadata-store.js";
import { applyReadPipeline } from "./apply-read-pipeline.js";
import { toFilterList } from "./filter-list.js";
import { readColumns } from "./read-columns.js";
import { isSystemKey, resolveFeature } from "./resolve-feature.js";
import type { StoreContext } from "./store-backend.js";

/**
 * `store.read`: this store's rows of the feature through the read pipeline, else (with
 * `allowFallback`, the default) the first fallback store, in order, that has the feature's table —
 * all-or-nothing per feature, so an existing empty table here wins. Nowhere is a
 * FeatureNotFoundError naming the feature and every store tried. System keys are read as stored
 * (filters and columns only; SystemDataNotFoundError when absent).
 *
 * @example
 * const rows = await readFeature(ctx, "video/raw", { filters: ["fps > 24"] });
 */
export async function readFeature(
  ctx: StoreContext,
  ref: FeatureKeyInput,
  options: ReadOptions = {},
): Promise<Table> {
  ctx.requireOpen("read", "r");
  if (isSystemKey(ref)) return readSystemTable(ctx, FeatureKey.from(ref), options);
  const feature = resolveFeature(ctx.graph, ref);
  const local = await readStoredFeature(ctx, feature, options);
  if (local !== null) return local;
  if (options.allowFallback !== false) {
    for (const fallback of ctx.fallbackStores) {
      try {
        return await fallback.withOpen("r", (s) => s.read(feature, { ...options, allowFallback: true }));
      } catch (error) {
        if (!(error instanceof FeatureNotFoundError)) throw error;
      }
    }
  }
  const tried = options.allowFallback === false ? [ctx.store.display()] : chainLabels(ctx.store);
  throw new FeatureNotFoundError(`store: feature "${feature.key}" not found in ${tried.join(", ")}`);
}

/**
 * This store's rows of the feature through the read pipeline, or null when it has no table for
 * it (fallbacks are not consulted).
 *
 * @example
 * const current = await readStoredFeature(ctx, feature, { filters });
 */
export async function readStoredFeature(
  ctx: StoreContext,
  feature: Feature,
  options: ReadOptions,
): Promise<Table | null> {
  const history = options.withFeatureHistory === true;
  if (options.featureVersion !== undefined && !history) {
    throw new InvalidArgumentError(
      `store: read of "${feature.key}": featureVersion "${options.featureVersion}" requires withFeatureHistory: true`,
    );
  }
  const featureVersion = history ? (options.featureVersion ?? null) : feature.featureVersion();
  const filters = toFilterList(options.filters);
  const pipeline = {
    featureVersion,
    idColumns: feature.spec.idColumns,
    dedup: options.withSampleHistory !== true,
    dropSoftDeleted: options.includeSoftDeleted !== true,
    filters,
    columns: options.columns,
  };
  const columns = readColumns({ ...pipeline, versionFilter: featureVersion !== null });
  const raw = await ctx.backend.readTable(feature.key, {
    ...(columns === undefined ? {} : { columns }),
    ...(featureVersion === null ? {} : { featureVersion }),
  });
  return raw === null ? null : applyReadPipeline(raw, pipeline, ctx.kernels);
}

async function readSystemTable(ctx: StoreContext, key: FeatureKey, options: ReadOptions): Promise<Table> {
  const filters = toFilterList(options.filters);
  const columns = readColumns({
    columns: options.columns,
    idColumns: [],
    versionFilter: false,
    dedup: false,
    dropSoftDeleted: false,
    filters,
  });
  const raw = await ctx.backend.readTable(key, columns === undefined ? {} : { columns });
  if (raw === null) {
    throw new SystemDataNotFoundError(
      `store: system table "${key}" does not exist in ${ctx.store.display()}`,
    );
  }
  const out = filterTable(raw, filters);
  return options.columns === undefined ? out : selectColumns(out, options.columns);
}

/**
 * The display of a store and, depth first, of every store in its fallback chain.
 *
 * @example
 * chainLabels(store); // ["[dev] InMemoryMetadataStore()", "[prod] DeltaMetadataStore(path=/data)"]
 */
export function chainLabels(store: MetadataStore): string[] {
  return [store.display(), ...store.fallbackStores.flatMap(chainLabels)];
}
