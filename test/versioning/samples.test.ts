import { Type } from "apache-arrow";
import { expect, it } from "vitest";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { MetadataSchemaError } from "../../src/errors.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { computeExpected } from "../../src/versioning/compute-expected.js";
import { prepareSamples } from "../../src/versioning/prepare-samples.js";
import { versioningContext } from "../../src/versioning/versioning-context.js";
import { columnNames, describeKernels, h, rows } from "./helpers.js";

function rootGraph() {
  const graph = new FeatureGraph();
  // Declared order b, a/x; struct keys "b" and "a_x": the sample hash sorts them a_x, b.
  graph.feature({ key: "root", idColumns: ["sample_uid"], fields: ["b", "a/x"] });
  graph.feature({ key: "child", idColumns: ["sample_uid"], deps: ["root"], fields: ["c"] });
  return graph;
}

describeKernels("samples", (kind) => {
  it("recompute metaxy_provenance (sorted struct keys) and copy data versions when absent", async () => {
    const table = await computeExpected(rootGraph(), "root", {
      kernels: kind,
      samples: [
        {
          sample_uid: 1,
          metaxy_provenance_by_field: { b: "hb", a_x: "hax" },
          metaxy_provenance: "user value",
        },
      ],
    });
    expect(columnNames(table)).toEqual([
      "sample_uid",
      "metaxy_provenance_by_field",
      "metaxy_provenance",
      "metaxy_data_version_by_field",
      "metaxy_data_version",
    ]);
    const sample = await h("hax|hb");
    expect(rows(table)).toEqual([
      {
        sample_uid: 1,
        metaxy_provenance_by_field: { b: "hb", a_x: "hax" },
        metaxy_provenance: sample,
        metaxy_data_version_by_field: { b: "hb", a_x: "hax" },
        metaxy_data_version: sample,
      },
    ]);
  });

  it("keep user data versions as given (a missing metaxy_data_version stays missing)", async () => {
    const table = await computeExpected(rootGraph(), "root", {
      kernels: kind,
      samples: [
        {
          sample_uid: 1,
          metaxy_provenance_by_field: { b: "hb", a_x: "hax" },
          metaxy_data_version_by_field: { b: "db", a_x: "dax" },
        },
      ],
    });
    expect(rows(table)).toEqual([
      {
        sample_uid: 1,
        metaxy_provenance_by_field: { b: "hb", a_x: "hax" },
        metaxy_data_version_by_field: { b: "db", a_x: "dax" },
        metaxy_provenance: await h("hax|hb"),
      },
    ]);
  });

  it("override the upstream join of a non-root feature", async () => {
    const graph = rootGraph();
    const table = await computeExpected(graph, "child", {
      kernels: kind,
      samples: [{ sample_uid: 7, metaxy_provenance_by_field: { c: "hc" } }],
    });
    expect(rows(table, ["sample_uid", "metaxy_provenance"])).toEqual([
      { sample_uid: 7, metaxy_provenance: await h("hc") },
    ]);
  });

  it("a map sample missing a key hashes to null; enableMapDatatype converts structs to maps", async () => {
    const graph = rootGraph();
    const ctx = versioningContext(graph, { kernels: kind, enableMapDatatype: true });
    const samples = rowsToTable(
      [
        { sample_uid: 1, metaxy_provenance_by_field: { b: "hb", a_x: "hax" } },
        { sample_uid: 2, metaxy_provenance_by_field: { b: "hb" } },
      ],
      { enableMapDatatype: true },
    );
    expect(samples.getChild("metaxy_provenance_by_field")!.type.typeId).toBe(Type.Map);
    const out = prepareSamples(graph.plan("root"), samples, ctx);
    expect(rows(out, ["sample_uid", "metaxy_provenance"])).toEqual([
      { sample_uid: 1, metaxy_provenance: await h("hax|hb") },
      { sample_uid: 2, metaxy_provenance: null },
    ]);
    const structs = rowsToTable([{ sample_uid: 1, metaxy_provenance_by_field: { b: "hb", a_x: "hax" } }]);
    const converted = prepareSamples(graph.plan("root"), structs, ctx);
    expect(converted.getChild("metaxy_provenance_by_field")!.type.typeId).toBe(Type.Map);
    expect(converted.getChild("metaxy_data_version_by_field")!.type.typeId).toBe(Type.Map);
    expect(rows(converted, ["metaxy_provenance"])).toEqual([{ metaxy_provenance: await h("hax|hb") }]);
  });

  it("reject samples without a usable metaxy_provenance_by_field", () => {
    const graph = rootGraph();
    const plan = graph.plan("root");
    const ctx = versioningContext(graph, { kernels: kind });
    const bad = [
      rowsToTable([{ sample_uid: 1 }]),
      rowsToTable([{ sample_uid: 1, metaxy_provenance_by_field: "h" }]),
      rowsToTable([{ sample_uid: 1, metaxy_provenance_by_field: { b: "hb" } }]),
    ];
    for (const samples of bad) {
      expect(() => prepareSamples(plan, samples, ctx)).toThrow(MetadataSchemaError);
    }
  });
});
