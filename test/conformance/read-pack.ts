/**
 * Read pack: the read pipeline (current-version filter, keep-latest by coalesce(deleted_at,
 * updated_at), soft-delete filter, user filters after dedup, projection) and its errors.
 */
import { describe, expect, it } from "vitest";
import { METAXY_DELETED_AT, METAXY_FEATURE_VERSION, METAXY_PROVENANCE } from "../../src/constants.js";
import { FeatureNotFoundError, InvalidArgumentError, MetadataSchemaError } from "../../src/errors.js";
import { col } from "../../src/filters/builders.js";
import { videoGraph } from "./graphs.js";
import { type ConformanceTarget, columnNames, expectError, h, makeStore, rowsOf } from "./harness.js";

const row = (id: number, n: number, tag = "x") => ({
  video_id: id,
  n,
  tag,
  metaxy_provenance_by_field: { frames: `f${id}.${n}`, audio: `a${id}` },
});

/** Registers the read pack for one target. */
export function readPack(target: ConformanceTarget): void {
  describe(`read [${target.label}]`, () => {
    it("keeps the latest row per id; withSampleHistory keeps every row", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(video, [row(1, 1), row(2, 1)]);
        await s.write(video, [row(1, 2)]);
        await s.write(video, [row(1, 3), row(3, 1)]);
        expect(rowsOf(await s.read(video), ["video_id", "n"])).toEqual([
          { video_id: 1, n: 3 },
          { video_id: 2, n: 1 },
          { video_id: 3, n: 1 },
        ]);
        expect(rowsOf(await s.read(video, { withSampleHistory: true }), ["video_id", "n"])).toEqual([
          { video_id: 1, n: 1 },
          { video_id: 1, n: 2 },
          { video_id: 1, n: 3 },
          { video_id: 2, n: 1 },
          { video_id: 3, n: 1 },
        ]);
      });
    });

    it("breaks timestamp ties by write order (later row wins)", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(video, [row(1, 1), row(2, 5), row(1, 2), row(1, 3), row(2, 4)]);
        expect(rowsOf(await s.read(video), ["video_id", "n"])).toEqual([
          { video_id: 1, n: 3 },
          { video_id: 2, n: 4 },
        ]);
      });
    });

    it("applies user filters after deduplication (text or expressions)", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(video, [row(1, 5), row(2, 7)]);
        await s.write(video, [row(1, 1)]);
        expect(rowsOf(await s.read(video, { filters: ["n > 3"] }), ["video_id", "n"])).toEqual([
          { video_id: 2, n: 7 },
        ]);
        expect(rowsOf(await s.read(video, { filters: [col("n").gt(3)] }), ["video_id", "n"])).toEqual([
          { video_id: 2, n: 7 },
        ]);
        expect(
          rowsOf(await s.read(video, { filters: ["n > 0", "video_id = 1"] }), ["video_id", "n"]),
        ).toEqual([{ video_id: 1, n: 1 }]);
      });
    });

    it("projects to exactly the requested columns, in order", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(video, [row(1, 1, "a")]);
        await s.write(video, [row(1, 2, "b")]);
        const table = await s.read(video, { columns: ["tag", METAXY_PROVENANCE], filters: ["n = 2"] });
        expect(columnNames(table)).toEqual(["tag", METAXY_PROVENANCE]);
        expect(rowsOf(table, ["tag", METAXY_PROVENANCE])).toEqual([
          { tag: "b", [METAXY_PROVENANCE]: await h(s.hashAlgorithm, "a1|f1.2") },
        ]);
        await expectError(
          s.read(video, { columns: ["nope"] }),
          MetadataSchemaError,
          "METADATA_SCHEMA",
          /nope/,
        );
      });
    });

    it("filters by the current feature version unless withFeatureHistory", async () => {
      const old = videoGraph({ video: "0" });
      const { graph, video } = videoGraph();
      expect(old.video.featureVersion()).not.toBe(video.featureVersion());
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(old.video, [row(1, 1), row(2, 1)]);
        await s.write("video", [row(2, 2), row(3, 2)]);
        expect(rowsOf(await s.read("video"), ["video_id", "n"])).toEqual([
          { video_id: 2, n: 2 },
          { video_id: 3, n: 2 },
        ]);
        expect(rowsOf(await s.read(old.video), ["video_id", "n"])).toEqual([
          { video_id: 1, n: 1 },
          { video_id: 2, n: 1 },
        ]);
        // history: dedup spans versions (the v2 row of id 2 is the latest)
        expect(rowsOf(await s.read("video", { withFeatureHistory: true }), ["video_id", "n"])).toEqual([
          { video_id: 1, n: 1 },
          { video_id: 2, n: 2 },
          { video_id: 3, n: 2 },
        ]);
        const v1 = old.video.featureVersion();
        expect(
          rowsOf(await s.read("video", { withFeatureHistory: true, featureVersion: v1 }), [
            "video_id",
            METAXY_FEATURE_VERSION,
          ]),
        ).toEqual([
          { video_id: 1, [METAXY_FEATURE_VERSION]: v1 },
          { video_id: 2, [METAXY_FEATURE_VERSION]: v1 },
        ]);
        await expectError(
          s.read("video", { featureVersion: v1 }),
          InvalidArgumentError,
          "INVALID_ARGUMENT",
          /withFeatureHistory/,
        );
      });
    });

    it("hides soft-deleted samples unless includeSoftDeleted", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(video, [row(1, 1), row(2, 1)]);
        await s.delete(video, ["video_id = 1"]);
        expect(rowsOf(await s.read(video), ["video_id"])).toEqual([{ video_id: 2 }]);
        const all = await s.read(video, { includeSoftDeleted: true });
        expect(rowsOf(all, ["video_id", "n"])).toEqual([
          { video_id: 1, n: 1 },
          { video_id: 2, n: 1 },
        ]);
        expect(rowsOf(all, ["video_id"]).length).toBe(2);
        expect(all.getChild(METAXY_DELETED_AT)!.nullCount).toBe(1);
      });
    });

    it("throws FeatureNotFoundError naming the feature and the store", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph, { name: "lonely" });
      await store.withOpen("r", async (s) => {
        await expectError(s.read(video), FeatureNotFoundError, "FEATURE_NOT_FOUND", /"video".*\[lonely\]/);
        await expectError(s.read("not/in_graph"), FeatureNotFoundError, "FEATURE_NOT_FOUND", /not\/in_graph/);
        expect(await s.hasFeature(video)).toBe(false);
      });
    });
  });
}
