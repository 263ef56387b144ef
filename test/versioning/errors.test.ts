import { describe, expect, it } from "vitest";
import {
  ColumnConfigurationError,
  HashAlgorithmNotSupportedError,
  InvalidArgumentError,
  MetadataSchemaError,
} from "../../src/errors.js";
import type { HashAlgorithm } from "../../src/kernels/kernels.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { computeExpected } from "../../src/versioning/compute-expected.js";
import { computeProvenance } from "../../src/versioning/compute-provenance.js";
import { validateColumnConfiguration } from "../../src/versioning/validate-column-configuration.js";
import { h, rows, upstreamRow } from "./helpers.js";

function twoDeps(depA: Record<string, unknown> = {}, depB: Record<string, unknown> = {}) {
  const graph = new FeatureGraph();
  graph.feature({ key: "a", idColumns: ["sample_uid"], fields: ["x"] });
  graph.feature({ key: "b", idColumns: ["sample_uid"], fields: ["y"] });
  graph.feature({
    key: "c",
    idColumns: ["sample_uid"],
    deps: [
      { feature: "a", ...depA },
      { feature: "b", ...depB },
    ],
    fields: ["z"],
  });
  return graph;
}

const a = [upstreamRow({ sample_uid: 1 }, { x: "x1" }, { label: "la", extra: 1 })];
const b = [upstreamRow({ sample_uid: 1 }, { y: "y1" }, { label: "lb" })];

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("column configuration (Python validate_column_configuration)", () => {
  const cases: [string, FeatureGraph, RegExp][] = [
    [
      "rename onto a system column",
      twoDeps({ rename: { label: "metaxy_provenance" } }),
      /system column "metaxy_provenance"/,
    ],
    ["rename onto an upstream id column", twoDeps({ rename: { label: "sample_uid" } }), /id column of "a"/],
    [
      "two columns renamed to one name",
      twoDeps({ rename: { label: "l", extra: "l" } }),
      /renames several columns to "l"/,
    ],
    [
      "one user column selected from two deps",
      twoDeps({ select: ["label"] }, { select: ["label"] }),
      /selects "label" from several deps/,
    ],
  ];
  for (const [name, graph, message] of cases) {
    it(name, async () => {
      expect(() => validateColumnConfiguration(graph.plan("c"))).toThrow(ColumnConfigurationError);
      const error = await rejection(computeExpected(graph, "c", { kernels: "portable", upstream: { a, b } }));
      expect(error).toBeInstanceOf(ColumnConfigurationError);
      expect(error).toMatchObject({ code: "COLUMN_CONFIGURATION", message: expect.stringMatching(message) });
    });
  }

  it("id columns may be selected from several deps", () => {
    expect(() =>
      validateColumnConfiguration(twoDeps({ select: ["sample_uid"] }, { select: ["sample_uid"] }).plan("c")),
    ).not.toThrow();
  });

  it("a user column reaching the join from two upstreams is a run-time collision", async () => {
    const error = await rejection(
      computeExpected(twoDeps(), "c", { kernels: "portable", upstream: { a, b } }),
    );
    expect(error).toBeInstanceOf(ColumnConfigurationError);
    expect((error as Error).message).toMatch(/"label" \(from "a", "b"\)/);
  });

  it("a rename resolves the collision", async () => {
    const table = await computeExpected(twoDeps({}, { rename: { label: "b_label" } }), "c", {
      kernels: "portable",
      upstream: { a, b },
    });
    expect(rows(table, ["sample_uid", "label", "b_label", "extra"])).toEqual([
      { sample_uid: 1, label: "la", b_label: "lb", extra: 1 },
    ]);
  });
});

describe("argument and schema errors", () => {
  const graph = twoDeps({}, { rename: { label: "b_label" } });
  const cases: [string, () => Promise<unknown>, new (...args: never[]) => Error, string][] = [
    [
      "a root feature without samples",
      () => computeExpected(graph, "a", { upstream: {} }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
    ],
    [
      "a missing required upstream",
      () => computeExpected(graph, "c", { kernels: "portable", upstream: { a } }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
    ],
    [
      "an upstream that is not a dependency",
      () => computeExpected(graph, "c", { kernels: "portable", upstream: { a, b, c: a } }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
    ],
    [
      "filters for an upstream that is not a dependency",
      () =>
        computeExpected(graph, "c", {
          kernels: "portable",
          upstream: { a, b },
          upstreamFilters: { x: ["n > 1"] },
        }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
    ],
    [
      "a truncation other than the graph's",
      () => computeExpected(graph, "c", { kernels: "portable", upstream: { a, b }, truncation: 12 }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
    ],
    [
      "an unknown hash algorithm",
      () => computeExpected(graph, "c", { upstream: { a, b }, hashAlgorithm: "farmhash" as HashAlgorithm }),
      HashAlgorithmNotSupportedError,
      "HASH_ALGORITHM_NOT_SUPPORTED",
    ],
    [
      "an upstream without metaxy_data_version_by_field",
      () =>
        computeExpected(graph, "c", {
          kernels: "portable",
          upstream: { a: [{ sample_uid: 1, label: "la" }], b },
        }),
      MetadataSchemaError,
      "METADATA_SCHEMA",
    ],
    [
      "a data-version struct without the parent field",
      () =>
        computeExpected(graph, "c", {
          kernels: "portable",
          upstream: { a: [upstreamRow({ sample_uid: 1 }, { other: "o" })], b },
        }),
      MetadataSchemaError,
      "METADATA_SCHEMA",
    ],
    [
      "a rename of a column the upstream lacks",
      () =>
        computeExpected(graph, "c", {
          kernels: "portable",
          upstream: { a, b: [upstreamRow({ sample_uid: 1 }, { y: "y" })] },
        }),
      MetadataSchemaError,
      "METADATA_SCHEMA",
    ],
    [
      "computeProvenance on a frame without an upstream's data versions",
      () =>
        computeProvenance(graph, "c", [{ sample_uid: 1, metaxy_data_version_by_field__a: { x: "x1" } }], {
          kernels: "portable",
        }),
      ColumnConfigurationError,
      "COLUMN_CONFIGURATION",
    ],
  ];
  for (const [name, run, type, code] of cases) {
    it(name, async () => {
      const error = await rejection(run());
      expect(error).toBeInstanceOf(type);
      expect(error).toMatchObject({
        code,
        message: expect.stringMatching(/^versioning: |^filters: |^arrow: /),
      });
    });
  }

  it("computeProvenance hashes a frame the caller joined itself", async () => {
    const table = await computeProvenance(
      graph,
      "c",
      [
        {
          sample_uid: 1,
          note: "n",
          metaxy_data_version_by_field__a: { x: "x1" },
          metaxy_data_version_by_field__b: { y: "y1" },
        },
      ],
      { kernels: "portable" },
    );
    const z = await h("z|__metaxy_initial__|a.x|x1|b.y|y1");
    expect(rows(table)).toEqual([
      {
        sample_uid: 1,
        note: "n",
        metaxy_provenance_by_field: { z },
        metaxy_provenance: await h(z),
        metaxy_data_version_by_field: { z },
        metaxy_data_version: await h(z),
      },
    ]);
  });
});
