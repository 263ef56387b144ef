import { type Table, Vector } from "apache-arrow";
import { expect, it } from "vitest";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { withColumn } from "../../src/arrow/with-column.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { checkColumnCollisions } from "../../src/versioning/check-column-collisions.js";
import { expectedFrame } from "../../src/versioning/expected-frame.js";
import { joinUpstreams } from "../../src/versioning/join-upstreams.js";
import { prepareUpstream } from "../../src/versioning/prepare-upstream.js";
import { provenanceFrame } from "../../src/versioning/provenance-frame.js";
import { versioningContext } from "../../src/versioning/versioning-context.js";
import { type MapRow, mapData } from "../arrow/map-helpers.js";
import { columnNames, describeKernels, h, rows, upstreamRow } from "./helpers.js";

const graph = new FeatureGraph();
graph.feature({
  key: "a",
  idColumns: ["sample_uid"],
  fields: [
    { key: "x", codeVersion: "1" },
    { key: "w", codeVersion: "1" },
  ],
});
graph.feature({ key: "b", idColumns: ["sample_uid"], fields: [{ key: "y", codeVersion: "1" }] });
graph.feature({
  key: "c",
  idColumns: ["sample_uid"],
  deps: [{ feature: "a" }, { feature: "b", optional: true }],
  fields: [{ key: "z", codeVersion: "7" }],
});

/** An upstream table whose data versions are a Map column with exactly these rows. */
function upstream(uids: readonly number[], maps: readonly MapRow[], extra: string): Table {
  const base = rowsToTable(
    uids.map((uid) => upstreamRow({ sample_uid: uid }, {}, { [extra]: `${extra}${uid}` })),
  );
  return withColumn(base, "metaxy_data_version_by_field", new Vector([mapData(maps)]));
}

// Key order differs from row to row, one row repeats a key (its first entry counts); b has a null
// value and, being optional and left-joined, no row at all for uids 1 and 5.
const a = upstream(
  [3, 1, 2, 5],
  [
    [
      ["x", "ax3"],
      ["w", "aw3"],
    ],
    [
      ["w", "aw1"],
      ["x", "ax1"],
    ],
    [
      ["x", "ax2"],
      ["w", "aw2"],
      ["x", "dup"],
    ],
    [
      ["x", "ax5"],
      ["w", "aw5"],
    ],
  ],
  "a_col",
);
const b = upstream([2, 3, 4], [[["y", "by2"]], [["y", null]], [["y", "by4"]]], "b_col");

describeKernels("deferred by-field columns in the upstream join", (kind, kernels) => {
  it("hashes the joined rows' Map values exactly, without the upstream columns in the frame", async () => {
    const plan = graph.plan("c");
    const ctx = versioningContext(graph, { kernels: kind, enableMapDatatype: true });
    const table = expectedFrame(
      plan,
      new Map([
        ["a", a],
        ["b", b],
      ]),
      ctx,
    );
    expect(columnNames(table)).toEqual([
      "sample_uid",
      "a_col",
      "b_col",
      "metaxy_provenance_by_field",
      "metaxy_provenance",
      "metaxy_data_version_by_field",
      "metaxy_data_version",
    ]);
    const z = async (w: string, x: string, y: string) => h(`z|7|a.w|${w}|a.x|${x}|b.y|${y}`);
    expect(rows(table, ["sample_uid", "b_col", "metaxy_provenance_by_field"])).toEqual([
      { sample_uid: 3, b_col: "b_col3", metaxy_provenance_by_field: { z: await z("aw3", "ax3", "") } },
      { sample_uid: 1, b_col: null, metaxy_provenance_by_field: { z: await z("aw1", "ax1", "") } },
      { sample_uid: 2, b_col: "b_col2", metaxy_provenance_by_field: { z: await z("aw2", "ax2", "by2") } },
      { sample_uid: 5, b_col: null, metaxy_provenance_by_field: { z: await z("aw5", "ax5", "") } },
    ]);

    // The same as joining everything first and reading the gathered Map columns.
    const prepared = plan.deps.map((dep) => ({
      dep,
      table: prepareUpstream(plan, dep, dep.key.toString() === "a" ? a : b, ctx),
    }));
    checkColumnCollisions(plan, prepared);
    const reference = provenanceFrame(plan, joinUpstreams(plan, prepared, kernels()), ctx);
    expect(rows(table)).toEqual(rows(reference));
  });
});
