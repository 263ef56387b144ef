/**
 * Fallback pack: ordered, read-only fallback chains (all-or-nothing per feature), resolveUpdate
 * reading upstreams through them (golden C6), and the hash-algorithm check on open.
 */
import { describe, expect, it } from "vitest";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { METAXY_PROVENANCE_BY_FIELD } from "../../src/constants.js";
import { FeatureNotFoundError, HashAlgorithmNotSupportedError } from "../../src/errors.js";
import type { HashAlgorithm } from "../../src/kernels/kernels.js";
import { fallbackGraph, rootRows } from "./graphs.js";
import { type ConformanceTarget, expectError, goldenCase, makeStore, rowsOf, sortRows } from "./harness.js";

const ids = [1, 2, 3];
/** Golden C6 root rows: `metaxy_provenance_by_field = { default: "hash<i>" }`. */
const c6Rows = ids.map((i) => ({ sample_uid: i, metaxy_provenance_by_field: { default: `hash${i}` } }));

/** Registers the fallback pack for one target. */
export function fallbackPack(target: ConformanceTarget): void {
  describe(`fallback stores [${target.label}]`, () => {
    it("reads a feature the primary lacks from the fallback, opened on demand and read-only", async () => {
      const { graph, root } = fallbackGraph();
      const fallback = await makeStore(target, graph, { name: "fb" });
      await fallback.withOpen("w", (s) =>
        s.write(
          root,
          rootRows("sample_uid", ids, ["default"], "hash", () => ({ n: 1 })),
        ),
      );
      const primary = await makeStore(target, graph, { name: "primary", fallbackStores: [fallback] });
      await primary.withOpen("w", async (s) => {
        expect(rowsOf(await s.read(root, { filters: ["sample_uid > 1"] }), ["sample_uid"])).toEqual([
          { sample_uid: 2 },
          { sample_uid: 3 },
        ]);
        expect(fallback.isOpen).toBe(false);
        await expectError(
          s.read(root, { allowFallback: false }),
          FeatureNotFoundError,
          "FEATURE_NOT_FOUND",
          /\[primary\]/,
        );
        expect(await s.hasFeature(root)).toBe(false);
        expect(await s.hasFeature(root, { checkFallback: true })).toBe(true);
        expect(await s.findStoreForFeature(root)).toBe(fallback);
        // writes go to the primary only
        await s.write(root, rootRows("sample_uid", [9], ["default"], "hash"));
        expect(rowsOf(await s.read(root), ["sample_uid"])).toEqual([{ sample_uid: 9 }]);
      });
      expect((await fallback.withOpen("r", (s) => s.read(root))).numRows).toBe(3);
    });

    it("resolveUpdate reads upstreams through the chain (golden C6, per algorithm)", async () => {
      for (const algorithm of ["xxhash64", "xxhash32", "md5"] as const satisfies readonly HashAlgorithm[]) {
        const golden = goldenCase(`C6/${algorithm}`);
        const { graph, root, downstream } = fallbackGraph();
        const fallback = await makeStore(target, graph, { hashAlgorithm: algorithm });
        await fallback.withOpen("w", (s) => s.write(root, c6Rows));
        const primary = await makeStore(target, graph, {
          hashAlgorithm: algorithm,
          fallbackStores: [fallback],
        });
        const inc = await primary.withOpen("r", (s) => s.resolveUpdate(downstream));
        const cols = ["sample_uid", METAXY_PROVENANCE_BY_FIELD];
        expect(rowsOf(inc.new, cols), algorithm).toEqual(sortRows(golden.expected_rows, cols));
      }
    });

    it("tries fallbacks in order, depth first, and names every store when none has the feature", async () => {
      const { graph, root, downstream } = fallbackGraph();
      const deep = await makeStore(target, graph, { name: "deep" });
      await deep.withOpen("w", (s) => s.write(root, rootRows("sample_uid", [1], ["default"], "deep")));
      const mid = await makeStore(target, graph, { name: "mid", fallbackStores: [deep] });
      const other = await makeStore(target, graph, { name: "other" });
      await other.withOpen("w", (s) => s.write(root, rootRows("sample_uid", [1], ["default"], "other")));
      const primary = await makeStore(target, graph, { name: "primary", fallbackStores: [mid, other] });
      await primary.withOpen("r", async (s) => {
        expect(rowsOf(await s.read(root), [METAXY_PROVENANCE_BY_FIELD])).toEqual([
          { [METAXY_PROVENANCE_BY_FIELD]: { default: "deepdefault1" } },
        ]);
        expect(await s.findStoreForFeature(root)).toBe(deep);
        await expectError(
          s.read(downstream),
          FeatureNotFoundError,
          "FEATURE_NOT_FOUND",
          /fallback_test\/downstream.*\[primary\].*\[mid\].*\[deep\].*\[other\]/,
        );
      });
    });

    it("is all-or-nothing per feature: an existing empty table in the primary wins", async () => {
      const { graph, root, downstream } = fallbackGraph();
      const fallback = await makeStore(target, graph);
      await fallback.withOpen("w", (s) => s.write(root, rootRows("sample_uid", ids, ["default"], "hash")));
      const primary = await makeStore(target, graph, { fallbackStores: [fallback] });
      await primary.withOpen("w", async (s) => {
        await s.write(root, rowsToTable(rootRows("sample_uid", [1], ["default"])).slice(0, 0));
        expect(await s.hasFeature(root)).toBe(true);
        expect((await s.read(root)).numRows).toBe(0);
        expect((await s.resolveUpdate(downstream)).counts).toEqual({ new: 0, stale: 0, orphaned: 0 });
      });
    });

    it("refuses to open when a fallback uses another hash algorithm", async () => {
      const { graph } = fallbackGraph();
      const fallback = await makeStore(target, graph, { hashAlgorithm: "xxhash32", name: "fb" });
      const primary = await makeStore(target, graph, { hashAlgorithm: "md5", fallbackStores: [fallback] });
      await expectError(
        primary.open("r"),
        HashAlgorithmNotSupportedError,
        "HASH_ALGORITHM_NOT_SUPPORTED",
        /\[fb\].*"xxhash32".*"md5"/,
      );
      expect(primary.isOpen).toBe(false);
    });
  });
}
