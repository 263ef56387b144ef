import { expect, it } from "vitest";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { Lineage } from "../../src/models/lineage.js";
import { computeExpected } from "../../src/versioning/compute-expected.js";
import { prepareUpstream } from "../../src/versioning/prepare-upstream.js";
import { versioningContext } from "../../src/versioning/versioning-context.js";
import { columnNames, describeKernels, h, multiset, rows, upstreamRow } from "./helpers.js";

function sensorGraph(select?: readonly string[]) {
  const graph = new FeatureGraph();
  graph.feature({
    key: "sensor_readings",
    idColumns: ["sensor_id", "reading_id"],
    fields: [
      { key: "temperature", codeVersion: "1" },
      { key: "humidity", codeVersion: "1" },
    ],
  });
  graph.feature({
    key: "stats",
    idColumns: ["sensor_id"],
    deps: [{ feature: "sensor_readings", lineage: Lineage.aggregation({ on: ["sensor_id"] }), select }],
    fields: [{ key: "summary", codeVersion: "2" }],
  });
  return graph;
}

// reading_id is an integer: 10 must sort after 9 (typed order, not text order); one null humidity.
const readings = [
  upstreamRow({ sensor_id: "s1", reading_id: 10 }, { temperature: "a10", humidity: "x10" }, { note: "n10" }),
  upstreamRow({ sensor_id: "s2", reading_id: 1 }, { temperature: "b1", humidity: "y1" }, { note: "n1" }),
  upstreamRow({ sensor_id: "s1", reading_id: 9 }, { temperature: "a9", humidity: null }, { note: "n9" }),
  upstreamRow({ sensor_id: "s1", reading_id: 2 }, { temperature: "a2", humidity: "x2" }, { note: "n2" }),
];

