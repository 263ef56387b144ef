/** Reading pushed snapshots back: history, features of a snapshot, graphs rebuilt from stored rows. */
import { describe, expect, it } from "vitest";
import { tableToRows } from "../../../src/arrow/table-to-rows.js";
import { FEATURE_VERSIONS_KEY } from "../../../src/constants.js";
import { InvalidArgumentError, SystemDataNotFoundError } from "../../../src/errors.js";
import { FeatureGraph } from "../../../src/models/feature-graph.js";
import { FeatureSpec } from "../../../src/models/feature-spec.js";
import { parsePythonJson } from "../../../src/models/python-json-parse.js";
import {
  featureDefinitionVersion,
  featureSpecVersion,
  projectVersion,
} from "../../../src/models/versions.js";
import {
  FEATURE_VERSIONS_SCHEMA,
  featureVersionsTable,
} from "../../../src/store/system/feature-versions-table.js";
import { SystemTableStorage } from "../../../src/store/system/system-table-storage.js";
import { expectError } from "../../conformance/harness.js";
import { deltaStore, demoGraph } from "./system-graphs.js";

describe("reading snapshots", () => {
  it("reads a store without the system table as empty, with the system schema", async () => {
    const { graph } = demoGraph();
    const store = await deltaStore(graph);
    const storage = new SystemTableStorage(store);
    await store.withOpen("r", async () => {
      expect(await storage.readGraphSnapshots()).toEqual([]);
      const features = await storage.readFeatures();
      expect(features.numRows).toBe(0);
      expect(features.schema.fields.map((f) => [f.name, String(f.type)])).toEqual(
        FEATURE_VERSIONS_SCHEMA.fields.map((f) => [f.name, String(f.type)]),
      );
      await expectError(
        storage.loadGraphFromSnapshot("deadbeef"),
        SystemDataNotFoundError,
        "SYSTEM_DATA_NOT_FOUND",
        /"deadbeef"/,
      );
    });
  });

  it("lists snapshots newest first and reads the features of one", async () => {
    const v1 = demoGraph("1");
    const v2 = demoGraph("2");
    const store = await deltaStore(v1.graph);
    const other = await deltaStore(v2.graph, store.rootPath);
    const storage = new SystemTableStorage(store);
    await store.withOpen("w", () => storage.pushGraphSnapshot());
    await other.withOpen("w", () => new SystemTableStorage(other).pushGraphSnapshot());
    await store.withOpen("r", async () => {
      const snapshots = await storage.readGraphSnapshots();
      expect(snapshots.map((s) => [s.projectVersion, s.featureCount])).toEqual([
        [v2.graph.projectVersion(), 2],
        [v1.graph.projectVersion(), 2],
      ]);
      expect(snapshots[0]!.recordedAt.getTime()).toBeGreaterThanOrEqual(snapshots[1]!.recordedAt.getTime());
      expect(await storage.readGraphSnapshots("demo")).toEqual(snapshots);
      expect(await storage.readGraphSnapshots("elsewhere")).toEqual([]);

      const keysOf = (t: Awaited<ReturnType<typeof storage.readFeatures>>) =>
        tableToRows(t).map((r) => [r.feature_key, r.metaxy_feature_version]);
      // current: the store graph's project version (v1)
      expect(keysOf(await storage.readFeatures())).toEqual([
        ["video/raw", v1.raw.featureVersion()],
        ["video/faces", v1.faces.featureVersion()],
      ]);
      expect(keysOf(await storage.readFeatures({ projectVersion: v2.graph.projectVersion() }))).toEqual([
        ["video/raw", v2.raw.featureVersion()],
        ["video/faces", v2.faces.featureVersion()],
      ]);
      expect((await storage.readFeatures({ project: "other" })).numRows).toBe(0);
      await expectError(
        storage.readFeatures({ current: false }),
        InvalidArgumentError,
        "INVALID_ARGUMENT",
        /projectVersion/,
      );
    });
  });

  it("rebuilds a pushed graph with the same feature, field, definition and project versions", async () => {
    const v1 = demoGraph("1");
    const store = await deltaStore(demoGraph("2").graph);
    const pusher = await deltaStore(v1.graph, store.rootPath);
    await pusher.withOpen("w", () => new SystemTableStorage(pusher).pushGraphSnapshot());
    const loaded = await store.withOpen("r", () =>
      new SystemTableStorage(store).loadGraphFromSnapshot(v1.graph.projectVersion(), "demo"),
    );
    expect(loaded.project).toBe("demo");
    expect(loaded.projectVersion()).toBe(v1.graph.projectVersion());
    for (const key of ["video/raw", "video/faces"]) {
      expect(loaded.featureVersion(key)).toBe(v1.graph.featureVersion(key));
      expect(loaded.fieldVersions(key)).toEqual(v1.graph.fieldVersions(key));
      expect(loaded.featureDefinitionVersion(key)).toBe(v1.graph.featureDefinitionVersion(key));
    }
    expect(loaded.get("video/raw").classPath).toBe("features.ts#raw");
    expect(loaded.get("video/faces").classPath).toBeUndefined();
  });

  it("rebuilds a graph pushed by Python (spec JSON, Pydantic schema, float spellings)", async () => {
    // Rows as Python writes them: json.dumps of model_dump and of the Pydantic JSON schema.
    const videoSpec =
      '{"key": "video", "id_columns": ["id"], "deps": [], "fields": [{"key": "default", ' +
      '"code_version": "__metaxy_initial__", "deps": []}], "metadata": {"fps": 25.0}, "description": null}';
    const audioSpec =
      '{"key": "audio", "id_columns": ["id"], "deps": [{"feature": "video", "select": null, "rename": null, ' +
      '"fields_mapping": {"mapping": {"type": "default", "match_suffix": false, "exclude_fields": []}}, ' +
      '"sql_filters": null, "lineage": {"relationship": {"type": "1:1"}}, "optional": false}], ' +
      '"fields": [{"key": "default", "code_version": "__metaxy_initial__", "deps": []}], "metadata": {}, "description": null}';
    const schema = (title: string) =>
      `{"additionalProperties": false, "properties": {"id": {"title": "Id", "type": "string"}, ` +
      `"ratio": {"default": 1.0, "title": "Ratio", "type": "number"}}, "required": ["id"], "title": "${title}", "type": "object"}`;
    const definition = (spec: string, title: string) =>
      featureDefinitionVersion(
        FeatureSpec.fromJSON(parsePythonJson(spec)),
        parsePythonJson(schema(title)),
        8,
      );
    const dv = { video: definition(videoSpec, "Video"), audio: definition(audioSpec, "Audio") };
    const pv = projectVersion(
      [
        { key: FeatureSpec.fromJSON(parsePythonJson(videoSpec)).key, definitionVersion: dv.video },
        { key: FeatureSpec.fromJSON(parsePythonJson(audioSpec)).key, definitionVersion: dv.audio },
      ],
      8,
    );
    // 25.0 must stay a float: the spec version of the stored JSON, not of {"fps": 25}.
    expect(featureSpecVersion(FeatureSpec.fromJSON(parsePythonJson(videoSpec)), 8)).not.toBe(
      featureSpecVersion(FeatureSpec.fromJSON(parsePythonJson(videoSpec.replace("25.0", "25"))), 8),
    );
    const row = (key: "video" | "audio", spec: string, title: string) => ({
      project: "example_quickstart",
      featureKey: key,
      featureVersion: "ignored",
      definitionVersion: dv[key],
      recordedAt: 1_700_000_000_000_000n,
      featureSpec: spec,
      featureSchema: schema(title),
      featureClassPath: `example_quickstart.features.${title}`,
      projectVersion: pv,
      tags: '{"metaxy": "{\\"version\\": \\"0.1.10\\"}"}',
      deletedAt: null,
    });
    const store = await deltaStore(new FeatureGraph({ project: "example_quickstart" }));
    await store.withOpen("w", (s) =>
      s.write(
        FEATURE_VERSIONS_KEY,
        featureVersionsTable([row("video", videoSpec, "Video"), row("audio", audioSpec, "Audio")]),
      ),
    );
    const loaded = await store.withOpen("r", () => new SystemTableStorage(store).loadGraphFromSnapshot(pv));
    expect(loaded.projectVersion()).toBe(pv);
    expect(loaded.featureDefinitionVersion("video")).toBe(dv.video);
    expect(loaded.featureDefinitionVersion("audio")).toBe(dv.audio);
    // The quickstart's golden feature versions (metaxy-features §7.1).
    expect(loaded.featureVersion("audio")).toBe("9680125a");
    expect(loaded.get("video").classPath).toBe("example_quickstart.features.Video");
  });
});
