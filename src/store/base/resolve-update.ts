import type { Table } from "apache-arrow";
import { takeTable } from "../../arrow/take-table.js";
import { toArrowTable } from "../../arrow/to-arrow-table.js";
import { FeatureNotFoundError, InvalidArgumentError } from "../../errors.js";
import { filterTable } from "../../filters/filter-table.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import { expectedFrame } from "../../versioning/expected-frame.js";
import { Increment } from "../../versioning/increment.js";
import { incrementOptions } from "../../versioning/increment-options.js";
import { prepareSamples } from "../../versioning/prepare-samples.js";
import { resolveIncrement } from "../../versioning/resolve-increment.js";
import { versioningContext } from "../../versioning/versioning-context.js";
import type { ResolveUpdateOptions } from "../metadata-store.js";
import { filtersFor, toFilterList } from "./filter-list.js";
import { readStoredFeature } from "./read-feature.js";
import { isSystemKey, resolveFeature } from "./resolve-feature.js";
import type { StoreContext } from "./store-backend.js";
import { upstreamColumns } from "./upstream-columns.js";

/**
 * `store.resolveUpdate` (metaxy-versioning §5.2); any open mode. The expected frame comes from
 * `samples` (required for root features; filtered by the target's filters) or from the upstreams,
 * each read through `read` — fallback allowed, filtered by `filters[upstream]` + `globalFilters`
 * with pre-rename names, an optional upstream without a table anywhere left out. The stored rows
 * are this store's only (no fallback), filtered by `filters[target]` + `globalFilters` +
 * `targetFilters`. `skipComparison` (or no stored table) makes every expected row new.
 *
 * @example
 * const inc = await resolveUpdate(ctx, "video/faces", { globalFilters: ["video_id < 10"] });
 */
export async function resolveUpdate(
  ctx: StoreContext,
  ref: FeatureKeyInput,
  options: ResolveUpdateOptions = {},
): Promise<Increment> {
  ctx.requireOpen("resolveUpdate", "r");
  if (isSystemKey(ref)) {
    throw new InvalidArgumentError(`store: resolveUpdate is not supported for system table "${String(ref)}"`);
  }
  const feature = resolveFeature(ctx.graph, ref);
  const plan = feature.plan();
  if (plan.isRoot && options.samples === undefined) {
    throw new InvalidArgumentError(
      `store: "${feature.key}" is a root feature: resolveUpdate needs \`samples\` (id columns and "metaxy_provenance_by_field")`,
    );
  }
  const vctx = versioningContext(feature.graph, {
    hashAlgorithm: ctx.hashAlgorithm,
    kernels: options.kernels ?? ctx.kernels,
    enableMapDatatype: ctx.enableMapDatatype,
  });
  const global = toFilterList(options.globalFilters);
  const predicates = toFilterList(options.stalenessPredicates);
  const targetFilters = [
    ...filtersFor(options.filters, feature.key),
    ...global,
    ...toFilterList(options.targetFilters),
  ];
  let expected: Table;
  if (options.samples !== undefined) {
    const samples = await toArrowTable(options.samples, { enableMapDatatype: ctx.enableMapDatatype });
    expected = prepareSamples(plan, filterTable(samples, targetFilters), vctx);
  } else {
    const upstream = new Map<string, Table>();
    for (const dep of plan.deps) {
      const filters = [...filtersFor(options.filters, dep.key), ...global];
      const columns = await upstreamColumns(ctx, dep);
      try {
        const table = await ctx.store.read(dep.upstream, {
          filters,
          ...(columns === undefined ? {} : { columns }),
        });
        upstream.set(dep.key.toString(), table);
      } catch (error) {
        if (!(dep.optional && error instanceof FeatureNotFoundError)) throw error;
      }
    }
    expected = expectedFrame(plan, upstream, vctx);
  }
  if (options.skipComparison === true) {
    const none = takeTable(expected, new Int32Array(0), vctx.kernels.take);
    return new Increment({ new: expected, stale: none, orphaned: none });
  }
  const current = await readStoredFeature(ctx, feature, { filters: targetFilters });
  return resolveIncrement(expected, current, incrementOptions(plan, vctx, predicates));
}
