import { describe, expect, it } from "vitest";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { FeatureNotFoundError, InvalidSpecError } from "../../src/errors.js";
import { describeAsset } from "../../src/integrations/orchestration/describe-asset.js";
import { idColumnMapping } from "../../src/integrations/orchestration/id-column-mapping.js";
import { materializationStats } from "../../src/integrations/orchestration/materialization-stats.js";
import { withMetaxyOutput } from "../../src/integrations/orchestration/with-metaxy-output.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { Lineage } from "../../src/models/lineage.js";
import { expectThrow } from "../conformance/harness.js";
import { deltaStore, memoryStore, videoGraph, videoRows } from "./fixtures.js";

const RAW = ["video", "raw"];
const SYSTEM_LINEAGE = [
  "metaxy_data_version",
  "metaxy_data_version_by_field",
  "metaxy_provenance",
  "metaxy_provenance_by_field",
];

function fromRaw(column: string) {
  return [{ assetKey: RAW, columnName: column }];
}

/** Readings aggregated per sensor, joined with sites whose `site` id is renamed to `site_id`. */
function sensorGraph() {
  const graph = new FeatureGraph({ project: "sensors" });
  graph.feature({
    key: "sensor/readings",
    idColumns: ["sensor_id", "reading_id"],
    columns: { temperature: "float64" },
  });
  graph.feature({
    key: "sensor/site",
    idColumns: ["site"],
    columns: { region: "string" },
    metadata: {
      "dagster/attributes": { asset_key: ["ext", "sites"], group_name: "sensors", owners: ["team:iot"] },
    },
  });
  graph.feature({
    key: "sensor/stats",
    idColumns: ["sensor_id"],
    deps: [
      { feature: "sensor/readings", lineage: Lineage.aggregation({ on: ["sensor_id"] }) },
      { feature: "sensor/site", rename: { site: "site_id" } },
    ],
    columns: { region: "string", site_id: "string", mean_temperature: "float64" },
  });
  return graph;
}

describe("describeAsset", () => {
  it("describes a root feature (code version from the Python reference: metaxy_ref.code_version)", () => {
    const { graph } = videoGraph();
    const asset = describeAsset(graph, "video/raw");
    expect(asset).toEqual({
      key: RAW,
      featureKey: "video/raw",
      deps: [],
      codeVersion: "metaxy:860ca345",
      description: "Raw videos",
      columnSchema: [
        { name: "fps", type: "float64" },
        { name: "path", type: "string" },
      ],
      columnLineage: null,
      tags: { "metaxy/feature": "video__raw", "metaxy/project": "demo" },
      kinds: ["metaxy"],
      metadata: {
        "metaxy/feature": "video/raw",
        "metaxy/info": {
          feature: {
            project: "demo",
            spec: {
              key: "video/raw",
              id_columns: ["video_id"],
              deps: [],
              fields: [
                { key: "audio", code_version: "__metaxy_initial__", deps: [] },
                { key: "frames", code_version: "__metaxy_initial__", deps: [] },
              ],
              metadata: {},
              description: "Raw videos",
            },
            version: graph.featureVersion("video/raw"),
            type: null,
          },
          metaxy: { version: "0.1.10", plugins: [] },
        },
      },
      attributes: {},
    });
  });

  it("maps renamed, pass-through, id and system columns of an identity dependency", () => {
    const { graph } = videoGraph();
    const asset = describeAsset(graph, "video/faces", { plugins: ["sqlmodel"] });
    expect(asset.deps).toEqual([RAW]);
    expect(asset.codeVersion).toBe("metaxy:0e1ef935");
    expect(asset.description).toBeNull();
    expect(asset.tags).toEqual({ "metaxy/feature": "video__faces", "metaxy/project": "demo" });
    expect(asset.metadata["metaxy/info"].metaxy).toEqual({ version: "0.1.10", plugins: ["sqlmodel"] });
    expect(asset.columnLineage).toEqual({
      fps: fromRaw("fps"),
      ...Object.fromEntries(SYSTEM_LINEAGE.map((c) => [c, fromRaw(c)])),
      video_id: fromRaw("video_id"),
      video_path: fromRaw("path"),
    });
    expect(Object.keys(asset.columnLineage!)).toEqual(["fps", ...SYSTEM_LINEAGE, "video_id", "video_path"]);
  });

  it("maps only the `on` columns of an expansion", () => {
    const { graph } = videoGraph();
    expect(describeAsset(graph, "video/frames").columnLineage).toEqual({
      fps: fromRaw("fps"),
      ...Object.fromEntries(SYSTEM_LINEAGE.map((c) => [c, fromRaw(c)])),
      video_id: fromRaw("video_id"),
    });
  });

  it("handles aggregation, renamed id columns, asset_key attributes and key prefixes", () => {
    const graph = sensorGraph();
    const readings = ["staging", "sensor", "readings"];
    const sites = ["staging", "ext", "sites"];
    const asset = describeAsset(graph, "sensor/stats", { keyPrefix: ["staging"] });
    expect(asset.key).toEqual(["staging", "sensor", "stats"]);
    expect(asset.deps).toEqual([readings, sites]);
    expect(asset.columnLineage).toEqual({
      ...Object.fromEntries(
        SYSTEM_LINEAGE.map((c) => [
          c,
          [
            { assetKey: readings, columnName: c },
            { assetKey: sites, columnName: c },
          ],
        ]),
      ),
      region: [{ assetKey: sites, columnName: "region" }],
      sensor_id: [{ assetKey: readings, columnName: "sensor_id" }],
      site_id: [{ assetKey: sites, columnName: "site" }],
    });
    const site = describeAsset(graph, "sensor/site");
    expect(site.key).toEqual(["ext", "sites"]);
    expect(site.attributes).toEqual({ group_name: "sensors", owners: ["team:iot"] });
    expect(site.tags).toEqual({ "metaxy/feature": "sensor__site", "metaxy/project": "sensors" });
  });

  it("omits the project tag without a project; refuses malformed attributes and unknown features", () => {
    const graph = new FeatureGraph();
    graph.feature({ key: "solo", idColumns: ["id"] });
    graph.feature({ key: "bad", idColumns: ["id"], metadata: { "dagster/attributes": "nope" } });
    graph.feature({
      key: "badkey",
      idColumns: ["id"],
      metadata: { "dagster/attributes": { asset_key: [1] } },
    });
    const solo = describeAsset(graph, "solo");
    expect(solo.tags).toEqual({ "metaxy/feature": "solo" });
    expect(solo.columnSchema).toEqual([]);
    expect(solo.metadata["metaxy/info"].feature.project).toBeNull();
    expectThrow(
      () => describeAsset(graph, "bad"),
      InvalidSpecError,
      "INVALID_SPEC",
      /^assets: feature "bad" metadata\["dagster\/attributes"\] must be an object, got "nope"$/,
    );
    expectThrow(() => describeAsset(graph, "badkey"), InvalidSpecError, "INVALID_SPEC", /asset_key must be/);
    expectThrow(() => describeAsset(graph, "missing"), FeatureNotFoundError, "FEATURE_NOT_FOUND");
  });

  it("idColumnMapping: aggregation without `on` uses every downstream id column", () => {
    expect(idColumnMapping(["a", "b"], ["a", "c"], Lineage.aggregation(), {})).toEqual({ a: "a" });
    expect(idColumnMapping(["x"], ["a"], Lineage.identity(), { x: "a" })).toEqual({ x: "a" });
    expect(idColumnMapping(["a", "f"], ["a"], Lineage.expansion({ on: ["a"] }), {})).toEqual({ a: "a" });
  });
});

