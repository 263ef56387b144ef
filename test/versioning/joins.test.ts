import { Table } from "apache-arrow";
import { expect, it } from "vitest";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { computeExpected } from "../../src/versioning/compute-expected.js";
import { columnNames, describeKernels, h, multiset, rows, upstreamRow } from "./helpers.js";

function graphOf(optionalA: boolean, optionalB: boolean) {
  const graph = new FeatureGraph();
  graph.feature({ key: "a", idColumns: ["sample_uid"], fields: [{ key: "x", codeVersion: "1" }] });
  graph.feature({ key: "b", idColumns: ["sample_uid"], fields: [{ key: "y", codeVersion: "1" }] });
  graph.feature({
    key: "c",
    idColumns: ["sample_uid"],
    deps: [
      { feature: "a", optional: optionalA },
      { feature: "b", optional: optionalB },
    ],
    // No field named "z" upstream: the default mapping falls back to every field of each dep.
    fields: [{ key: "z", codeVersion: "7" }],
  });
  return graph;
}

const a = [1, 2, 3].map((i) => upstreamRow({ sample_uid: i }, { x: `ax${i}` }, { a_col: `a${i}` }));
const b = [2, 3, 4].map((i) => upstreamRow({ sample_uid: i }, { y: `by${i}` }, { b_col: `b${i}` }));

async function expectedRow(uid: number, ax: string, by: string, extra: Record<string, unknown>) {
  const field = await h(`z|7|a.x|${ax}|b.y|${by}`);
  return {
    sample_uid: uid,
    ...extra,
    metaxy_provenance_by_field: { z: field },
    metaxy_provenance: await h(field),
  };
}

const pinned = ["sample_uid", "a_col", "b_col", "metaxy_provenance_by_field", "metaxy_provenance"];

