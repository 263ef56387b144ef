import { Field, Null, type Table } from "apache-arrow";
import { assembleTable } from "../arrow/assemble-table.js";
import { nullVector } from "../arrow/null-vector.js";
import { InvalidArgumentError } from "../errors.js";
import type { FeaturePlan } from "../models/plan.js";
import { checkColumnCollisions, type PreparedUpstream } from "./check-column-collisions.js";
import { joinUpstreamsDeferred } from "./join-upstreams.js";
import { prepareUpstream } from "./prepare-upstream.js";
import { droppedColumns, provenanceFrame } from "./provenance-frame.js";
import { validateColumnConfiguration } from "./validate-column-configuration.js";
import type { VersioningContext } from "./versioning-context.js";

/**
 * The expected frame of a non-root feature from its upstream tables (keyed by feature key string,
 * as read: current version, latest per id, soft deletes removed, read-time filters applied):
 * validate the column configuration, prepare each upstream, check collisions, join, compute
 * provenance (metaxy-versioning §3.3–§3.4). Output: join columns, upstream user columns, and the
 * four provenance / data-version columns. A required upstream missing from the map is an
 * InvalidArgumentError; an absent optional one contributes `""` to every pre-image (when every
 * upstream is optional and absent, the frame is empty). A root plan is an InvalidArgumentError: root
 * rows come from samples ({@link prepareSamples}).
 *
 * @example
 * const expected = expectedFrame(plan, new Map([["video/raw", videoTable]]), ctx);
 */
export function expectedFrame(
  plan: FeaturePlan,
  upstream: ReadonlyMap<string, Table>,
  ctx: VersioningContext,
): Table {
  if (plan.isRoot) {
    throw new InvalidArgumentError(
      `versioning: "${plan.key}" is a root feature: its rows come from samples, not from upstream tables`,
    );
  }
  const deps = new Set(plan.deps.map((d) => d.key.toString()));
  for (const [what, keys] of [
    ["upstream tables", upstream.keys()],
    ["upstreamFilters", ctx.upstreamFilters.keys()],
  ] as const) {
    for (const key of keys) {
      if (!deps.has(key)) {
        throw new InvalidArgumentError(
          `versioning: ${what} name "${key}", which is not a dependency of "${plan.key}" (deps: ${[...deps].join(", ")})`,
        );
      }
    }
  }
  validateColumnConfiguration(plan);
  const prepared: PreparedUpstream[] = [];
  for (const dep of plan.deps) {
    const table = upstream.get(dep.key.toString());
    if (table === undefined) {
      if (dep.optional) continue;
      throw new InvalidArgumentError(
        `versioning: no table for upstream "${dep.key}" of "${plan.key}" (a required dependency)`,
      );
    }
    prepared.push({ dep, table: prepareUpstream(plan, dep, table, ctx) });
  }
  if (prepared.length === 0) return provenanceFrame(plan, emptyKeys(plan), ctx);
  checkColumnCollisions(plan, prepared);
  // Columns the provenance frame drops are never gathered by the join; the data versions among
  // them are read (only the values the hashes need) straight from the upstream frames.
  const { table, deferred } = joinUpstreamsDeferred(
    plan,
    prepared,
    ctx.kernels,
    new Set(droppedColumns(plan)),
  );
  return provenanceFrame(plan, table, ctx, deferred);
}

/** No upstream at all: zero rows with the join columns (their types unknown, so Null). */
function emptyKeys(plan: FeaturePlan): Table {
  const names = plan.joinColumns;
  return assembleTable(
    names.map((n) => new Field(n, new Null(), true)),
    names.map(() => nullVector(new Null(), 0)),
    0,
  );
}
