import type { Table } from "apache-arrow";
import { selectColumns } from "../../src/arrow/select-columns.js";
import {
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_DELETED_AT,
  METAXY_FEATURE_VERSION,
  METAXY_PROVENANCE,
} from "../../src/constants.js";
import { col } from "../../src/filters/builders.js";
import { filterTable } from "../../src/filters/filter-table.js";
import type { Feature } from "../../src/models/feature.js";
import { keepLatestRows } from "../../src/store/base/keep-latest-rows.js";
import { readColumns } from "../../src/store/base/read-columns.js";
import { DeltaTable } from "../../src/store/delta/delta-table.js";
import { featureTablePath } from "../../src/store/delta-store/feature-table-path.js";
import { readDeltaFeature } from "../../src/store/delta-store/read-delta-feature.js";
import { LocalObjectStore } from "../../src/store/io/local.js";
import { byFieldVector } from "../../src/versioning/by-field-vector.js";
import {
  checkColumnCollisions,
  type PreparedUpstream,
} from "../../src/versioning/check-column-collisions.js";
import { fieldProvenance } from "../../src/versioning/field-provenance.js";
import { incrementOptions } from "../../src/versioning/increment-options.js";
import { joinUpstreamsDeferred } from "../../src/versioning/join-upstreams.js";
import { prepareUpstream } from "../../src/versioning/prepare-upstream.js";
import { droppedColumns, provenanceFrame } from "../../src/versioning/provenance-frame.js";
import { resolveIncrement } from "../../src/versioning/resolve-increment.js";
import { sampleHash } from "../../src/versioning/sample-hash.js";
import { upstreamReadColumns } from "../../src/versioning/upstream-read-columns.js";
import { versioningContext } from "../../src/versioning/versioning-context.js";
import { buildScenario } from "./graphs.js";
import { ourAlgorithm, type RoundSpec, storeDir } from "./jobs.js";
import { benchStore } from "./store.js";

/**
 * Milliseconds per stage, in the order the stages ran.
 *
 * @example
 * const times: StageTimes = { "parquet read": 812.5, total: 1200 };
 */
export type StageTimes = Readonly<Record<string, number>>;

/**
 * `resolveUpdate(leaf)` taken apart: the same steps the store runs (see
 * src/store/base/resolve-update.ts and read-feature.ts), through the same functions, with a timer
 * around each — opening the store, each table's Delta log, Parquet decode, version filter,
 * keep-latest, soft-delete filter, upstream preparation + join, per-field hashing, the Map
 * column, the sample hash, assembling the frame, and the increment. Stages that ran for several
 * tables are summed. Hashing is done twice (once split into its parts, once as the engine's
 * `provenanceFrame`, which is what the increment uses); only the latter counts in `total`.
 * `projected` is the experiment the report quotes: read only the columns the computation needs
 * (roots: id + `metaxy_data_version_by_field`; leaf: id + `metaxy_provenance`; plus what
 * keep-latest needs) instead of what the store reads today (every column of both).
 *
 * @example
 * const stages = await profileStages(round); // { open: 3.1, "log": 4.2, "parquet": 812.5, … }
 */
export async function profileStages(round: RoundSpec, projected = false): Promise<StageTimes> {
  const times: Record<string, number> = {};
  const time = async <T>(stage: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await f();
    times[stage] = (times[stage] ?? 0) + (performance.now() - t0);
    return out;
  };
  const scenario = buildScenario(round.scenario);
  const root = storeDir(round);
  const store = await time("open store", async () =>
    benchStore(root, scenario.graph, ourAlgorithm(round.config), round.kernels).open("r"),
  );
  const kernels = store.kernels;
  const objects = new LocalObjectStore(root);
  const read = async (feature: Feature, columns: readonly string[] | undefined): Promise<Table | null> => {
    const delta = await time("delta log", () =>
      DeltaTable.open(objects, featureTablePath(feature.key, "nested")),
    );
    if (delta === null) return null;
    const fv = feature.featureVersion();
    const wanted = readColumns({
      columns,
      idColumns: feature.spec.idColumns,
      versionFilter: true,
      dedup: true,
      dropSoftDeleted: true,
      filters: [],
    });
    let t = await time("parquet read", () =>
      readDeltaFeature(
        delta.snapshot,
        { ...(wanted === undefined ? {} : { columns: wanted }), featureVersion: fv },
        kernels.parquet,
      ),
    );
    t = await time("version filter", () => filterTable(t, [col(METAXY_FEATURE_VERSION).eq(fv)]));
    const later = columns === undefined ? undefined : [...columns, METAXY_DELETED_AT];
    t = await time("keep latest", () => keepLatestRows(t, feature.spec.idColumns, kernels, later));
    t = await time("soft-delete filter", () =>
      t.getChild(METAXY_DELETED_AT) === null ? t : filterTable(t, [col(METAXY_DELETED_AT).isNull()]),
    );
    return columns === undefined ? t : await time("project", () => selectColumns(t, columns));
  };
  const plan = scenario.leaf.plan();
  const vctx = versioningContext(scenario.graph, {
    hashAlgorithm: store.hashAlgorithm,
    kernels,
    enableMapDatatype: store.enableMapDatatype,
  });
  const prepared: PreparedUpstream[] = [];
  for (const dep of plan.deps) {
    const columns = projected
      ? [...dep.upstream.spec.idColumns, METAXY_DATA_VERSION_BY_FIELD]
      : (upstreamReadColumns(dep) ?? undefined);
    const table = (await read(dep.upstream, columns))!;
    prepared.push({
      dep,
      table: await time("prepare upstream", () => prepareUpstream(plan, dep, table, vctx)),
    });
  }
  checkColumnCollisions(plan, prepared);
  const { table: joined, deferred } = await time("join upstreams", () =>
    joinUpstreamsDeferred(plan, prepared, kernels, new Set(droppedColumns(plan))),
  );
  const split: Record<string, number> = {};
  const splitTime = <T>(stage: string, f: () => T): T => {
    const t0 = performance.now();
    const out = f();
    split[stage] = performance.now() - t0;
    return out;
  };
  const entries = splitTime("  · field hashes", () => fieldProvenance(plan, joined, vctx, deferred));
  splitTime("  · by-field Map", () => byFieldVector(entries, vctx.enableMapDatatype, joined.numRows));
  splitTime("  · sample hash", () => sampleHash(entries, vctx, joined.numRows));
  const expected = await time("provenance frame", () => provenanceFrame(plan, joined, vctx, deferred));
  const current = await read(
    scenario.leaf,
    projected ? [...scenario.leaf.spec.idColumns, METAXY_PROVENANCE] : undefined,
  );
  if (current !== null) {
    await time("resolve increment", () =>
      resolveIncrement(expected, current, incrementOptions(plan, vctx, [])),
    );
  }
  await store.close();
  const total = Object.values(times).reduce((a, b) => a + b, 0);
  return { ...times, total, ...split };
}
