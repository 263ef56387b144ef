/** pushGraphSnapshot: the rows it records, and Python's recorded / updated / already-recorded outcomes. */
import { Type } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { tableToRows } from "../../../src/arrow/table-to-rows.js";
import { FEATURE_VERSIONS_KEY } from "../../../src/constants.js";
import { InvalidArgumentError, StoreNotOpenError } from "../../../src/errors.js";
import { FeatureGraph } from "../../../src/models/feature-graph.js";
import { featureJsonSchema } from "../../../src/models/feature-schema.js";
import { featureVersionsTable } from "../../../src/store/system/feature-versions-table.js";
import { snapshotTagsJson } from "../../../src/store/system/snapshot-tags.js";
import { SystemTableStorage } from "../../../src/store/system/system-table-storage.js";
import { expectError } from "../../conformance/harness.js";
import { deltaStore, demoGraph } from "./system-graphs.js";

describe("pushGraphSnapshot", () => {
  it("records one row per feature with Python's columns, types and serialisations", async () => {
    const { graph, raw, faces } = demoGraph();
    const store = await deltaStore(graph);
    const storage = new SystemTableStorage(store);
    const before = Date.now();
    const result = await store.withOpen("w", () =>
      storage.pushGraphSnapshot({ tags: { git_commit: "abc" } }),
    );
    expect(result).toEqual({
      projectVersion: graph.projectVersion(),
      alreadyPushed: false,
      updatedFeatures: [],
    });

    const table = await store.withOpen("r", (s) => s.read(FEATURE_VERSIONS_KEY));
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types).toEqual({
      project: "Utf8",
      feature_key: "Utf8",
      metaxy_feature_version: "Utf8",
      metaxy_definition_version: "Utf8",
      recorded_at: "Timestamp<MICROSECOND>",
      feature_spec: "Utf8",
      feature_schema: "Utf8",
      feature_class_path: "Utf8",
      metaxy_project_version: "Utf8",
      tags: "Utf8",
      deleted_at: "Timestamp<MICROSECOND>",
    });
    expect(table.schema.fields.find((f) => f.name === "recorded_at")!.type.typeId).toBe(Type.Timestamp);
    const rows = tableToRows(table);
    const recordedAt = rows[0]!.recorded_at as Date;
    expect(recordedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(rows).toEqual([
      {
        project: "demo",
        feature_key: "video/raw",
        metaxy_feature_version: raw.featureVersion(),
        metaxy_definition_version: graph.featureDefinitionVersion(raw.key),
        recorded_at: recordedAt,
        feature_spec:
          '{"key": "video/raw", "id_columns": ["video_id"], "deps": [], ' +
          '"fields": [{"key": "frames", "code_version": "1", "deps": []}], "metadata": {}, "description": null}',
        feature_schema: rows[0]!.feature_schema,
        feature_class_path: "features.ts#raw",
        metaxy_project_version: graph.projectVersion(),
        tags: '{"git_commit": "abc", "metaxy": "{\\"version\\": \\"0.1.10\\"}"}',
        deleted_at: null,
      },
      {
        project: "demo",
        feature_key: "video/faces",
        metaxy_feature_version: faces.featureVersion(),
        metaxy_definition_version: graph.featureDefinitionVersion(faces.key),
        recorded_at: recordedAt,
        feature_spec: rows[1]!.feature_spec,
        feature_schema: "{}",
        feature_class_path: "",
        metaxy_project_version: graph.projectVersion(),
        tags: '{"git_commit": "abc", "metaxy": "{\\"version\\": \\"0.1.10\\"}"}',
        deleted_at: null,
      },
    ]);
    // The stored schema is the generated one, and the definition version hashes exactly it.
    const schema = JSON.parse(rows[0]!.feature_schema as string);
    expect(schema).toEqual(JSON.parse(JSON.stringify(featureJsonSchema(raw))));
    expect(schema.properties.fps).toEqual({ title: "Fps", type: "number" });
    expect(JSON.parse(rows[1]!.feature_spec as string)).toEqual(
      JSON.parse(JSON.stringify(faces.spec.toJSON())),
    );
  });

  it("is idempotent, re-records a changed graph, and records only missing or changed definitions", async () => {
    const v1 = demoGraph("1");
    const store = await deltaStore(v1.graph);
    const storage = new SystemTableStorage(store);
    await store.withOpen("w", async () => {
      await storage.pushGraphSnapshot();
      expect(await storage.pushGraphSnapshot()).toEqual({
        projectVersion: v1.graph.projectVersion(),
        alreadyPushed: true,
        updatedFeatures: [],
      });
      expect(await storage.readRecords()).toHaveLength(2);

      // A code change: a new project version, every feature recorded again.
      const v2 = demoGraph("2");
      const other = new SystemTableStorage(await deltaStore(v2.graph, store.rootPath));
      expect(v2.graph.projectVersion()).not.toBe(v1.graph.projectVersion());
      await other.store.withOpen("w", async () => {
        expect(await other.pushGraphSnapshot()).toEqual({
          projectVersion: v2.graph.projectVersion(),
          alreadyPushed: false,
          updatedFeatures: [],
        });
      });
      expect(await storage.readRecords()).toHaveLength(4);

      // Back to v1: its project version is no longer the latest, so it is recorded in full again.
      expect((await storage.pushGraphSnapshot()).alreadyPushed).toBe(false);
      expect(await storage.readRecords()).toHaveLength(6);

      // Rows under the current project version that lack a feature or carry another definition
      // (e.g. pushed by another implementation) are topped up: missing first, then changed.
      const records = await storage.readRecords();
      const latestRaw = records.filter((r) => r.featureKey === "video/raw").at(-1)!;
      await store.write(
        FEATURE_VERSIONS_KEY,
        featureVersionsTable([
          { ...latestRaw, definitionVersion: "deadbeef", recordedAt: latestRaw.recordedAt + 1n },
        ]),
      );
      expect(await storage.pushGraphSnapshot()).toEqual({
        projectVersion: v1.graph.projectVersion(),
        alreadyPushed: true,
        updatedFeatures: ["video/raw"],
      });
      expect(await storage.pushGraphSnapshot()).toEqual({
        projectVersion: v1.graph.projectVersion(),
        alreadyPushed: true,
        updatedFeatures: [],
      });
    });
  });

  it("lists features missing from the latest snapshot of the same project version", async () => {
    const { graph } = demoGraph();
    const store = await deltaStore(graph);
    const storage = new SystemTableStorage(store);
    await store.withOpen("w", async () => {
      // A snapshot holding only video/raw, as if a push had been cut short.
      await store.write(
        FEATURE_VERSIONS_KEY,
        featureVersionsTable((await recordsOf(graph)).filter((r) => r.featureKey === "video/raw")),
      );
      expect(await storage.pushGraphSnapshot()).toEqual({
        projectVersion: graph.projectVersion(),
        alreadyPushed: true,
        updatedFeatures: ["video/faces"],
      });
    });
  });

  it("resolves the project and refuses ambiguous or empty graphs and read mode", async () => {
    const graph = new FeatureGraph();
    graph.feature({ key: "a", idColumns: ["id"], project: "p1" });
    graph.feature({ key: "b", idColumns: ["id"], project: "p2" });
    const store = await deltaStore(graph);
    const storage = new SystemTableStorage(store);
    await store.withOpen("r", () =>
      expectError(storage.pushGraphSnapshot({ project: "p1" }), StoreNotOpenError, "STORE_NOT_OPEN", /"w"/),
    );
    await store.withOpen("w", async () => {
      await expectError(storage.pushGraphSnapshot(), InvalidArgumentError, "INVALID_ARGUMENT", /p1, p2/);
      await expectError(
        storage.pushGraphSnapshot({ project: "p3" }),
        InvalidArgumentError,
        "INVALID_ARGUMENT",
        /no features of project "p3"/,
      );
      const result = await storage.pushGraphSnapshot({ project: "p2" });
      expect(result.projectVersion).toBe(graph.projectVersion("p2"));
      expect((await storage.readRecords()).map((r) => [r.project, r.featureKey])).toEqual([["p2", "b"]]);
    });
    const empty = await deltaStore(new FeatureGraph({ project: "x" }));
    await empty.withOpen("w", () =>
      expectError(
        new SystemTableStorage(empty).pushGraphSnapshot(),
        InvalidArgumentError,
        "INVALID_ARGUMENT",
        /no features in the graph/,
      ),
    );
  });
});

describe("snapshotTagsJson", () => {
  it("adds the reserved metaxy tag after the user's tags, keeping a given metaxy version", () => {
    expect(snapshotTagsJson()).toBe('{"metaxy": "{\\"version\\": \\"0.1.10\\"}"}');
    expect(snapshotTagsJson({ b: "2", a: "é" })).toBe(
      '{"b": "2", "a": "\\u00e9", "metaxy": "{\\"version\\": \\"0.1.10\\"}"}',
    );
    expect(snapshotTagsJson({ metaxy: '{"version": "0.1.9", "x": 1}', z: "1" })).toBe(
      '{"metaxy": "{\\"version\\": \\"0.1.9\\", \\"x\\": 1}", "z": "1"}',
    );
    expect(snapshotTagsJson({ metaxy: "not json" })).toBe('{"metaxy": "{\\"version\\": \\"0.1.10\\"}"}');
  });
});

/** The records a first push of `graph` writes, read back from a scratch store. */
async function recordsOf(graph: FeatureGraph) {
  const scratch = await deltaStore(graph);
  const storage = new SystemTableStorage(scratch);
  await scratch.withOpen("w", () => storage.pushGraphSnapshot());
  return scratch.withOpen("r", () => storage.readRecords());
}