describeKernels("joining upstreams", (kind) => {
  it("required deps are inner-joined on the shared id columns", async () => {
    const table = await computeExpected(graphOf(false, false), "c", { kernels: kind, upstream: { a, b } });
    expect(columnNames(table)).toEqual([
      "sample_uid",
      "a_col",
      "b_col",
      "metaxy_provenance_by_field",
      "metaxy_provenance",
      "metaxy_data_version_by_field",
      "metaxy_data_version",
    ]);
    expect(multiset(rows(table, pinned))).toEqual(
      multiset([
        await expectedRow(2, "ax2", "by2", { a_col: "a2", b_col: "b2" }),
        await expectedRow(3, "ax3", "by3", { a_col: "a3", b_col: "b3" }),
      ]),
    );
  });

  it("an optional dep is left-joined and its missing values hash as empty strings", async () => {
    const table = await computeExpected(graphOf(false, true), "c", { kernels: kind, upstream: { a, b } });
    expect(multiset(rows(table, pinned))).toEqual(
      multiset([
        await expectedRow(1, "ax1", "", { a_col: "a1", b_col: null }),
        await expectedRow(2, "ax2", "by2", { a_col: "a2", b_col: "b2" }),
        await expectedRow(3, "ax3", "by3", { a_col: "a3", b_col: "b3" }),
      ]),
    );
  });

  it("when every dep is optional they are full-joined with coalesced id columns", async () => {
    const table = await computeExpected(graphOf(true, true), "c", { kernels: kind, upstream: { a, b } });
    expect(multiset(rows(table, pinned))).toEqual(
      multiset([
        await expectedRow(1, "ax1", "", { a_col: "a1", b_col: null }),
        await expectedRow(2, "ax2", "by2", { a_col: "a2", b_col: "b2" }),
        await expectedRow(3, "ax3", "by3", { a_col: "a3", b_col: "b3" }),
        await expectedRow(4, "", "by4", { a_col: null, b_col: "b4" }),
      ]),
    );
  });

  it("an absent optional upstream contributes empty strings to every row", async () => {
    const table = await computeExpected(graphOf(false, true), "c", { kernels: kind, upstream: { a } });
    expect(multiset(rows(table, ["sample_uid", "metaxy_provenance_by_field"]))).toEqual(
      multiset(
        await Promise.all(
          [1, 2, 3].map(async (i) => ({
            sample_uid: i,
            metaxy_provenance_by_field: { z: await h(`z|7|a.x|ax${i}|b.y|`) },
          })),
        ),
      ),
    );
  });

  it("every optional upstream absent gives an empty frame", async () => {
    const table = await computeExpected(graphOf(true, true), "c", { kernels: kind, upstream: {} });
    expect(table.numRows).toBe(0);
    expect(columnNames(table)).toEqual([
      "sample_uid",
      "metaxy_provenance_by_field",
      "metaxy_provenance",
      "metaxy_data_version_by_field",
      "metaxy_data_version",
    ]);
  });

  it("a null data version of a required dep nulls the field and sample hashes", async () => {
    const rowsA = [upstreamRow({ sample_uid: 2 }, { x: null }), upstreamRow({ sample_uid: 3 }, { x: "ax3" })];
    const table = await computeExpected(graphOf(false, false), "c", {
      kernels: kind,
      upstream: { a: rowsA, b },
    });
    const byUid = Object.fromEntries(rows(table).map((r) => [r.sample_uid, r]));
    expect(byUid[2]).toMatchObject({ metaxy_provenance_by_field: { z: null }, metaxy_provenance: null });
    expect(byUid[3]).toMatchObject({ metaxy_provenance_by_field: { z: await h("z|7|a.x|ax3|b.y|by3") } });
  });

  it("null join keys never match", async () => {
    const rowsA = [
      upstreamRow({ sample_uid: null }, { x: "n" }),
      upstreamRow({ sample_uid: 2 }, { x: "ax2" }),
    ];
    const rowsB = [
      upstreamRow({ sample_uid: null }, { y: "n" }),
      upstreamRow({ sample_uid: 2 }, { y: "by2" }),
    ];
    const table = await computeExpected(graphOf(false, false), "c", {
      kernels: kind,
      upstream: { a: rowsA, b: rowsB },
    });
    expect(rows(table, ["sample_uid"])).toEqual([{ sample_uid: 2 }]);
  });

  it("composite string + integer keys, with upstream tables of several record batches", async () => {
    const graph = new FeatureGraph();
    graph.feature({ key: "p", idColumns: ["k", "n"], fields: ["v"] });
    graph.feature({ key: "q", idColumns: ["k", "n"], fields: ["w"] });
    graph.feature({ key: "r", idColumns: ["k", "n"], deps: ["p", "q"], fields: ["v"] });
    const p = Array.from({ length: 6 }, (_, i) => upstreamRow({ k: `k${i % 3}`, n: i }, { v: `v${i}` }));
    const q = Array.from({ length: 6 }, (_, i) => upstreamRow({ k: `k${i % 3}`, n: 5 - i }, { w: `w${i}` }));
    const chunked = (list: Record<string, unknown>[]) => {
      const [one, two] = [rowsToTable(list.slice(0, 2)), rowsToTable(list.slice(2))];
      return new Table([...one.batches, ...two.batches]);
    };
    const pt = chunked(p);
    expect(pt.batches).toHaveLength(2);
    const table = await computeExpected(graph, "r", { kernels: kind, upstream: { p: pt, q: chunked(q) } });
    const expected = [];
    for (let i = 0; i < 6; i++) {
      // q's row with n = i is row 5 - i, and its k is k{(5 - i) % 3}: keys match only when both agree.
      if (i % 3 !== (5 - i) % 3) continue;
      const field = await h(`v|__metaxy_initial__|p.v|v${i}|q.w|w${5 - i}`);
      expected.push({ k: `k${i % 3}`, n: i, metaxy_provenance_by_field: { v: field } });
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(multiset(rows(table, ["k", "n", "metaxy_provenance_by_field"]))).toEqual(multiset(expected));
  });
});
