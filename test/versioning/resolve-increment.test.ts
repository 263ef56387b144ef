import { Table } from "apache-arrow";
import { expect, it } from "vitest";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { col } from "../../src/filters/builders.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { Lineage } from "../../src/models/lineage.js";
import { computeExpected } from "../../src/versioning/compute-expected.js";
import { Increment } from "../../src/versioning/increment.js";
import { incrementOptions } from "../../src/versioning/increment-options.js";
import { resolveIncrement } from "../../src/versioning/resolve-increment.js";
import { versioningContext } from "../../src/versioning/versioning-context.js";
import { columnNames, describeKernels, multiset, rows, upstreamRow } from "./helpers.js";

const expectedRows = [
  { id: 1, v: "e1", metaxy_provenance: "p1" }, // not stored → new
  { id: 2, v: "e2", metaxy_provenance: "p2" }, // same → nothing
  { id: 3, v: "e3", metaxy_provenance: "p3" }, // differs → stale
  { id: 4, v: "e4", metaxy_provenance: "p4" }, // stored provenance null → stale
  { id: 6, v: "e6", metaxy_provenance: null }, // expected null, stored set → not stale
  { id: 7, v: "e7", metaxy_provenance: null }, // both null → stale
  { id: null, v: "e-null", metaxy_provenance: "pn" }, // null key → new
];
const currentRows = [
  { id: 2, w: "c2", flag: false, metaxy_provenance: "p2" },
  { id: 3, w: "c3", flag: true, metaxy_provenance: "old" },
  { id: 4, w: "c4", flag: false, metaxy_provenance: null },
  { id: 5, w: "c5", flag: false, metaxy_provenance: "p5" }, // not expected → orphaned
  { id: 6, w: "c6", flag: false, metaxy_provenance: "p6" },
  { id: 7, w: "c7", flag: false, metaxy_provenance: null },
  { id: null, w: "c-null", flag: false, metaxy_provenance: "pn" }, // null key → orphaned
];

const ids = (t: Table) => rows(t, ["id"]).map((r) => r.id);

