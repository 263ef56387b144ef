/**
 * resolveUpdate pack, part two: optional dependencies, renames / selects / dep filters, runtime
 * filters (per feature, global, target) and staleness predicates.
 */

import { Type } from "apache-arrow";
import { describe, expect, it } from "vitest";
import {
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
} from "../../src/constants.js";
import { ColumnConfigurationError } from "../../src/errors.js";
import { col } from "../../src/filters/builders.js";
import { identityGraph, optionalGraph, renameGraph, rootRows } from "./graphs.js";
import {
  type ConformanceTarget,
  columnNames,
  expectError,
  goldenCase,
  h,
  makeStore,
  rowsOf,
  sortRows,
} from "./harness.js";

/** Expected `{ id, provenance_by_field, provenance }` of a single-field feature from its pre-image. */
async function single(algo: Parameters<typeof h>[0], id: string, field: string, preimage: string) {
  const value = await h(algo, preimage);
  return { id, [METAXY_PROVENANCE_BY_FIELD]: { [field]: value }, [METAXY_PROVENANCE]: await h(algo, value) };
}

/** Registers the resolveUpdate options pack for one target. */
export function resolveOptionsPack(target: ConformanceTarget): void {
  describe(`resolveUpdate options [${target.label}]`, () => {
    it("optional deps hash a missing upstream value as an empty string", async () => {
      const { graph, a, b, c } = optionalGraph();
      const store = await makeStore(target, graph);
      const algo = store.hashAlgorithm;
      await store.withOpen("w", async (s) => {
        await s.write(a, rootRows("id", ["1", "2"], ["x"]));
        // no table for b at all: every row hashes b.y as ""
        expect(
          rowsOf((await s.resolveUpdate(c)).new, ["id", METAXY_PROVENANCE_BY_FIELD, METAXY_PROVENANCE]),
        ).toEqual([
          await single(algo, "1", "z", "z|1|a.x|px1|b.y|"),
          await single(algo, "2", "z", "z|1|a.x|px2|b.y|"),
        ]);
        await s.write(b, rootRows("id", ["1", "3"], ["y"]));
        const inc = await s.resolveUpdate(c);
        expect(rowsOf(inc.new, ["id", METAXY_PROVENANCE_BY_FIELD, METAXY_PROVENANCE])).toEqual([
          await single(algo, "1", "z", "z|1|a.x|px1|b.y|py1"),
          await single(algo, "2", "z", "z|1|a.x|px2|b.y|"),
        ]);
      });
    });

    it("renames, selects and dep filters shape the expected frame; runtime filters use pre-rename names", async () => {
      const { graph, src, dst } = renameGraph();
      const store = await makeStore(target, graph);
      const algo = store.hashAlgorithm;
      await store.withOpen("w", async (s) => {
        await s.write(
          src,
          rootRows("sid", ["1", "2", "3"], ["content"], "c", (id) => ({
            path: `p${id}`,
            size: id === "3" ? 5 : 20,
          })),
        );
        const inc = await s.resolveUpdate(dst);
        expect(new Set(columnNames(inc.new))).toEqual(
          new Set([
            "id",
            "src_path",
            METAXY_PROVENANCE_BY_FIELD,
            METAXY_PROVENANCE,
            METAXY_DATA_VERSION_BY_FIELD,
            METAXY_DATA_VERSION,
          ]),
        );
        // size > 10 drops sid 3; field keys in the pre-image are never renamed
        expect(rowsOf(inc.new, ["id", METAXY_PROVENANCE_BY_FIELD, METAXY_PROVENANCE])).toEqual([
          await single(algo, "1", "d", "d|1|src.content|ccontent1"),
          await single(algo, "2", "d", "d|1|src.content|ccontent2"),
        ]);
        expect(rowsOf(inc.new, ["id", "src_path"])).toEqual([
          { id: "1", src_path: "p1" },
          { id: "2", src_path: "p2" },
        ]);
        const filtered = await s.resolveUpdate(dst, { filters: { src: ["sid != '2'"] } });
        expect(rowsOf(filtered.new, ["id"])).toEqual([{ id: "1" }]);
      });
    });

    it("global filters apply to upstreams and stored rows; target filters to stored rows only", async () => {
      const { graph, parent, child } = identityGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(parent, rootRows("id", ["a", "b", "c"], ["value"]));
        await s.write(child, (await s.resolveUpdate(child)).new);
        await s.delete(parent, ["id = 'c'"]);
        await s.write(parent, [{ id: "d", metaxy_provenance_by_field: { value: "pvalued" } }]);
        expect((await s.resolveUpdate(child)).counts).toEqual({ new: 1, stale: 0, orphaned: 1 });
        const global = await s.resolveUpdate(child, { globalFilters: ["id != 'c'", col("id").ne("d")] });
        expect(global.counts).toEqual({ new: 0, stale: 0, orphaned: 0 });
        const targeted = await s.resolveUpdate(child, { targetFilters: ["id != 'c'"] });
        expect(rowsOf(targeted.new, ["id"])).toEqual([{ id: "d" }]);
        expect(targeted.orphaned.numRows).toBe(0);
        const perKey = await s.resolveUpdate(child, {
          filters: { parent: ["id != 'd'"], child: ["id != 'a'"] },
        });
        expect(perKey.counts).toEqual({ new: 1, stale: 0, orphaned: 1 });
        expect(rowsOf(perKey.new, ["id"])).toEqual([{ id: "a" }]);
        expect(rowsOf(perKey.orphaned, ["id"])).toEqual([{ id: "c" }]);
      });
    });

    it("Map datatype stores resolve with identical hashes and Map columns", async () => {
      const golden = goldenCase("C3/identity");
      const { graph, parent, child } = identityGraph();
      const store = await makeStore(target, graph, {
        hashAlgorithm: golden.algorithm,
        enableMapDatatype: true,
      });
      await store.withOpen("w", async (s) => {
        await s.write(parent, golden.upstream.parent!);
        const inc = await s.resolveUpdate(child);
        expect(inc.new.schema.fields.find((f) => f.name === METAXY_PROVENANCE_BY_FIELD)!.type.typeId).toBe(
          Type.Map,
        );
        const cols = [
          "id",
          METAXY_PROVENANCE_BY_FIELD,
          METAXY_PROVENANCE,
          METAXY_DATA_VERSION_BY_FIELD,
          METAXY_DATA_VERSION,
        ];
        expect(rowsOf(inc.new, cols)).toEqual(sortRows(golden.expected_rows, cols));
        await s.write(child, inc.new);
        expect((await s.resolveUpdate(child)).counts).toEqual({ new: 0, stale: 0, orphaned: 0 });
      });
    });

    it("computeProvenance hashes a caller-joined frame with the store's algorithm", async () => {
      const { graph, child } = identityGraph();
      const store = await makeStore(target, graph, { hashAlgorithm: "md5" });
      const out = await store.computeProvenance(child, [
        { id: "a", note: "n", metaxy_data_version_by_field__parent: { value: "v1" } },
      ]);
      expect(rowsOf(out, ["id", "note", METAXY_PROVENANCE_BY_FIELD, METAXY_PROVENANCE])).toEqual([
        { note: "n", ...(await single("md5", "a", "derived", "derived|1|parent.value|v1")) },
      ]);
      await expectError(
        store.computeProvenance(child, [{ id: "a" }]),
        ColumnConfigurationError,
        "COLUMN_CONFIGURATION",
        /metaxy_data_version_by_field__parent/,
      );
    });

    it("staleness predicates on stored rows make them stale (never also new)", async () => {
      const { graph, parent, child } = identityGraph();
      const store = await makeStore(target, graph);
      await store.withOpen("w", async (s) => {
        await s.write(parent, rootRows("id", ["a", "b", "c"], ["value"]));
        const expected = (await s.resolveUpdate(child)).new;
        const status: Record<string, string> = { a: "ok", b: "error", c: "ok" };
        const rows = rowsOf(expected, ["id", ...columnNames(expected).filter((c) => c !== "id")]).map(
          (r) => ({
            ...r,
            status: status[r.id as string],
          }),
        );
        await s.write(child, rows);
        const inc = await s.resolveUpdate(child, { stalenessPredicates: ["status = 'error'", "id = 'zzz'"] });
        expect(rowsOf(inc.stale, ["id"])).toEqual([{ id: "b" }]);
        expect(inc.counts).toEqual({ new: 0, stale: 1, orphaned: 0 });
      });
    });
  });
}
