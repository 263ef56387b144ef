/**
 * Rebase and copy pack: moving rows of an older feature version onto the current one (keeping
 * user data versions), and copying metadata between stores.
 */
import { describe, expect, it, vi } from "vitest";
import {
  METAXY_CREATED_AT,
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_FEATURE_VERSION,
  METAXY_PROJECT_VERSION,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
} from "../../src/constants.js";
import { InvalidArgumentError, StoreNotOpenError } from "../../src/errors.js";
import { identityGraph, rootRows, videoGraph } from "./graphs.js";
import { type ConformanceTarget, columnNames, expectError, h, makeStore, micros, rowsOf } from "./harness.js";

/** Registers the rebase and copy pack for one target. */
export function rebaseCopyPack(target: ConformanceTarget): void {
  describe(`rebase [${target.label}]`, () => {
    it("recomputes provenance under the current graph and keeps user data versions", async () => {
      const old = identityGraph("1");
      const cur = identityGraph("2");
      expect(old.parent.featureVersion()).toBe(cur.parent.featureVersion());
      const store = await makeStore(target, cur.graph);
      const algo = store.hashAlgorithm;
      await store.withOpen("w", async (s) => {
        await s.write(cur.parent, rootRows("id", ["a", "b"], ["value"]));
        const expected = (await s.resolveUpdate(old.child)).new;
        const [a, b] = rowsOf(expected, columnNames(expected));
        await s.write(old.child, [{ ...a, note: "na" }]);
        // b overrides its data version (without metaxy_data_version: write hashes the override)
        const { [METAXY_DATA_VERSION]: _dv, ...bRest } = b!;
        await s.write(old.child, [
          { ...bRest, note: "nb", [METAXY_DATA_VERSION_BY_FIELD]: { derived: "user_b" } },
        ]);
        const stored = await s.read(old.child);
        const rebased = await s.rebase("child", stored);
        const fieldA = await h(algo, "derived|2|parent.value|pvaluea");
        const fieldB = await h(algo, "derived|2|parent.value|pvalueb");
        expect(
          rowsOf(rebased, [
            "id",
            "note",
            METAXY_PROVENANCE_BY_FIELD,
            METAXY_PROVENANCE,
            METAXY_DATA_VERSION_BY_FIELD,
            METAXY_DATA_VERSION,
            METAXY_FEATURE_VERSION,
            METAXY_PROJECT_VERSION,
          ]),
        ).toEqual([
          {
            id: "a",
            note: "na",
            [METAXY_PROVENANCE_BY_FIELD]: { derived: fieldA },
            [METAXY_PROVENANCE]: await h(algo, fieldA),
            [METAXY_DATA_VERSION_BY_FIELD]: null,
            [METAXY_DATA_VERSION]: null,
            [METAXY_FEATURE_VERSION]: cur.child.featureVersion(),
            [METAXY_PROJECT_VERSION]: cur.graph.projectVersion(),
          },
          {
            id: "b",
            note: "nb",
            [METAXY_PROVENANCE_BY_FIELD]: { derived: fieldB },
            [METAXY_PROVENANCE]: await h(algo, fieldB),
            [METAXY_DATA_VERSION_BY_FIELD]: { derived: "user_b" },
            [METAXY_DATA_VERSION]: await h(algo, "user_b"),
            [METAXY_FEATURE_VERSION]: cur.child.featureVersion(),
            [METAXY_PROJECT_VERSION]: cur.graph.projectVersion(),
          },
        ]);
        expect((await s.resolveUpdate("child")).counts).toEqual({ new: 2, stale: 0, orphaned: 0 });
        await s.write("child", rebased, { preserveFeatureVersion: true });
        expect((await s.resolveUpdate("child")).counts).toEqual({ new: 0, stale: 0, orphaned: 0 });
        expect(rowsOf(await s.read("child"), ["id", METAXY_DATA_VERSION])).toEqual([
          { id: "a", [METAXY_DATA_VERSION]: await h(algo, fieldA) },
          { id: "b", [METAXY_DATA_VERSION]: await h(algo, "user_b") },
        ]);
      });
    });

    it("refuses root features; a historical target version needs system tables", async () => {
      const { graph, parent, child } = identityGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(parent, rootRows("id", ["a"], ["value"]));
        await expectError(
          s.rebase(parent, []),
          InvalidArgumentError,
          "INVALID_ARGUMENT",
          /root feature "parent"/,
        );
        if (!target.capabilities.systemTables) {
          await expectError(
            s.rebase(child, [], { toFeatureVersion: "deadbeef" }),
            InvalidArgumentError,
            "INVALID_ARGUMENT",
            /"deadbeef"/,
          );
        }
      });
    });
  });

  describe(`copyMetadata [${target.label}]`, () => {
    it("copies every feature of the project with history, preserving versions and created_at", async () => {
      const old = videoGraph({ video: "0" });
      const { graph, video, faces } = videoGraph();
      const source = await makeStore(target, graph);
      await source.withOpen("w", async (s) => {
        await s.write(old.video, rootRows("video_id", [1, 2], ["audio", "frames"]));
        await s.write(video, rootRows("video_id", [2, 3], ["audio", "frames"], "q"));
        await s.write(faces, [
          { video_id: 3, metaxy_provenance_by_field: { faces: "x" }, metaxy_provenance: "p" },
        ]);
      });
      const dest = await makeStore(target, graph);
      const cols = ["video_id", METAXY_FEATURE_VERSION, METAXY_PROVENANCE, METAXY_CREATED_AT];
      const history = { withFeatureHistory: true } as const;
      await source.withOpen("r", async (src) => {
        await dest.withOpen("w", async (d) => {
          expect(await d.copyMetadata(src)).toEqual({ featuresCopied: 2, rowsCopied: 4 });
          const copied = await d.read(video, history);
          expect(rowsOf(copied, cols)).toEqual(rowsOf(await src.read(video, history), cols));
          expect(micros(copied, METAXY_CREATED_AT)).toEqual(
            micros(await src.read(video, history), METAXY_CREATED_AT),
          );
          expect(rowsOf(await d.read(faces), ["video_id", METAXY_PROVENANCE])).toEqual([
            { video_id: 3, [METAXY_PROVENANCE]: "p" },
          ]);
        });
      });
    });

    it("copies selected features with filters and skips missing ones with a warning", async () => {
      const { graph, video, faces } = videoGraph();
      const source = await makeStore(target, graph);
      await source.withOpen("w", (s) =>
        s.write(video, rootRows("video_id", [1, 2, 3, 4], ["audio", "frames"])),
      );
      const dest = await makeStore(target, graph);
      const spy = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
      try {
        await source.withOpen("r", async (src) => {
          await dest.withOpen("w", async (d) => {
            const result = await d.copyMetadata(src, {
              features: [video, faces],
              filters: { video: ["video_id != 1"] },
              globalFilters: ["video_id < 4"],
            });
            expect(result).toEqual({ featuresCopied: 1, rowsCopied: 2 });
            expect(rowsOf(await d.read(video), ["video_id"])).toEqual([{ video_id: 2 }, { video_id: 3 }]);
          });
        });
        expect(spy).toHaveBeenCalledTimes(1);
        expect(String(spy.mock.calls[0]![0])).toMatch(/"faces"/);
      } finally {
        spy.mockRestore();
      }
    });

    it("needs the source open and the destination open in w", async () => {
      const { graph } = videoGraph();
      const source = await makeStore(target, graph);
      const dest = await makeStore(target, graph);
      await dest.withOpen("w", (d) =>
        expectError(d.copyMetadata(source), StoreNotOpenError, "STORE_NOT_OPEN", /source/),
      );
      await source.withOpen("r", (src) =>
        dest.withOpen("r", (d) =>
          expectError(d.copyMetadata(src), StoreNotOpenError, "STORE_NOT_OPEN", /"w"/),
        ),
      );
    });
  });
}
