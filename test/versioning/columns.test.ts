import { Type } from "apache-arrow";
import { expect, it } from "vitest";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { computeExpected } from "../../src/versioning/compute-expected.js";
import { upstreamReadColumns } from "../../src/versioning/upstream-read-columns.js";
import { columnNames, describeKernels, h, multiset, rows, upstreamRow } from "./helpers.js";

function graphOf(dep: Record<string, unknown>) {
  const graph = new FeatureGraph();
  graph.feature({ key: "video/raw", idColumns: ["uid"], fields: ["frames", "audio"] });
  graph.feature({
    key: "video/clip",
    idColumns: ["sample_uid"],
    deps: [{ feature: "video/raw", ...dep }],
    fields: [{ key: "clip", codeVersion: "1", deps: [{ feature: "video/raw", fields: ["frames"] }] }],
  });
  return graph;
}

const raw = [1, 2, 3].map((i) =>
  upstreamRow(
    { uid: i },
    { frames: `f${i}`, audio: `a${i}` },
    { path: i === 2 ? "skip" : `p${i}`, size: i * 10 },
  ),
);

async function clipRow(i: number, extra: Record<string, unknown>) {
  const field = await h(`clip|1|video/raw.frames|f${i}`);
  return {
    sample_uid: i,
    ...extra,
    metaxy_provenance_by_field: { clip: field },
    metaxy_provenance: await h(field),
  };
}

describeKernels("renames, select and filters", (kind) => {
  it("renames id and user columns; field keys in the pre-image are never renamed", async () => {
    const graph = graphOf({ rename: { uid: "sample_uid", path: "video_path" } });
    const table = await computeExpected(graph, "video/clip", {
      kernels: kind,
      upstream: { "video/raw": raw },
    });
    expect(columnNames(table).slice(0, 3)).toEqual(["sample_uid", "video_path", "size"]);
    expect(
      multiset(rows(table, ["sample_uid", "video_path", "metaxy_provenance_by_field", "metaxy_provenance"])),
    ).toEqual(
      multiset([
        await clipRow(1, { video_path: "p1" }),
        await clipRow(2, { video_path: "skip" }),
        await clipRow(3, { video_path: "p3" }),
      ]),
    );
  });

  it("select keeps the listed (post-rename) columns plus join and system columns", async () => {
    const graph = graphOf({ rename: { uid: "sample_uid", path: "video_path" }, select: ["video_path"] });
    const table = await computeExpected(graph, "video/clip", {
      kernels: kind,
      upstream: { "video/raw": raw },
    });
    expect(columnNames(table)).toEqual([
      "sample_uid",
      "video_path",
      "metaxy_provenance_by_field",
      "metaxy_provenance",
      "metaxy_data_version_by_field",
      "metaxy_data_version",
    ]);
    expect(upstreamReadColumns(graph.plan("video/clip").deps[0]!)).toEqual([
      "path",
      "uid",
      "metaxy_provenance_by_field",
      "metaxy_provenance",
      "metaxy_data_version_by_field",
      "metaxy_data_version",
    ]);
  });

  it("dep filters and runtime upstream filters use post-rename names", async () => {
    const graph = graphOf({
      rename: { uid: "sample_uid", path: "video_path" },
      filters: ["video_path != 'skip'"],
    });
    const table = await computeExpected(graph, "video/clip", {
      kernels: kind,
      upstream: { "video/raw": raw },
      upstreamFilters: { "video/raw": ["sample_uid < 3"] },
    });
    expect(
      rows(table, ["sample_uid", "video_path", "metaxy_provenance_by_field", "metaxy_provenance"]),
    ).toEqual([await clipRow(1, { video_path: "p1" })]);
    await expect(
      computeExpected(graph, "video/clip", {
        kernels: kind,
        upstream: { "video/raw": raw },
        upstreamFilters: { "video/raw": ["path = 'p1'"] },
      }),
    ).rejects.toMatchObject({ code: "METADATA_SCHEMA" });
  });

  it("map datatype gives Map columns, entries in declared field order, with the same hashes", async () => {
    const graph = new FeatureGraph();
    graph.feature({ key: "up", idColumns: ["sample_uid"], fields: ["v"] });
    graph.feature({ key: "down", idColumns: ["sample_uid"], deps: ["up"], fields: ["zeta", "alpha"] });
    const upstream = { up: [upstreamRow({ sample_uid: 1 }, { v: "v1" })] };
    const asStruct = await computeExpected(graph, "down", { kernels: kind, upstream });
    const asMap = await computeExpected(graph, "down", { kernels: kind, upstream, enableMapDatatype: true });
    for (const name of ["metaxy_provenance_by_field", "metaxy_data_version_by_field"]) {
      expect(asStruct.getChild(name)!.type.typeId).toBe(Type.Struct);
      expect(asMap.getChild(name)!.type.typeId).toBe(Type.Map);
    }
    const zeta = await h("zeta|__metaxy_initial__|up.v|v1");
    const alpha = await h("alpha|__metaxy_initial__|up.v|v1");
    expect(asMap.getChild("metaxy_provenance_by_field")!.get(0)!.toJSON()).toEqual({ zeta, alpha });
    expect(Object.keys(rows(asMap)[0]!.metaxy_provenance_by_field as object)).toEqual(["zeta", "alpha"]);
    expect(rows(asMap)).toEqual(rows(asStruct));
    expect(rows(asMap)[0]!.metaxy_provenance).toBe(await h(`${alpha}|${zeta}`));
  });
});
