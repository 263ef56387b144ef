/**
 * resolveUpdate pack (metaxy-versioning §5): root samples, every lineage against the golden
 * vectors, data-version overrides propagating downstream, feature-version bumps, skipComparison,
 * kernels per call. Expected hashes come from the golden file or from `hashString` over the
 * documented pre-image.
 */
import { describe, expect, it } from "vitest";
import {
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
} from "../../src/constants.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { aggregationGraph, expansionGraph, identityGraph, rootRows, videoGraph } from "./graphs.js";
import {
  type ConformanceTarget,
  expectError,
  goldenCase,
  h,
  makeStore,
  rowsOf,
  sortRows,
} from "./harness.js";

const PROVENANCE_COLUMNS = [
  METAXY_PROVENANCE_BY_FIELD,
  METAXY_PROVENANCE,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_DATA_VERSION,
];

/** Registers the resolveUpdate pack (core lineages) for one target. */
export function resolveUpdatePack(target: ConformanceTarget): void {
  describe(`resolveUpdate [${target.label}]`, () => {
    it("root features: samples give new, stale and orphaned rows with exact provenance", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      const algo = store.hashAlgorithm;
      const first = rootRows("video_id", [1, 2, 3], ["audio", "frames"]);
      await store.withOpen("w", async (s) => {
        const inc = await s.resolveUpdate(video, { samples: first });
        expect(inc.counts).toEqual({ new: 3, stale: 0, orphaned: 0 });
        expect(rowsOf(inc.new, ["video_id", METAXY_PROVENANCE, METAXY_DATA_VERSION])).toEqual([
          {
            video_id: 1,
            [METAXY_PROVENANCE]: await h(algo, "paudio1|pframes1"),
            [METAXY_DATA_VERSION]: await h(algo, "paudio1|pframes1"),
          },
          {
            video_id: 2,
            [METAXY_PROVENANCE]: await h(algo, "paudio2|pframes2"),
            [METAXY_DATA_VERSION]: await h(algo, "paudio2|pframes2"),
          },
          {
            video_id: 3,
            [METAXY_PROVENANCE]: await h(algo, "paudio3|pframes3"),
            [METAXY_DATA_VERSION]: await h(algo, "paudio3|pframes3"),
          },
        ]);
        await s.write(video, inc.new);
      });
      const second = [
        first[0]!,
        {
          video_id: 2,
          metaxy_provenance_by_field: { audio: "paudio2", frames: "changed" },
          metaxy_provenance: "ignored",
        },
        ...rootRows("video_id", [4], ["audio", "frames"]),
      ];
      // a read-only open suffices
      const inc = await store.withOpen("r", (s) => s.resolveUpdate(video, { samples: second }));
      expect(rowsOf(inc.new, ["video_id", METAXY_PROVENANCE])).toEqual([
        { video_id: 4, [METAXY_PROVENANCE]: await h(algo, "paudio4|pframes4") },
      ]);
      expect(rowsOf(inc.stale, ["video_id", METAXY_PROVENANCE])).toEqual([
        { video_id: 2, [METAXY_PROVENANCE]: await h(algo, "paudio2|changed") },
      ]);
      expect(rowsOf(inc.orphaned, ["video_id", METAXY_PROVENANCE])).toEqual([
        { video_id: 3, [METAXY_PROVENANCE]: await h(algo, "paudio3|pframes3") },
      ]);
      const filtered = await store.withOpen("r", (s) =>
        s.resolveUpdate(video, {
          samples: second,
          targetFilters: ["video_id >= 2"],
          filters: { video: ["video_id != 4"] },
        }),
      );
      expect(filtered.counts).toEqual({ new: 0, stale: 1, orphaned: 1 });
    });

    it("root features without samples are an InvalidArgumentError mentioning samples", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("r", (s) =>
        expectError(
          s.resolveUpdate(video),
          InvalidArgumentError,
          "INVALID_ARGUMENT",
          /root feature.*samples/,
        ),
      );
    });

    it("identity lineage matches the golden vectors; data-version overrides propagate", async () => {
      const golden = goldenCase("C3/identity");
      const { graph, parent, child } = identityGraph();
      const store = await makeStore(target, graph, { hashAlgorithm: golden.algorithm });
      await store.withOpen("w", async (s) => {
        await s.write(parent, golden.upstream.parent!);
        const inc = await s.resolveUpdate(child);
        const cols = ["id", ...PROVENANCE_COLUMNS];
        expect(rowsOf(inc.new, cols)).toEqual(sortRows(golden.expected_rows, cols));
        expect(inc.counts).toEqual({ new: 3, stale: 0, orphaned: 0 });
        await s.write(child, inc.new);
        expect((await s.resolveUpdate(child)).counts).toEqual({ new: 0, stale: 0, orphaned: 0 });
        // override p2's data version upstream (its provenance unchanged): only p2 becomes stale
        await s.write(parent, [
          {
            id: "p2",
            metaxy_provenance_by_field: { value: "prov_p2" },
            metaxy_data_version_by_field: { value: "fv_p2_new" },
          },
        ]);
        const after = await s.resolveUpdate(child);
        const field = await h(golden.algorithm, "derived|1|parent.value|fv_p2_new");
        expect(rowsOf(after.stale, ["id", METAXY_PROVENANCE_BY_FIELD, METAXY_PROVENANCE])).toEqual([
          {
            id: "p2",
            [METAXY_PROVENANCE_BY_FIELD]: { derived: field },
            [METAXY_PROVENANCE]: await h(golden.algorithm, field),
          },
        ]);
        expect(after.counts).toEqual({ new: 0, stale: 1, orphaned: 0 });
      });
    });

    it("aggregation lineage matches the golden vectors, one row per upstream row", async () => {
      const golden = goldenCase("C3/aggregation");
      const { graph, readings, stats } = aggregationGraph();
      const store = await makeStore(target, graph, { hashAlgorithm: golden.algorithm });
      const algo = golden.algorithm;
      await store.withOpen("w", async (s) => {
        await s.write(readings, golden.upstream.sensor_readings!);
        const inc = await s.resolveUpdate(stats);
        const cols = ["sensor_id", ...PROVENANCE_COLUMNS];
        expect(rowsOf(inc.new, cols)).toEqual(sortRows(golden.expected_rows, cols));
        await s.write(stats, inc.new);
        expect((await s.resolveUpdate(stats)).counts).toEqual({ new: 0, stale: 0, orphaned: 0 });
        await s.write(readings, [
          { sensor_id: "s1", reading_id: "r6", metaxy_provenance_by_field: { temperature: "fv_r6" } },
        ]);
        const after = await s.resolveUpdate(stats);
        const agg = await h(algo, "fv_r1|fv_r2|fv_r6");
        const field = await h(algo, `avg_temp|1|sensor_readings.temperature|${agg}`);
        const expected = { sensor_id: "s1", [METAXY_PROVENANCE]: await h(algo, field) };
        expect(rowsOf(after.stale, ["sensor_id", METAXY_PROVENANCE])).toEqual([expected, expected, expected]);
        expect(after.counts).toEqual({ new: 0, stale: 3, orphaned: 0 });
      });
    });

    it("expansion lineage matches the golden vectors and compares at parent level", async () => {
      const golden = goldenCase("C3/expansion");
      const { graph, video, frames } = expansionGraph();
      const store = await makeStore(target, graph, { hashAlgorithm: golden.algorithm });
      await store.withOpen("w", async (s) => {
        await s.write(video, golden.upstream.video!);
        const inc = await s.resolveUpdate(frames);
        const cols = ["video_id", ...PROVENANCE_COLUMNS];
        expect(rowsOf(inc.new, cols)).toEqual(sortRows(golden.expected_rows, cols));
        const parents = rowsOf(inc.new, cols);
        const children = [
          { ...parents[0]!, frame_id: 0 },
          { ...parents[0]!, frame_id: 1 },
          { ...parents[1]!, frame_id: 0 },
        ];
        await s.write(frames, children);
        expect((await s.resolveUpdate(frames)).counts).toEqual({ new: 0, stale: 0, orphaned: 0 });
        await s.write(video, [
          {
            video_id: "v1",
            metaxy_provenance_by_field: { content: "prov_v1" },
            metaxy_data_version_by_field: { content: "fv_v1b" },
          },
        ]);
        await s.delete(video, ["video_id = 'v2'"]);
        const after = await s.resolveUpdate(frames);
        const field = await h(golden.algorithm, "frames|1|video.content|fv_v1b");
        expect(rowsOf(after.stale, ["video_id", METAXY_PROVENANCE])).toEqual([
          { video_id: "v1", [METAXY_PROVENANCE]: await h(golden.algorithm, field) },
        ]);
        expect(rowsOf(after.orphaned, ["video_id"])).toEqual([{ video_id: "v2" }]);
        expect(after.counts).toEqual({ new: 0, stale: 1, orphaned: 1 });
      });
    });

    it("a feature-version bump (own or upstream code) makes every stored row new, not stale", async () => {
      const old = identityGraph("1");
      const bumped = identityGraph("2");
      const upstreamBumped = identityGraph("1", "2");
      const store = await makeStore(target, bumped.graph);
      const parents = rootRows("id", ["a", "b"], ["value"]);
      await store.withOpen("w", async (s) => {
        await s.write(old.parent, parents);
        await s.write(old.child, (await s.resolveUpdate(old.child)).new);
        expect((await s.resolveUpdate(old.child)).counts).toEqual({ new: 0, stale: 0, orphaned: 0 });
        const inc = await s.resolveUpdate("child");
        expect(inc.counts).toEqual({ new: 2, stale: 0, orphaned: 0 });
        const field = await h(s.hashAlgorithm, "derived|2|parent.value|pvaluea");
        expect(rowsOf(inc.new, ["id", METAXY_PROVENANCE_BY_FIELD]).at(0)).toEqual({
          id: "a",
          [METAXY_PROVENANCE_BY_FIELD]: { derived: field },
        });
        await s.write(upstreamBumped.parent, parents);
        expect(upstreamBumped.child.featureVersion()).not.toBe(old.child.featureVersion());
        expect((await s.resolveUpdate(upstreamBumped.child)).counts).toEqual({
          new: 2,
          stale: 0,
          orphaned: 0,
        });
      });
    });

    it("skipComparison puts every expected row in new; kernels may be chosen per call", async () => {
      const { graph, parent, child } = identityGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(parent, rootRows("id", ["a", "b"], ["value"]));
        const first = await s.resolveUpdate(child);
        await s.write(child, first.new);
        const skipped = await s.resolveUpdate(child, { skipComparison: true });
        expect(skipped.counts).toEqual({ new: 2, stale: 0, orphaned: 0 });
        const portable = await s.resolveUpdate(child, { skipComparison: true, kernels: "portable" });
        const cols = ["id", METAXY_PROVENANCE];
        expect(rowsOf(portable.new, cols)).toEqual(rowsOf(first.new, cols));
      });
    });
  });
}
