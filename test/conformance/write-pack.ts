/**
 * Write pack: system columns added by `write` (Python `_add_system_columns`), data-version filling
 * (metaxy-versioning §3.5), transaction timestamps, schema checks, Map datatype, writeMulti order,
 * system keys.
 */
import { Int32, Type, vectorFromArray } from "apache-arrow";
import * as aq from "arquero";
import { describe, expect, it, vi } from "vitest";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { withColumn } from "../../src/arrow/with-column.js";
import {
  FEATURE_VERSIONS_KEY,
  METAXY_CREATED_AT,
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_DELETED_AT,
  METAXY_FEATURE_VERSION,
  METAXY_MATERIALIZATION_ID,
  METAXY_PROJECT_VERSION,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
  METAXY_UPDATED_AT,
} from "../../src/constants.js";
import { MetadataSchemaError, StoreNotOpenError, SystemDataNotFoundError } from "../../src/errors.js";
import { videoGraph } from "./graphs.js";
import { type ConformanceTarget, expectError, h, makeStore, micros, rowsOf, sampleOf } from "./harness.js";

const videoRows = (ids: readonly number[]) =>
  ids.map((i) => ({
    video_id: i,
    path: `v${i}.mp4`,
    metaxy_provenance_by_field: { frames: `f${i}`, audio: `a${i}` },
  }));