/** Rows stamped with fixed creation times (ms) so the mean is known. */
function timedRows(ids: readonly number[], createdMs: readonly number[]) {
  return videoRows(ids).map((row, k) => ({ ...row, metaxy_created_at: new Date(createdMs[k]!) }));
}

describe("materializationStats", () => {
  it("counts current rows, renders the mean creation time as Python's str(float), counts the run's rows", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph, "run-2");
    await store.withOpen("w", async (s) => {
      await s.write("video/raw", timedRows([1, 2], [1700000000000, 1700000000001]), {
        materializationId: "run-1",
      });
      await s.write("video/raw", timedRows([3], [1700000000003]));
    });
    // (1700000000000000 + 1700000000001000 + 1700000000003000) / 3 µs
    expect(await materializationStats(store, "video/raw", { materializationId: "run-1" })).toEqual({
      rowCount: 3,
      dataVersion: "1700000000001333.2",
      materializedInRun: 2,
    });
    expect(await materializationStats(store, "video/raw")).toEqual({
      rowCount: 3,
      dataVersion: "1700000000001333.2",
      materializedInRun: 1,
    });
    expect(
      await materializationStats(store, "video/raw", { filters: ["video_id <= 2"], materializationId: null }),
    ).toEqual({
      rowCount: 2,
      dataVersion: "1700000000000500.0",
      materializedInRun: null,
    });
    expect(await materializationStats(store, "video/raw", { filters: ["video_id > 9"] })).toEqual({
      rowCount: 0,
      dataVersion: "empty",
      materializedInRun: 0,
    });
    await expect(materializationStats(store, "video/faces")).rejects.toThrow(FeatureNotFoundError);
  });
});

describe("withMetaxyOutput", () => {
  it("writes fn's table stamped with the run id and returns the run's stats", async () => {
    const { graph } = videoGraph();
    const store = deltaStore(graph);
    await store.withOpen("w", (s) => s.write("video/raw", videoRows([1]), { materializationId: "old" }));
    const result = await withMetaxyOutput(store, "video/raw", "run-9", ({ runId }) => {
      expect(runId).toBe("run-9");
      return timedRows([2, 3], [1700000000000, 1700000000002]);
    });
    expect(result.rowsWritten).toBe(2);
    expect(result.stats?.rowCount).toBe(3);
    expect(result.stats?.materializedInRun).toBe(2);
    const rows = tableToRows(
      await store.withOpen("r", (s) =>
        s.read("video/raw", { columns: ["video_id", "metaxy_materialization_id"] }),
      ),
    ).sort((a, b) => (a.video_id as number) - (b.video_id as number));
    expect(rows).toEqual([
      { video_id: 1, metaxy_materialization_id: "old" },
      { video_id: 2, metaxy_materialization_id: "run-9" },
      { video_id: 3, metaxy_materialization_id: "run-9" },
    ]);
  });

  it("writes nothing when fn returns null", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    expect(await withMetaxyOutput(store, "video/raw", "run-1", async () => null)).toEqual({
      rowsWritten: 0,
      stats: null,
    });
    expect(await store.withOpen("r", (s) => s.hasFeature("video/raw"))).toBe(false);
  });
});
