import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { HashAlgorithm } from "../../src/kernels/kernels.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { computeExpected } from "../../src/versioning/compute-expected.js";
import { describeKernels, multiset, rows } from "./helpers.js";

interface ProvenanceCase {
  readonly kind: "provenance";
  readonly id: string;
  readonly algorithm: HashAlgorithm;
  readonly truncation: number | null;
  readonly specs: readonly unknown[];
  readonly target: string;
  readonly upstream: Record<string, Record<string, unknown>[]>;
  readonly upstream_filters?: Record<string, string[]>;
  readonly expected_rows: Record<string, unknown>[];
}

const golden = JSON.parse(
  readFileSync(new URL("../data/versioning-public.json", import.meta.url), "utf8"),
) as {
  cases: { kind: string }[];
};
const cases = golden.cases.filter((c): c is ProvenanceCase => c.kind === "provenance");

it("the golden file holds the six provenance cases", () => {
  expect(cases.map((c) => c.id)).toEqual([
    "C3/identity",
    "C3/aggregation",
    "C3/expansion",
    "C6/md5",
    "C6/xxhash32",
    "C6/xxhash64",
  ]);
});

describeKernels("golden provenance cases through computeExpected", (kind) => {
  for (const c of cases) {
    for (const enableMapDatatype of [false, true]) {
      it(`${c.id}${enableMapDatatype ? " (map datatype)" : ""}`, async () => {
        const graph = FeatureGraph.fromSpecs(c.specs, { hashTruncationLength: c.truncation });
        const table = await computeExpected(graph, c.target, {
          upstream: c.upstream,
          upstreamFilters: c.upstream_filters,
          hashAlgorithm: c.algorithm,
          truncation: c.truncation,
          kernels: kind,
          enableMapDatatype,
        });
        const pinned = Object.keys(c.expected_rows[0]!);
        expect(multiset(rows(table, pinned))).toEqual(multiset(c.expected_rows));
        expect(table.numRows).toBe(c.expected_rows.length);
      });
    }
  }
});