/** Registers the write pack for one target. */
export function writePack(target: ConformanceTarget): void {
  describe(`write [${target.label}]`, () => {
    it("adds every system column with exact values and types", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      const algo = store.hashAlgorithm;
      const table = await store.withOpen("w", async (s) => {
        await s.write(video, videoRows([1, 2]));
        return s.read(video);
      });
      const prov1 = await sampleOf(algo, { frames: "f1", audio: "a1" });
      expect(prov1).toBe(await h(algo, "a1|f1"));
      expect(rowsOf(table, ["video_id", "path", METAXY_PROVENANCE, METAXY_DATA_VERSION])).toEqual([
        { video_id: 1, path: "v1.mp4", [METAXY_PROVENANCE]: prov1, [METAXY_DATA_VERSION]: prov1 },
        {
          video_id: 2,
          path: "v2.mp4",
          [METAXY_PROVENANCE]: await h(algo, "a2|f2"),
          [METAXY_DATA_VERSION]: await h(algo, "a2|f2"),
        },
      ]);
      const rows = rowsOf(table, [
        "video_id",
        METAXY_DATA_VERSION_BY_FIELD,
        METAXY_FEATURE_VERSION,
        METAXY_PROJECT_VERSION,
        METAXY_DELETED_AT,
        METAXY_MATERIALIZATION_ID,
      ]);
      expect(rows[0]).toEqual({
        video_id: 1,
        [METAXY_DATA_VERSION_BY_FIELD]: { audio: "a1", frames: "f1" },
        [METAXY_FEATURE_VERSION]: video.featureVersion(),
        [METAXY_PROJECT_VERSION]: graph.projectVersion(),
        [METAXY_DELETED_AT]: null,
        [METAXY_MATERIALIZATION_ID]: null,
      });
      for (const name of [METAXY_CREATED_AT, METAXY_UPDATED_AT, METAXY_DELETED_AT]) {
        const type = table.schema.fields.find((f) => f.name === name)!.type;
        expect(type.typeId).toBe(Type.Timestamp);
        expect(String(type)).toBe("Timestamp<MICROSECOND, UTC>");
      }
      const created = micros(table, METAXY_CREATED_AT);
      expect(created[0]).not.toBeNull();
      expect(micros(table, METAXY_UPDATED_AT)).toEqual([created[0], created[0]]);
      expect(created[1]).toBe(created[0]);
    });

    it("uses one strictly increasing transaction timestamp per write", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      const table = await store.withOpen("w", async (s) => {
        for (let i = 0; i < 4; i++) await s.write(video, videoRows([i]));
        return s.read(video);
      });
      const stamps = rowsOf(table, ["video_id"]).map((_, k) => k);
      expect(stamps).toHaveLength(4);
      const byId = new Map<number, bigint>();
      const ids = table.getChild("video_id")!.toArray() as unknown as ArrayLike<bigint | number>;
      const updated = micros(table, METAXY_UPDATED_AT);
      for (let k = 0; k < table.numRows; k++) byId.set(Number(ids[k]), updated[k]!);
      for (let i = 1; i < 4; i++) expect(byId.get(i)! > byId.get(i - 1)!).toBe(true);
    });

    it("requires metaxy_provenance_by_field, id columns and non-null ids", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await expectError(
          s.write(video, [{ video_id: 1 }]),
          MetadataSchemaError,
          "METADATA_SCHEMA",
          /metaxy_provenance_by_field/,
        );
        await expectError(
          s.write(video, [{ metaxy_provenance_by_field: { frames: "f", audio: "a" } }]),
          MetadataSchemaError,
          "METADATA_SCHEMA",
          /"video_id"/,
        );
        await expectError(
          s.write(video, [
            { video_id: 1, metaxy_provenance_by_field: { frames: "f", audio: "a" } },
            { video_id: null, metaxy_provenance_by_field: { frames: "f", audio: "a" } },
          ]),
          MetadataSchemaError,
          "METADATA_SCHEMA",
          /"video_id".*null/,
        );
        await expectError(
          s.write(video, [{ video_id: 1, metaxy_provenance_by_field: "nope" }]),
          MetadataSchemaError,
          "METADATA_SCHEMA",
          /Struct or Map/,
        );
        expect(await s.hasFeature(video)).toBe(false);
      });
    });

    it("fills null data-version rows from provenance and hashes a given data_version_by_field", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      const algo = store.hashAlgorithm;
      const table = await store.withOpen("w", async (s) => {
        await s.write(video, [
          {
            video_id: 1,
            metaxy_provenance_by_field: { frames: "f1", audio: "a1" },
            metaxy_data_version_by_field: { frames: "F1", audio: "A1" },
          },
          {
            video_id: 2,
            metaxy_provenance_by_field: { frames: "f2", audio: "a2" },
            metaxy_data_version_by_field: null,
          },
        ]);
        await s.write(video, [
          {
            video_id: 3,
            metaxy_provenance_by_field: { frames: "f3", audio: "a3" },
            metaxy_data_version_by_field: { frames: "F3", audio: "A3" },
            metaxy_data_version: "custom3",
          },
          {
            video_id: 4,
            metaxy_provenance_by_field: { frames: "f4", audio: "a4" },
            metaxy_data_version_by_field: { frames: "F4", audio: "A4" },
            metaxy_data_version: null,
          },
        ]);
        return s.read(video);
      });
      expect(rowsOf(table, ["video_id", METAXY_DATA_VERSION_BY_FIELD, METAXY_DATA_VERSION])).toEqual([
        {
          video_id: 1,
          [METAXY_DATA_VERSION_BY_FIELD]: { frames: "F1", audio: "A1" },
          [METAXY_DATA_VERSION]: await h(algo, "A1|F1"),
        },
        {
          video_id: 2,
          [METAXY_DATA_VERSION_BY_FIELD]: { frames: "f2", audio: "a2" },
          [METAXY_DATA_VERSION]: await h(algo, "a2|f2"),
        },
        {
          video_id: 3,
          [METAXY_DATA_VERSION_BY_FIELD]: { frames: "F3", audio: "A3" },
          [METAXY_DATA_VERSION]: "custom3",
        },
        // data_version present but null: filled from the (recomputed) provenance, not from the override
        {
          video_id: 4,
          [METAXY_DATA_VERSION_BY_FIELD]: { frames: "F4", audio: "A4" },
          [METAXY_DATA_VERSION]: await h(algo, "a4|f4"),
        },
      ]);
    });

    it("keeps created_at, overwrites materialization_id, uses the store default id", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph, { materializationId: "store-run" });
      const created = new Date("2020-01-02T03:04:05.678Z");
      const table = await store.withOpen("w", async (s) => {
        await s.write(
          video,
          videoRows([1]).map((r) => ({
            ...r,
            metaxy_created_at: created,
            metaxy_materialization_id: "mine",
          })),
        );
        await s.write(video, videoRows([2]), { materializationId: "run-2" });
        await s.write(video, videoRows([3]), { materializationId: null });
        return s.read(video);
      });
      expect(rowsOf(table, ["video_id", METAXY_MATERIALIZATION_ID])).toEqual([
        { video_id: 1, [METAXY_MATERIALIZATION_ID]: "store-run" },
        { video_id: 2, [METAXY_MATERIALIZATION_ID]: "run-2" },
        { video_id: 3, [METAXY_MATERIALIZATION_ID]: null },
      ]);
      expect(micros(table, METAXY_CREATED_AT)[0]).toBe(1577934245678000n);
      expect(micros(table, METAXY_UPDATED_AT)[0]! > 1577934245678000n).toBe(true);
    });

    it("stamps the current versions unless preserveFeatureVersion with both columns", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      const table = await store.withOpen("w", async (s) => {
        const versions = { metaxy_feature_version: "oldfv", metaxy_project_version: "oldpv" };
        await s.write(
          video,
          videoRows([1]).map((r) => ({ ...r, ...versions })),
          { preserveFeatureVersion: true },
        );
        await s.write(
          video,
          videoRows([2]).map((r) => ({ ...r, metaxy_feature_version: "oldfv" })),
          {
            preserveFeatureVersion: true,
          },
        );
        await s.write(
          video,
          videoRows([3]).map((r) => ({ ...r, ...versions })),
        );
        return s.read(video, { withFeatureHistory: true });
      });
      expect(rowsOf(table, ["video_id", METAXY_FEATURE_VERSION, METAXY_PROJECT_VERSION])).toEqual([
        { video_id: 1, [METAXY_FEATURE_VERSION]: "oldfv", [METAXY_PROJECT_VERSION]: "oldpv" },
        {
          video_id: 2,
          [METAXY_FEATURE_VERSION]: video.featureVersion(),
          [METAXY_PROJECT_VERSION]: graph.projectVersion(),
        },
        {
          video_id: 3,
          [METAXY_FEATURE_VERSION]: video.featureVersion(),
          [METAXY_PROJECT_VERSION]: graph.projectVersion(),
        },
      ]);
    });

    it("recomputes a missing metaxy_provenance, warning for non-root features", async () => {
      const { graph, video, faces } = videoGraph();
      const store = await makeStore(target, graph);
      const spy = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
      try {
        const table = await store.withOpen("w", async (s) => {
          await s.write(video, videoRows([1]));
          expect(spy).not.toHaveBeenCalled();
          await s.write(faces, [{ video_id: 1, metaxy_provenance_by_field: { faces: "x1" } }]);
          return s.read(faces);
        });
        expect(spy).toHaveBeenCalledTimes(1);
        expect(String(spy.mock.calls[0]![0])).toMatch(/faces.*metaxy_provenance/);
        expect(rowsOf(table, [METAXY_PROVENANCE])).toEqual([
          { [METAXY_PROVENANCE]: await h(store.hashAlgorithm, "x1") },
        ]);
      } finally {
        spy.mockRestore();
      }
    });

    it("converts inputs to the stored column types (Arrow tables and rows)", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      const table = await store.withOpen("w", async (s) => {
        await s.write(
          video,
          videoRows([1]).map((r) => ({ ...r, score: 1.5 })),
        );
        await s.write(
          video,
          videoRows([2]).map((r) => ({ ...r, score: 2 })),
        );
        const arrow = withColumn(rowsToTable(videoRows([3])), "score", vectorFromArray([3], new Int32()));
        await s.write(video, arrow);
        return s.read(video);
      });
      expect(String(table.schema.fields.find((f) => f.name === "score")!.type)).toBe("Float64");
      expect(rowsOf(table, ["video_id", "score"])).toEqual([
        { video_id: 1, score: 1.5 },
        { video_id: 2, score: 2 },
        { video_id: 3, score: 3 },
      ]);
    });

    it("accepts arquero tables", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      const input = aq.table({
        video_id: [1, 2],
        metaxy_provenance_by_field: [
          { frames: "f1", audio: "a1" },
          { frames: "f2", audio: "a2" },
        ],
      });
      const table = await store.withOpen("w", async (s) => {
        await s.write(video, input);
        return s.read(video);
      });
      expect(rowsOf(table, ["video_id", METAXY_PROVENANCE])).toEqual([
        { video_id: 1, [METAXY_PROVENANCE]: await h(store.hashAlgorithm, "a1|f1") },
        { video_id: 2, [METAXY_PROVENANCE]: await h(store.hashAlgorithm, "a2|f2") },
      ]);
    });

    it("stores *_by_field as Map<Utf8, Utf8> with enableMapDatatype, with identical hashes", async () => {
      const { graph, video } = videoGraph();
      const mapStore = await makeStore(target, graph, { enableMapDatatype: true });
      const structStore = await makeStore(target, graph);
      const read = (s: typeof mapStore) =>
        s.withOpen("w", async (o) => {
          await o.write(video, videoRows([1, 2]));
          return o.read(video);
        });
      const [asMap, asStruct] = [await read(mapStore), await read(structStore)];
      for (const name of [METAXY_PROVENANCE_BY_FIELD, METAXY_DATA_VERSION_BY_FIELD]) {
        expect(asMap.schema.fields.find((f) => f.name === name)!.type.typeId).toBe(Type.Map);
        expect(asStruct.schema.fields.find((f) => f.name === name)!.type.typeId).toBe(Type.Struct);
      }
      const cols = ["video_id", METAXY_PROVENANCE_BY_FIELD, METAXY_PROVENANCE, METAXY_DATA_VERSION];
      expect(rowsOf(asMap, cols)).toEqual(rowsOf(asStruct, cols));
    });

    it("writeMulti writes dependents first, each in its own transaction", async () => {
      const { graph, video, faces } = videoGraph();
      const store = await makeStore(target, graph);
      const [v, f] = await store.withOpen("w", async (s) => {
        await s.writeMulti({
          video: videoRows([1]),
          faces: [{ video_id: 1, metaxy_provenance_by_field: { faces: "x" }, metaxy_provenance: "p" }],
        });
        return [await s.read(video), await s.read(faces)];
      });
      expect(micros(f!, METAXY_UPDATED_AT)[0]! < micros(v!, METAXY_UPDATED_AT)[0]!).toBe(true);
    });

    it("refuses writes before open and in read mode", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await expectError(store.write(video, videoRows([1])), StoreNotOpenError, "STORE_NOT_OPEN", /open/);
      await store.withOpen("r", async (s) => {
        await expectError(s.write(video, videoRows([1])), StoreNotOpenError, "STORE_NOT_OPEN", /"w"/);
        await expectError(s.writeMulti({ video: videoRows([1]) }), StoreNotOpenError, "STORE_NOT_OPEN");
      });
    });

    it("writes and reads system keys as given", async () => {
      const { graph } = videoGraph();
      const store = await makeStore(target, graph);
      const key = FEATURE_VERSIONS_KEY;
      await store.withOpen("w", async (s) => {
        await expectError(s.read(key), SystemDataNotFoundError, "SYSTEM_DATA_NOT_FOUND", /feature_versions/);
        await s.write(key, [{ feature_key: "video", [METAXY_FEATURE_VERSION]: "abc" }]);
        const table = await s.read(key, { filters: ["feature_key = 'video'"] });
        expect(
          rowsOf(
            table,
            table.schema.fields.map((f) => f.name),
          ),
        ).toEqual([{ feature_key: "video", [METAXY_FEATURE_VERSION]: "abc" }]);
      });
    });
  });
}
