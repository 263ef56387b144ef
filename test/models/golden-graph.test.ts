import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FeatureGraph, FieldsMapping, SpecialFieldDep } from "../../src/models/index.js";

interface GraphCase {
  readonly kind: "graph";
  readonly id: string;
  readonly truncation: number | null;
  readonly specs: unknown[];
  readonly expected: {
    readonly feature_versions?: Record<string, string>;
    readonly field_versions?: Record<string, Record<string, string>>;
    readonly feature_spec_versions?: Record<string, string>;
    readonly code_versions?: Record<string, string>;
  };
}

const goldenPath = new URL("../data/versioning-public.json", import.meta.url);
const golden = JSON.parse(readFileSync(goldenPath, "utf8")) as { cases: { kind: string }[] };
const graphCases = golden.cases.filter((c): c is GraphCase => c.kind === "graph");

function checkCase(graph: FeatureGraph, expected: GraphCase["expected"]): void {
  for (const [key, fields] of Object.entries(expected.field_versions ?? {})) {
    expect(graph.fieldVersions(key)).toEqual(fields);
  }
  for (const [key, version] of Object.entries(expected.feature_versions ?? {})) {
    expect(graph.featureVersion(key)).toBe(version);
  }
  for (const [key, version] of Object.entries(expected.feature_spec_versions ?? {})) {
    expect(graph.featureSpecVersion(key)).toBe(version);
  }
  for (const [key, version] of Object.entries(expected.code_versions ?? {})) {
    expect(graph.featureCodeVersion(key)).toBe(version);
  }
}

describe("golden graph cases (FeatureGraph.fromSpecs)", () => {
  it("has the public graph cases", () => {
    expect(graphCases.length).toBe(13);
  });

  for (const c of graphCases) {
    it(c.id, () => {
      checkCase(FeatureGraph.fromSpecs(c.specs, { hashTruncationLength: c.truncation }), c.expected);
    });

    it(`${c.id} (raw JSON text, specs reversed)`, () => {
      const text = JSON.stringify([...c.specs].reverse());
      checkCase(FeatureGraph.fromSpecs(text, { hashTruncationLength: c.truncation }), c.expected);
    });

    it(`${c.id} (toJSON round trip is identical to the golden specs)`, () => {
      const graph = FeatureGraph.fromSpecs(c.specs, { hashTruncationLength: c.truncation });
      expect(graph.toJSON()).toEqual(c.specs);
    });
  }
});

// metaxy-versioning §6.B, built through the TS input path (camelCase), SampleFeatureSpec id columns.
const ids = ["sample_uid"];
const ALL = SpecialFieldDep.ALL;

