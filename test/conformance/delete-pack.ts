/**
 * Delete pack: soft deletes (tombstones through the write path, Python quirks included), hard
 * deletes (current version unless withFeatureHistory), dropFeatureMetadata, mode checks.
 */
import { describe, expect, it } from "vitest";
import {
  FEATURE_VERSIONS_KEY,
  METAXY_CREATED_AT,
  METAXY_DELETED_AT,
  METAXY_FEATURE_VERSION,
  METAXY_UPDATED_AT,
} from "../../src/constants.js";
import { FeatureNotFoundError, InvalidArgumentError, StoreNotOpenError } from "../../src/errors.js";
import { rootRows, videoGraph } from "./graphs.js";
import { type ConformanceTarget, expectError, makeStore, micros, rowsOf, sortRows } from "./harness.js";

const rows = (ids: readonly number[], prefix = "p") => rootRows("video_id", ids, ["audio", "frames"], prefix);

/** Registers the delete pack for one target. */
export function deletePack(target: ConformanceTarget): void {
  describe(`delete [${target.label}]`, () => {
    it("soft delete appends tombstones that keep created_at and updated_at", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(video, rows([1, 2, 3]));
        await s.delete(video, ["video_id >= 2", "video_id < 3"]);
        expect(rowsOf(await s.read(video), ["video_id"])).toEqual([{ video_id: 1 }, { video_id: 3 }]);
        const history = await s.read(video, {
          withSampleHistory: true,
          includeSoftDeleted: true,
          filters: ["video_id = 2"],
        });
        expect(history.numRows).toBe(2);
        const created = micros(history, METAXY_CREATED_AT);
        const updated = micros(history, METAXY_UPDATED_AT);
        const deleted = micros(history, METAXY_DELETED_AT);
        expect(created[0]).toBe(created[1]);
        expect(updated[0]).toBe(updated[1]);
        const tomb = deleted[0] === null ? 1 : 0;
        expect(deleted[1 - tomb]).toBeNull();
        expect(deleted[tomb]! > updated[tomb]!).toBe(true);
        // the deleted sample is new again for resolveUpdate; writing it again restores it
        const inc = await s.resolveUpdate(video, { samples: rows([1, 2, 3]) });
        expect(rowsOf(inc.new, ["video_id"])).toEqual([{ video_id: 2 }]);
        await s.write(video, inc.new);
        expect(rowsOf(await s.read(video), ["video_id"])).toEqual([
          { video_id: 1 },
          { video_id: 2 },
          { video_id: 3 },
        ]);
      });
    });

    it("soft delete without filters hides every sample", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(video, rows([1, 2]));
        await s.delete(video);
        expect((await s.read(video)).numRows).toBe(0);
        expect((await s.read(video, { includeSoftDeleted: true })).numRows).toBe(2);
      });
    });

    it("a tombstone of a historical row hides the sample under the current version (Python quirk)", async () => {
      const old = videoGraph({ video: "0" });
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(old.video, rows([1]));
        await s.write(video, rows([1], "q"));
        const v0 = old.video.featureVersion();
        await s.delete(video, [`${METAXY_FEATURE_VERSION} = '${v0}'`], {
          withFeatureHistory: true,
          withSampleHistory: true,
        });
        expect((await s.read(video)).numRows).toBe(0);
        const tombstones = await s.read(video, {
          withFeatureHistory: true,
          withSampleHistory: true,
          includeSoftDeleted: true,
          filters: [`${METAXY_DELETED_AT} IS NOT NULL`],
        });
        expect(rowsOf(tombstones, [METAXY_FEATURE_VERSION])).toEqual([
          { [METAXY_FEATURE_VERSION]: video.featureVersion() },
        ]);
      });
    });

    it("refuses deletes outside mode w and on system tables", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("r", async (s) => {
        await expectError(s.delete(video, ["video_id = 1"]), StoreNotOpenError, "STORE_NOT_OPEN", /"w"/);
        await expectError(s.dropFeatureMetadata(video), StoreNotOpenError, "STORE_NOT_OPEN");
      });
      await store.withOpen("w", async (s) => {
        await expectError(
          s.delete(FEATURE_VERSIONS_KEY),
          InvalidArgumentError,
          "INVALID_ARGUMENT",
          /system table/,
        );
        await expectError(
          s.dropFeatureMetadata(FEATURE_VERSIONS_KEY),
          InvalidArgumentError,
          "INVALID_ARGUMENT",
        );
      });
    });

    if (target.capabilities.hardDelete) {
      it("hard delete removes rows of the current version only, unless withFeatureHistory", async () => {
        const old = videoGraph({ video: "0" });
        const { graph, video } = videoGraph();
        const store = await makeStore(target, graph);
        const everything = { withFeatureHistory: true, withSampleHistory: true, includeSoftDeleted: true };
        await store.withOpen("w", async (s) => {
          await s.write(old.video, rows([1, 2]));
          await s.write(video, rows([1, 2, 3]));
          await s.write(video, rows([1], "r"));
          await s.delete(video, ["video_id = 1"], { soft: false });
          const cols = ["video_id", METAXY_FEATURE_VERSION];
          expect(rowsOf(await s.read(video, everything), cols)).toEqual(
            sortRows(
              [
                { video_id: 1, [METAXY_FEATURE_VERSION]: old.video.featureVersion() },
                { video_id: 2, [METAXY_FEATURE_VERSION]: old.video.featureVersion() },
                { video_id: 2, [METAXY_FEATURE_VERSION]: video.featureVersion() },
                { video_id: 3, [METAXY_FEATURE_VERSION]: video.featureVersion() },
              ],
              cols,
            ),
          );
          await s.delete(video, ["video_id = 2"], { soft: false, withFeatureHistory: true });
          expect(rowsOf(await s.read(video, everything), ["video_id"])).toEqual([
            { video_id: 1 },
            { video_id: 3 },
          ]);
          await s.delete(video, null, { soft: false });
          expect(rowsOf(await s.read(video, everything), ["video_id", METAXY_FEATURE_VERSION])).toEqual([
            { video_id: 1, [METAXY_FEATURE_VERSION]: old.video.featureVersion() },
          ]);
        });
      });
    }

    it("dropFeatureMetadata removes every row", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      const keepsTable = store.capabilities.dropKeepsTable;
      await store.withOpen("w", async (s) => {
        await s.write(video, rows([1, 2]));
        await s.dropFeatureMetadata(video);
        expect(await s.hasFeature(video)).toBe(keepsTable);
        if (keepsTable)
          expect((await s.read(video, { withSampleHistory: true, includeSoftDeleted: true })).numRows).toBe(
            0,
          );
        else await expectError(s.read(video), FeatureNotFoundError, "FEATURE_NOT_FOUND");
        await s.write(video, rows([3]));
        expect(rowsOf(await s.read(video), ["video_id"])).toEqual([{ video_id: 3 }]);
      });
    });
  });
}