describeKernels("resolveIncrement", (_kind, kernels) => {
  const resolve = (
    expected: Table,
    current: Table | null,
    extra: { expansion?: boolean; stalenessPredicates?: string[] } = {},
  ) => resolveIncrement(expected, current, { joinColumns: ["id"], kernels: kernels(), ...extra });

  it("new, stale and orphaned follow Python's null rules", () => {
    const inc = resolve(rowsToTable(expectedRows), rowsToTable(currentRows));
    expect(ids(inc.new)).toEqual([1, null]);
    expect(ids(inc.stale)).toEqual([3, 4, 7]);
    expect(ids(inc.orphaned)).toEqual([5, null]);
    expect(columnNames(inc.new)).toEqual(["id", "v", "metaxy_provenance"]);
    expect(columnNames(inc.stale)).toEqual(["id", "v", "metaxy_provenance"]);
    expect(columnNames(inc.orphaned)).toEqual(["id", "w", "flag", "metaxy_provenance"]);
    expect(rows(inc.stale)[0]).toEqual({ id: 3, v: "e3", metaxy_provenance: "p3" });
    expect(rows(inc.orphaned)[0]).toEqual({ id: 5, w: "c5", flag: false, metaxy_provenance: "p5" });
    expect(inc.counts).toEqual({ new: 2, stale: 3, orphaned: 2 });
  });

  it("staleness predicates run on the stored rows and never duplicate a stale row", () => {
    const inc = resolve(rowsToTable(expectedRows), rowsToTable(currentRows), {
      stalenessPredicates: ["w = 'c2'", "flag = true"],
    });
    expect(ids(inc.stale)).toEqual([2, 3, 4, 7]);
    expect(ids(inc.new)).toEqual([1, null]);
    const viaExpr = resolveIncrement(rowsToTable(expectedRows), rowsToTable(currentRows), {
      joinColumns: ["id"],
      kernels: kernels(),
      stalenessPredicates: [col("w").eq("c6")],
    });
    expect(ids(viaExpr.stale)).toEqual([3, 4, 6, 7]);
  });

  it("nothing stored: everything is new, and the expected table is returned as is", () => {
    const expected = rowsToTable(expectedRows);
    for (const current of [null, rowsToTable(currentRows.slice(0, 0))]) {
      const inc = resolve(expected, current);
      expect(inc.new).toBe(expected);
      expect(inc.counts).toEqual({ new: 7, stale: 0, orphaned: 0 });
    }
  });

  it("nothing expected: every stored row is orphaned, collapsed per parent under expansion", async () => {
    const graph = new FeatureGraph();
    graph.feature({ key: "a", idColumns: ["id"], fields: ["x"] });
    graph.feature({ key: "b", idColumns: ["id"], deps: [{ feature: "a", optional: true }], fields: ["y"] });
    // No upstream at all: an empty expected frame whose key column has no type.
    const expected = await computeExpected(graph, "b", { kernels: kernels(), upstream: {} });
    const current = rowsToTable(currentRows);
    expect(ids(resolve(expected, current).orphaned)).toEqual([2, 3, 4, 5, 6, 7, null]);
    const twice = rowsToTable([...currentRows, ...currentRows]);
    expect(ids(resolve(expected, twice, { expansion: true }).orphaned)).toEqual([2, 3, 4, 5, 6, 7, null]);
  });

  it("expansion collapses stored children per parent, taking the first non-null value of each column", () => {
    const expected = rowsToTable([
      { id: "v1", metaxy_provenance: "p1" },
      { id: "v2", metaxy_provenance: "p2-new" },
    ]);
    const current = rowsToTable([
      { id: "v1", frame: 0, metaxy_provenance: null },
      { id: "v2", frame: 0, metaxy_provenance: "p2" },
      { id: "v1", frame: 1, metaxy_provenance: "p1" },
      { id: "v2", frame: 1, metaxy_provenance: "p2" },
      { id: "v3", frame: null, metaxy_provenance: "p3" },
      { id: "v3", frame: 5, metaxy_provenance: "p3" },
    ]);
    const collapsed = resolve(expected, current, { expansion: true });
    expect(ids(collapsed.new)).toEqual([]);
    expect(ids(collapsed.stale)).toEqual(["v2"]);
    expect(rows(collapsed.orphaned)).toEqual([{ id: "v3", frame: 5, metaxy_provenance: "p3" }]);
    // Without the collapse, every stored child is compared: v1's null child makes v1 stale, v2 twice.
    expect(ids(resolve(expected, current).stale)).toEqual(["v1", "v2", "v2"]);
  });

  it("aggregation duplicates: every expected row of a changed group is stale", async () => {
    const graph = new FeatureGraph();
    graph.feature({ key: "readings", idColumns: ["sensor_id", "reading_id"], fields: ["t"] });
    graph.feature({
      key: "stats",
      idColumns: ["sensor_id"],
      deps: [{ feature: "readings", lineage: Lineage.aggregation() }],
      fields: ["avg"],
    });
    const upstream = {
      readings: [
        upstreamRow({ sensor_id: "s1", reading_id: 1 }, { t: "t1" }),
        upstreamRow({ sensor_id: "s1", reading_id: 2 }, { t: "t2" }),
        upstreamRow({ sensor_id: "s2", reading_id: 3 }, { t: "t3" }),
      ],
    };
    const expected = await computeExpected(graph, "stats", { kernels: kernels(), upstream });
    const s2 = rows(expected).find((r) => r.sensor_id === "s2")!;
    const current = rowsToTable([
      { sensor_id: "s1", metaxy_provenance: "outdated" },
      { sensor_id: "s2", metaxy_provenance: s2.metaxy_provenance },
    ]);
    const options = incrementOptions(graph.plan("stats"), versioningContext(graph, { kernels: kernels() }));
    expect(options).toMatchObject({ joinColumns: ["sensor_id"], expansion: false });
    const inc = resolveIncrement(expected, current, options);
    expect(multiset(rows(inc.stale, ["sensor_id", "reading_id"]))).toEqual(
      multiset([
        { sensor_id: "s1", reading_id: 1 },
        { sensor_id: "s1", reading_id: 2 },
      ]),
    );
    expect(inc.counts).toEqual({ new: 0, stale: 2, orphaned: 0 });
  });

  it("works on tables of several record batches and composite keys", () => {
    const batches = (list: Record<string, unknown>[]) => {
      const [a, b] = [rowsToTable(list.slice(0, 3)), rowsToTable(list.slice(3))];
      return new Table([...a.batches, ...b.batches]);
    };
    const expected = batches(
      Array.from({ length: 8 }, (_, i) => ({ k: `k${i % 2}`, n: i, metaxy_provenance: `p${i}` })),
    );
    const current = batches(
      Array.from({ length: 8 }, (_, i) => ({
        k: `k${i % 2}`,
        n: i + 2,
        metaxy_provenance: i % 3 === 0 ? "x" : `p${i + 2}`,
      })),
    );
    const inc = resolveIncrement(expected, current, { joinColumns: ["k", "n"], kernels: kernels() });
    expect(rows(inc.new, ["n"]).map((r) => r.n)).toEqual([0, 1]);
    expect(rows(inc.stale, ["n"]).map((r) => r.n)).toEqual([2, 5]);
    expect(rows(inc.orphaned, ["n"]).map((r) => r.n)).toEqual([8, 9]);
  });
});

it("Increment converts to rows and arquero tables", async () => {
  const inc = new Increment({
    new: rowsToTable([{ id: 1 }]),
    stale: rowsToTable([{ id: 2 }, { id: 3 }]),
    orphaned: rowsToTable([{ id: 4, w: "x" }]),
  });
  expect(inc.toRows()).toEqual({
    new: [{ id: 1 }],
    stale: [{ id: 2 }, { id: 3 }],
    orphaned: [{ id: 4, w: "x" }],
  });
  const aq = await inc.toArquero();
  expect(aq.stale.numRows()).toBe(2);
  expect(aq.orphaned.objects()).toEqual([{ id: 4, w: "x" }]);
  expect(Object.isFrozen(inc)).toBe(true);
});