describe("§6.B tables through graph.feature()", () => {
  it("B2 single_feature_provenance", () => {
    const g = new FeatureGraph();
    g.feature({ key: "my_feature", idColumns: ids });
    expect(g.fieldVersions("my_feature")).toEqual({ default: "433788cb" });
  });

  it("B2 feature_with_multiple_fields", () => {
    const g = new FeatureGraph();
    g.feature({
      key: "video",
      idColumns: ids,
      fields: [
        { key: "frames", codeVersion: "1" },
        { key: "audio", codeVersion: "2" },
        { key: "metadata", codeVersion: "5" },
      ],
    });
    expect(g.fieldVersions("video")).toEqual({ audio: "4c0dc244", frames: "3081ee93", metadata: "0f1afba6" });
  });

  it("B2 linear_dependency_chain (deps given as feature objects)", () => {
    const g = new FeatureGraph();
    const a = g.feature({ key: "a", idColumns: ids, fields: [{ key: "raw", codeVersion: "1" }] });
    const b = g.feature({
      key: "b",
      idColumns: ids,
      deps: [a],
      fields: [{ key: "processed", codeVersion: "2" }],
    });
    const c = g.feature({
      key: "c",
      idColumns: ids,
      deps: [{ feature: b }],
      fields: [{ key: "final", codeVersion: "3" }],
    });
    expect(a.fieldVersions()).toEqual({ raw: "520c9eec" });
    expect(b.fieldVersions()).toEqual({ processed: "292266cd" });
    expect(c.fieldVersions()).toEqual({ final: "f8bffcec" });
  });

  it("B2 diamond_dependency_graph", () => {
    const g = new FeatureGraph();
    g.feature({ key: "root", idColumns: ids, fields: [{ key: "data", codeVersion: "1" }] });
    g.feature({
      key: "branch_left",
      idColumns: ids,
      deps: ["root"],
      fields: [{ key: "left_processed", codeVersion: "2" }],
    });
    g.feature({
      key: "branch_right",
      idColumns: ids,
      deps: ["root"],
      fields: [{ key: "right_processed", codeVersion: "3" }],
    });
    g.feature({
      key: "merged",
      idColumns: ids,
      deps: ["branch_left", "branch_right"],
      fields: [{ key: "fusion", codeVersion: "4" }],
    });
    expect(g.fieldVersions("root")).toEqual({ data: "27a4d760" });
    expect(g.fieldVersions("branch_left")).toEqual({ left_processed: "48a24e78" });
    expect(g.fieldVersions("branch_right")).toEqual({ right_processed: "1076c04e" });
    expect(g.fieldVersions("merged")).toEqual({ fusion: "7e0db82d" });
  });

  it("B2 specific_field_dependencies", () => {
    const g = new FeatureGraph();
    const multi = g.feature({
      key: "multi",
      idColumns: ids,
      fields: [
        { key: "frames", codeVersion: "1" },
        { key: "audio", codeVersion: "2" },
        { key: "text", codeVersion: "3" },
      ],
    });
    g.feature({
      key: "selective",
      idColumns: ids,
      deps: [multi],
      fields: [
        { key: "visual", codeVersion: "10", deps: [{ feature: multi, fields: ["frames"] }] },
        { key: "audio_only", codeVersion: "11", deps: [{ feature: "multi", fields: ["audio"] }] },
        { key: "mixed", codeVersion: "12", deps: [{ feature: "multi", fields: ["frames", "text"] }] },
      ],
    });
    expect(g.fieldVersions("multi")).toEqual({ audio: "a0adde3c", frames: "c1cd5f75", text: "3b03a873" });
    expect(g.fieldVersions("selective")).toEqual({
      audio_only: "6d38418a",
      mixed: "43f7b588",
      visual: "3f4da27b",
    });
  });

  it("B2 complex_multi_level_graph", () => {
    const g = new FeatureGraph();
    g.feature({
      key: "raw_video",
      idColumns: ids,
      fields: [
        { key: "frames", codeVersion: "1" },
        { key: "audio", codeVersion: "1" },
      ],
    });
    g.feature({ key: "raw_metadata", idColumns: ids, fields: [{ key: "info", codeVersion: "1" }] });
    g.feature({
      key: "processed_video",
      idColumns: ids,
      deps: ["raw_video"],
      fields: [
        { key: "enhanced_frames", codeVersion: "5", deps: [{ feature: "raw_video", fields: ["frames"] }] },
        { key: "normalized_audio", codeVersion: "3", deps: [{ feature: "raw_video", fields: ["audio"] }] },
      ],
    });
    g.feature({
      key: "analysis",
      idColumns: ids,
      deps: ["processed_video", "raw_metadata"],
      fields: [
        { key: "full_analysis", codeVersion: "10", deps: ALL },
        {
          key: "visual_metadata",
          codeVersion: "7",
          deps: [
            { feature: "processed_video", fields: ["enhanced_frames"] },
            { feature: "raw_metadata", fields: ALL },
          ],
        },
      ],
    });
    expect(g.fieldVersions("raw_video")).toEqual({ audio: "aa2eb771", frames: "3da1d981" });
    expect(g.fieldVersions("raw_metadata")).toEqual({ info: "762fd106" });
    expect(g.fieldVersions("processed_video")).toEqual({
      enhanced_frames: "3aaeb0d3",
      normalized_audio: "ecece8e4",
    });
    expect(g.fieldVersions("analysis")).toEqual({ full_analysis: "73d07532", visual_metadata: "ce3eb310" });
  });

  it("B2 code_version_changes_propagate", () => {
    const g = new FeatureGraph();
    g.feature({ key: "base", idColumns: ids, fields: [{ key: "data", codeVersion: "100" }] });
    g.feature({
      key: "derived",
      idColumns: ids,
      deps: ["base"],
      fields: [{ key: "processed", codeVersion: "1" }],
    });
    expect(g.fieldVersions("base")).toEqual({ data: "4c4a9f5d" });
    expect(g.fieldVersions("derived")).toEqual({ processed: "1b9fb9e3" });
  });

  it("B2 multiple_fields_different_deps", () => {
    const g = new FeatureGraph();
    g.feature({
      key: "x",
      idColumns: ids,
      fields: [
        { key: "x1", codeVersion: "1" },
        { key: "x2", codeVersion: "2" },
      ],
    });
    g.feature({
      key: "y",
      idColumns: ids,
      fields: [
        { key: "y1", codeVersion: "3" },
        { key: "y2", codeVersion: "4" },
      ],
    });
    g.feature({
      key: "z",
      idColumns: ids,
      deps: ["x", "y"],
      fields: [
        { key: "z1", codeVersion: "20", deps: [{ feature: "x" }] },
        { key: "z2", codeVersion: "21", deps: [{ feature: "y", fields: ALL }] },
        { key: "z3", codeVersion: "22", deps: ALL },
      ],
    });
    expect(g.fieldVersions("x")).toEqual({ x1: "81937486", x2: "a11b3acc" });
    expect(g.fieldVersions("y")).toEqual({ y1: "9b8521b3", y2: "68ea5edf" });
    expect(g.fieldVersions("z")).toEqual({ z1: "a0e6b061", z2: "82c82356", z3: "18693de8" });
  });

  it("B3 feature versions", () => {
    const g = new FeatureGraph();
    g.feature({ key: "test/feature", idColumns: ids, fields: [{ key: "default", codeVersion: "1" }] });
    g.feature({ key: "versioned/feature/test_v1", idColumns: ids, fields: [{ codeVersion: "1" }] });
    g.feature({ key: "versioned/feature/test_v2", idColumns: ids, fields: [{ codeVersion: "2" }] });
    g.feature({ key: "test_deps/upstream", idColumns: ids, fields: [{ codeVersion: "1" }] });
    g.feature({ key: "test_deps/downstream/no_deps", idColumns: ids, fields: [{ codeVersion: "1" }] });
    g.feature({
      key: "test_deps/downstream/with_deps",
      idColumns: ids,
      deps: ["test_deps/upstream"],
      fields: [{ codeVersion: "1" }],
    });
    g.feature({
      key: "multi",
      idColumns: ids,
      fields: [
        { key: "frames", codeVersion: "1" },
        { key: "audio", codeVersion: "1" },
        { key: "metadata", codeVersion: "2" },
      ],
    });
    expect(g.featureVersion("test/feature")).toBe("d26937b1");
    expect(g.fieldVersions("test/feature")).toEqual({ default: "8bcff601" });
    expect(g.featureVersion("versioned/feature/test_v1")).toBe("0833e931");
    expect(g.featureVersion("versioned/feature/test_v2")).toBe("61dbe7b3");
    expect(g.featureVersion("test_deps/downstream/no_deps")).toBe("53ba2566");
    expect(g.featureVersion("test_deps/downstream/with_deps")).toBe("aad886d8");
    expect(g.featureVersion("multi")).toBe("9211da88");
  });

  it("B3 with_field_deps (automatic mapping falls back to all fields; explicit list gives the same)", () => {
    const g = new FeatureGraph();
    g.feature({
      key: "test_field_deps/upstream",
      idColumns: ids,
      fields: [
        { key: "frames", codeVersion: "1" },
        { key: "audio", codeVersion: "1" },
      ],
    });
    g.feature({
      key: "test_field_deps/downstream/no_deps",
      idColumns: ids,
      deps: ["test_field_deps/upstream"],
      fields: [{ codeVersion: "1" }],
    });
    g.feature({
      key: "test_field_deps/downstream/with_deps",
      idColumns: ids,
      deps: [{ feature: "test_field_deps/upstream", fieldsMapping: FieldsMapping.default() }],
      fields: [
        { codeVersion: "1", deps: [{ feature: "test_field_deps/upstream", fields: ["frames", "audio"] }] },
      ],
    });
    expect(g.featureVersion("test_field_deps/downstream/no_deps")).toBe("758254e7");
    expect(g.featureVersion("test_field_deps/downstream/with_deps")).toBe("32f6987c");
  });
});