describeKernels("lineage", (kind) => {
  it("identity: one row per upstream row, pre-image field|code|parent|data version", async () => {
    const graph = new FeatureGraph();
    graph.feature({
      key: "video/raw",
      idColumns: ["video_id"],
      fields: [{ key: "frames", codeVersion: "1" }],
    });
    graph.feature({
      key: "video/faces",
      idColumns: ["video_id"],
      deps: ["video/raw"],
      fields: [{ key: "faces", codeVersion: "3" }],
    });
    const table = await computeExpected(graph, "video/faces", {
      kernels: kind,
      upstream: { "video/raw": [upstreamRow({ video_id: "v1" }, { frames: "f1" }, { path: "a.mp4" })] },
    });
    const field = await h("faces|3|video/raw.frames|f1");
    expect(rows(table)).toEqual([
      {
        video_id: "v1",
        path: "a.mp4",
        metaxy_provenance_by_field: { faces: field },
        metaxy_provenance: await h(field),
        metaxy_data_version_by_field: { faces: field },
        metaxy_data_version: await h(field),
      },
    ]);
  });

  it("aggregation: values per group ordered by typed upstream ids, nulls skipped, one row per upstream row", async () => {
    const table = await computeExpected(sensorGraph(), "stats", {
      kernels: kind,
      upstream: { sensor_readings: readings },
    });
    const s1t = await h("a2|a9|a10");
    const s1h = await h("x2|x10");
    const s2t = await h("b1");
    const s2h = await h("y1");
    const s1 = await h(`summary|2|sensor_readings.humidity|${s1h}|sensor_readings.temperature|${s1t}`);
    const s2 = await h(`summary|2|sensor_readings.humidity|${s2h}|sensor_readings.temperature|${s2t}`);
    expect(columnNames(table)).toEqual([
      "sensor_id",
      "reading_id",
      "note",
      "metaxy_provenance_by_field",
      "metaxy_provenance",
      "metaxy_data_version_by_field",
      "metaxy_data_version",
    ]);
    expect(
      multiset(
        rows(table, ["sensor_id", "reading_id", "note", "metaxy_provenance_by_field", "metaxy_provenance"]),
      ),
    ).toEqual(
      multiset([
        {
          sensor_id: "s1",
          reading_id: 10,
          note: "n10",
          metaxy_provenance_by_field: { summary: s1 },
          metaxy_provenance: await h(s1),
        },
        {
          sensor_id: "s2",
          reading_id: 1,
          note: "n1",
          metaxy_provenance_by_field: { summary: s2 },
          metaxy_provenance: await h(s2),
        },
        {
          sensor_id: "s1",
          reading_id: 9,
          note: "n9",
          metaxy_provenance_by_field: { summary: s1 },
          metaxy_provenance: await h(s1),
        },
        {
          sensor_id: "s1",
          reading_id: 2,
          note: "n2",
          metaxy_provenance_by_field: { summary: s1 },
          metaxy_provenance: await h(s1),
        },
      ]),
    );
  });

  it("aggregation rewrites all four upstream system columns per group", async () => {
    const graph = sensorGraph();
    const plan = graph.plan("stats");
    const ctx = versioningContext(graph, { kernels: kind });
    const out = prepareUpstream(plan, plan.deps[0]!, rowsToTable(readings), ctx);
    const t = await h("b1");
    const hu = await h("y1");
    const s2 = rows(out).find((r) => r.sensor_id === "s2")!;
    expect(s2).toMatchObject({
      metaxy_provenance_by_field__sensor_readings: { temperature: t, humidity: hu },
      metaxy_data_version_by_field__sensor_readings: { temperature: t, humidity: hu },
      metaxy_provenance__sensor_readings: await h(`${hu}|${t}`),
      metaxy_data_version__sensor_readings: await h(`${hu}|${t}`),
    });
  });

  it("aggregation whose select drops the other id columns orders by the group columns (row order on ties)", async () => {
    const table = await computeExpected(sensorGraph([]), "stats", {
      kernels: kind,
      upstream: { sensor_readings: readings },
    });
    expect(columnNames(table)).toEqual([
      "sensor_id",
      "metaxy_provenance_by_field",
      "metaxy_provenance",
      "metaxy_data_version_by_field",
      "metaxy_data_version",
    ]);
    const s1 = await h(
      `summary|2|sensor_readings.humidity|${await h("x10|x2")}|sensor_readings.temperature|${await h("a10|a9|a2")}`,
    );
    const s1Rows = rows(table).filter((r) => r.sensor_id === "s1");
    expect(s1Rows).toHaveLength(3);
    for (const r of s1Rows) expect(r.metaxy_provenance_by_field).toEqual({ summary: s1 });
  });

  it("expansion: one expected row per parent, joined on `on`", async () => {
    const graph = new FeatureGraph();
    graph.feature({ key: "video", idColumns: ["video_id"], fields: [{ key: "content", codeVersion: "1" }] });
    graph.feature({
      key: "video_frames",
      idColumns: ["video_id", "frame_id"],
      deps: [{ feature: "video", lineage: Lineage.expansion({ on: ["video_id"] }) }],
      fields: [{ key: "frames", codeVersion: "1" }],
    });
    expect(graph.plan("video_frames").joinColumns).toEqual(["video_id"]);
    const table = await computeExpected(graph, "video_frames", {
      kernels: kind,
      upstream: {
        video: [
          upstreamRow({ video_id: "v1" }, { content: "fv_v1" }),
          upstreamRow({ video_id: "v2" }, { content: "fv_v2" }),
        ],
      },
    });
    // Golden values of test_provenance_snapshot[expansion].
    expect(rows(table, ["video_id", "metaxy_provenance_by_field", "metaxy_provenance"])).toEqual([
      { video_id: "v1", metaxy_provenance_by_field: { frames: "63035291" }, metaxy_provenance: "54355038" },
      { video_id: "v2", metaxy_provenance_by_field: { frames: "10348219" }, metaxy_provenance: "26614098" },
    ]);
  });
});
