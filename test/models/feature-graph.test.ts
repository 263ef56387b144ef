import { afterEach, describe, expect, it } from "vitest";
import {
  DependencyCycleError,
  FeatureConflictError,
  FeatureNotFoundError,
  FieldNotFoundError,
  InvalidArgumentError,
  InvalidSpecError,
  KeyCollisionError,
  type MetaxyError,
  MissingFeatureDependencyError,
} from "../../src/errors.js";
import {
  FeatureGraph,
  FeatureKey,
  FeatureSpec,
  getDefaultHashTruncationLength,
  Lineage,
  setDefaultHashTruncationLength,
} from "../../src/models/index.js";

const ids = ["sample_uid"];

function thrown(fn: () => unknown): MetaxyError {
  try {
    fn();
  } catch (e) {
    return e as MetaxyError;
  }
  throw new Error("expected an error");
}

function expectError(
  fn: () => unknown,
  cls: new (...a: never[]) => MetaxyError,
  code: string,
  message: string | RegExp,
) {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(cls);
  expect(e.code).toBe(code);
  if (typeof message === "string") expect(e.message).toBe(message);
  else expect(e.message).toMatch(message);
}

describe("defining features", () => {
  it("returns the existing feature for an identical definition, throws on a different one", () => {
    const g = new FeatureGraph();
    const a = g.feature({ key: "a", idColumns: ids, fields: [{ key: "x", codeVersion: "1" }] });
    expect(
      g.feature({
        key: ["a"],
        idColumns: ["sample_uid"],
        fields: ["x"].map((key) => ({ key, codeVersion: "1" })),
      }),
    ).toBe(a);
    expect(
      g.feature(FeatureSpec.from({ key: "a", idColumns: ids, fields: [{ key: "x", codeVersion: "1" }] })),
    ).toBe(a);
    expectError(
      () => g.feature({ key: "a", idColumns: ids, fields: [{ key: "x", codeVersion: "2" }] }),
      FeatureConflictError,
      "FEATURE_CONFLICT",
      'graph: feature "a" is already defined with a different spec',
    );
    expectError(
      () =>
        g.feature({
          key: "a",
          idColumns: ids,
          fields: [{ key: "x", codeVersion: "1" }],
          columns: { y: "int64" },
        }),
      FeatureConflictError,
      "FEATURE_CONFLICT",
      'graph: feature "a" is already defined with a different columns',
    );
    expect(g.list()).toHaveLength(1);
  });

  it("keeps definition info off the spec", () => {
    const g = new FeatureGraph({ project: "demo" });
    const f = g.feature({
      key: "video/raw",
      idColumns: ["video_id"],
      columns: { path: "string", fps: "float64", at: "timestamp" },
      classPath: "pkg.features.Video",
    });
    expect(f.columns).toEqual({ path: "string", fps: "float64", at: "timestamp" });
    expect(f.classPath).toBe("pkg.features.Video");
    expect(f.project).toBe("demo");
    expect(f.graph).toBe(g);
    expect(Object.keys(f.spec.toJSON())).toEqual([
      "key",
      "id_columns",
      "deps",
      "fields",
      "metadata",
      "description",
    ]);
    expect(String(f)).toBe("video/raw");
    expectError(
      () => g.feature({ key: "b", idColumns: ids, columns: { x: "varchar" as never } }),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: feature "b" columns["x"] has unknown type the string "varchar"; expected one of string, int64, float64, bool, timestamp',
    );
    expectError(
      () => g.feature({ key: "b", idColumns: ids, columns: { metaxy_provenance: "string" } }),
      InvalidSpecError,
      "INVALID_SPEC",
      /"metaxy_provenance" is a system column/,
    );
  });

  it("rejects dependency cycles and names them", () => {
    const g = new FeatureGraph();
    g.feature({ key: "a", idColumns: ids, deps: ["c"] });
    g.feature({ key: "b", idColumns: ids, deps: ["a"] });
    expectError(
      () => g.feature({ key: "c", idColumns: ids, deps: ["b"] }),
      DependencyCycleError,
      "DEPENDENCY_CYCLE",
      'graph: dependency cycle c → b → a → c: adding "c" would close it',
    );
    expect(g.has("c")).toBe(false);
  });

  it("reports malformed definitions as MetaxyErrors", () => {
    const g = new FeatureGraph();
    expectError(
      () => g.feature(null as never),
      InvalidSpecError,
      "INVALID_SPEC",
      "specs: feature definition must be an object, got null",
    );
    expectError(
      () => g.feature({ key: "a", idColumns: ids }, null as never),
      InvalidSpecError,
      "INVALID_SPEC",
      /feature info must be an object/,
    );
    expectError(
      () => g.feature({ key: "a", idColumns: ids, project: 3 as never }),
      InvalidSpecError,
      "INVALID_SPEC",
      /project must be a string/,
    );
    expectError(
      () => new FeatureGraph(null as never),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
      "graph: options must be an object",
    );
    expectError(
      () => new FeatureGraph({ project: "" }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
      /project must be a non-empty string/,
    );
  });

  it("names a two-feature cycle closed by the upstream", () => {
    const g = new FeatureGraph();
    g.feature({ key: "b", idColumns: ids, deps: ["a"] });
    expectError(
      () => g.feature({ key: "a", idColumns: ids, deps: ["b"] }),
      DependencyCycleError,
      "DEPENDENCY_CYCLE",
      'graph: dependency cycle a → b → a: adding "a" would close it',
    );
  });

  it("copies a feature from another graph", () => {
    const g = new FeatureGraph({ project: "one" });
    const f = g.feature({ key: "a", idColumns: ids, columns: { x: "bool" }, classPath: "m.A" });
    const h = new FeatureGraph();
    const copy = h.feature(f);
    expect(copy).not.toBe(f);
    expect(copy.graph).toBe(h);
    expect([copy.spec, copy.columns, copy.classPath, copy.project]).toEqual([
      f.spec,
      f.columns,
      "m.A",
      "one",
    ]);
    expect(h.featureDefinitionVersion("a")).toBe(g.featureDefinitionVersion("a"));
  });

  it("handles deep chains in any definition order (no recursion limit)", () => {
    const specs = Array.from({ length: 2000 }, (_, i) => ({
      key: `f${i}`,
      id_columns: ids,
      deps: i === 0 ? [] : [{ feature: `f${i - 1}` }],
      fields: [{ key: "a", code_version: "1", deps: [] }],
    }));
    const forward = FeatureGraph.fromSpecs(specs);
    const backward = FeatureGraph.fromSpecs([...specs].reverse());
    expect(forward.featureVersion("f1999")).toMatch(/^[0-9a-f]{8}$/);
    expect(backward.featureVersion("f1999")).toBe(forward.featureVersion("f1999"));
    expect(forward.downstream(["f1997"]).map(String)).toEqual(["f1998", "f1999"]);
  });

  it("rejects feature keys with the same column suffix", () => {
    const g = new FeatureGraph();
    g.feature({ key: "a/b", idColumns: ids });
    expectError(
      () => g.feature({ key: "a_b", idColumns: ids }),
      KeyCollisionError,
      "KEY_COLLISION",
      'graph: feature keys "a/b" and "a_b" share the column suffix "__a_b"',
    );
  });

  it("rejects field deps on fields the upstream lacks, whichever is defined first", () => {
    const g = new FeatureGraph();
    g.feature({ key: "up", idColumns: ids, fields: ["x"] });
    expectError(
      () =>
        g.feature({
          key: "down",
          idColumns: ids,
          deps: ["up"],
          fields: [{ key: "y", deps: [{ feature: "up", fields: ["z"] }] }],
        }),
      FieldNotFoundError,
      "FIELD_NOT_FOUND",
      'graph: field "down.y" depends on "up.z", but "up" has no field "z" (fields: "x")',
    );
    const h = new FeatureGraph();
    h.feature({
      key: "down",
      idColumns: ids,
      deps: ["up"],
      fields: [{ key: "y", deps: [{ feature: "up", fields: ["z"] }] }],
    });
    expectError(
      () => h.feature({ key: "up", idColumns: ids, fields: ["x"] }),
      FieldNotFoundError,
      "FIELD_NOT_FOUND",
      /has no field "z"/,
    );
    expect(h.has("up")).toBe(false);
  });
});

describe("lookups and ordering", () => {
  function diamond(): FeatureGraph {
    const g = new FeatureGraph();
    g.feature({ key: "merged", idColumns: ids, deps: ["right", "left"] });
    g.feature({ key: "right", idColumns: ids, deps: ["root"] });
    g.feature({ key: "left", idColumns: ids, deps: ["root"] });
    g.feature({ key: "root", idColumns: ids });
    g.feature({ key: "other", idColumns: ids });
    return g;
  }

  it("get / has / list", () => {
    const g = diamond();
    expect(g.get("left").key.toString()).toBe("left");
    expect(g.get(g.get("left")).key.toString()).toBe("left");
    expect(g.has(["root"])).toBe(true);
    expect(g.has("nope")).toBe(false);
    expect(g.list().map(String)).toEqual(["merged", "right", "left", "root", "other"]);
    expectError(
      () => g.get("nope"),
      FeatureNotFoundError,
      "FEATURE_NOT_FOUND",
      'graph: feature "nope" is not in the graph',
    );
  });

  it("topologicalOrder: deps first, ties by key string, independent of definition order", () => {
    const g = diamond();
    expect(g.topologicalOrder().map(String)).toEqual(["other", "root", "left", "right", "merged"]);
    expect(g.topologicalOrder(["merged", "root", "left"]).map(String)).toEqual(["root", "left", "merged"]);
    const h = FeatureGraph.fromSpecs([...g.toJSON()].reverse());
    expect(h.topologicalOrder().map(String)).toEqual(["other", "root", "left", "right", "merged"]);
  });

  it("downstream: every transitive dependent in dependency order", () => {
    const g = diamond();
    expect(g.downstream(["root"]).map(String)).toEqual(["left", "right", "merged"]);
    expect(g.downstream([g.get("left")]).map(String)).toEqual(["merged"]);
    expect(g.downstream(["merged"])).toEqual([]);
    expect(g.downstream(["root", "left"]).map(String)).toEqual(["left", "right", "merged"]);
  });
});

describe("missing upstreams", () => {
  it("spec-level methods work; plans and versions name the missing feature", () => {
    const g = new FeatureGraph();
    g.feature({ key: "mid", idColumns: ids, deps: ["external/raw"] });
    g.feature({ key: "top", idColumns: ids, deps: ["mid"] });
    expect(g.featureSpecVersion("top")).toMatch(/^[0-9a-f]{8}$/);
    expect(g.featureDefinitionVersion("mid")).toMatch(/^[0-9a-f]{8}$/);
    expect(g.toJSON()).toHaveLength(2);
    expectError(
      () => g.plan("mid"),
      MissingFeatureDependencyError,
      "MISSING_FEATURE_DEPENDENCY",
      'graph: feature "mid" depends on "external/raw", which is not in the graph',
    );
    expectError(
      () => g.featureVersion("top"),
      MissingFeatureDependencyError,
      "MISSING_FEATURE_DEPENDENCY",
      /"mid" depends on "external\/raw"/,
    );
    g.feature({ key: "external/raw", idColumns: ids });
    expect(g.featureVersion("top")).toMatch(/^[0-9a-f]{8}$/);
    expect(g.topologicalOrder().map(String)).toEqual(["external/raw", "mid", "top"]);
  });
});

describe("plan", () => {
  function graph(): FeatureGraph {
    const g = new FeatureGraph();
    g.feature({ key: "video/raw", idColumns: ["video_id"], fields: ["frames", "audio"] });
    g.feature({ key: "sensor/readings", idColumns: ["sensor_id", "reading_id"], fields: ["temperature"] });
    g.feature({ key: "video/meta", idColumns: ["vid"], fields: ["info"] });
    return g;
  }

  it("resolves deps with their upstreams, renamed id columns, suffixes and renames", () => {
    const g = graph();
    g.feature({
      key: "video/faces",
      idColumns: ["video_id"],
      deps: [
        { feature: "video/raw", rename: { frames_path: "path" } },
        { feature: "video/meta", rename: { vid: "video_id" }, optional: true },
      ],
      fields: ["faces"],
    });
    const plan = g.plan("video/faces");
    expect(plan).toBe(g.plan(g.get("video/faces")));
    expect(plan.isRoot).toBe(false);
    expect(plan.deps.map((d) => [d.key.toString(), d.spec.key.toString(), d.optional])).toEqual([
      ["video/raw", "video/raw", false],
      ["video/meta", "video/meta", true],
    ]);
    const [raw, meta] = plan.deps;
    expect(raw!.upstream).toBe(g.get("video/raw"));
    expect(raw!.columnSuffix).toBe("__video_raw");
    expect(raw!.renamedIdColumns).toEqual(["video_id"]);
    expect(meta!.renamedIdColumns).toEqual(["video_id"]);
    expect(meta!.inputIdColumns).toEqual(["video_id"]);
    expect(raw!.systemColumnRenames).toEqual({
      metaxy_provenance_by_field: "metaxy_provenance_by_field__video_raw",
      metaxy_provenance: "metaxy_provenance__video_raw",
      metaxy_data_version_by_field: "metaxy_data_version_by_field__video_raw",
      metaxy_data_version: "metaxy_data_version__video_raw",
    });
    expect({ ...raw!.columnRenames }).toEqual({ frames_path: "path", ...raw!.systemColumnRenames });
    expect(plan.inputIdColumns).toEqual(["video_id"]);
    expect(plan.joinColumns).toEqual(["video_id"]);
    expect(plan.requiredDeps.map((d) => d.key.toString())).toEqual(["video/raw"]);
    expect(plan.optionalDeps.map((d) => d.key.toString())).toEqual(["video/meta"]);
    expect(plan.dep("video/meta")).toBe(meta);
    expectError(
      () => plan.dep("sensor/readings"),
      FeatureNotFoundError,
      "FEATURE_NOT_FOUND",
      /not a dependency of "video\/faces"/,
    );
  });

  it("input id columns per lineage (§1.5)", () => {
    const g = graph();
    g.feature({
      key: "stats",
      idColumns: ["sensor_id"],
      deps: [{ feature: "sensor/readings", lineage: Lineage.aggregation({ on: ["sensor_id"] }) }],
    });
    g.feature({
      key: "stats2",
      idColumns: ["sensor_id"],
      deps: [{ feature: "sensor/readings", lineage: Lineage.aggregation() }],
    });
    g.feature({
      key: "video/frames",
      idColumns: ["video_id", "frame_id"],
      deps: [{ feature: "video/raw", lineage: Lineage.expansion({ on: ["video_id"] }) }],
    });
    g.feature({ key: "mixed", idColumns: ["x"], deps: ["video/raw", "video/meta"] });
    expect(g.plan("stats").deps[0]!.renamedIdColumns).toEqual(["sensor_id", "reading_id"]);
    expect(g.plan("stats").inputIdColumns).toEqual(["sensor_id"]);
    expect(g.plan("stats2").inputIdColumns).toEqual(["sensor_id"]);
    expect(g.plan("video/frames").inputIdColumns).toEqual(["video_id"]);
    expect(g.plan("video/frames").joinColumns).toEqual(["video_id"]);
    // Disjoint id columns intersect to nothing; the join then falls back to the feature's id columns.
    expect(g.plan("mixed").inputIdColumns).toEqual([]);
    expect(g.plan("mixed").joinColumns).toEqual(["x"]);
    expect(g.plan("video/raw").isRoot).toBe(true);
    expect(g.plan("video/raw").inputIdColumns).toEqual(["video_id"]);
  });
});

describe("hash truncation", () => {
  afterEach(() => setDefaultHashTruncationLength(8));

  function chain(options?: ConstructorParameters<typeof FeatureGraph>[0]): FeatureGraph {
    const g = new FeatureGraph(options);
    g.feature({ key: "base", idColumns: ids, fields: [{ key: "data", codeVersion: "100" }] });
    g.feature({
      key: "derived",
      idColumns: ids,
      deps: ["base"],
      fields: [{ key: "processed", codeVersion: "1" }],
    });
    return g;
  }

  it("truncates at every step with the graph's length (values from metaxy_ref.py)", () => {
    const full = chain({ hashTruncationLength: null });
    expect(full.fieldVersions("base")).toEqual({
      data: "4c4a9f5d680468f38542e678b9fe8ef73c45714ae2bad795f008364f2e883dbd",
    });
    expect(full.fieldVersions("derived")).toEqual({
      processed: "0589e503fa9229073a90ff01c5588a34557b02f3bff0d9fc28e6bc616f64f1f0",
    });
    expect(full.featureVersion("derived")).toBe(
      "2e953c3be10553d03f8def0f2e3687daf538f2bd74980adf54b598da81719e67",
    );
    const t12 = chain({ hashTruncationLength: 12 });
    expect(t12.fieldVersions("derived")).toEqual({ processed: "3832fe5a2580" });
    expect(t12.featureVersion("derived")).toBe("b4c76335c26d");
    expect(chain().fieldVersions("derived")).toEqual({ processed: "1b9fb9e3" });
  });

  it("rejects lengths below 8 and non-integers", () => {
    for (const bad of [7, 0, -1, 8.5, "8"]) {
      expectError(
        () => new FeatureGraph({ hashTruncationLength: bad as number }),
        InvalidArgumentError,
        "INVALID_ARGUMENT",
        /^graph: hashTruncationLength must be an integer >= 8 or null/,
      );
    }
    expectError(() => setDefaultHashTruncationLength(4), InvalidArgumentError, "INVALID_ARGUMENT", /got 4/);
  });

  it("the module default applies to graphs created afterwards", () => {
    const before = chain();
    setDefaultHashTruncationLength(12);
    expect(getDefaultHashTruncationLength()).toBe(12);
    expect(new FeatureGraph().hashTruncationLength).toBe(12);
    expect(chain().featureVersion("derived")).toBe("b4c76335c26d");
    expect(before.featureVersion("derived")).toHaveLength(8);
    expect(FeatureGraph.fromSpecs([]).hashTruncationLength).toBe(12);
    expect(new FeatureGraph({ hashTruncationLength: 8 }).hashTruncationLength).toBe(8);
  });
});

describe("fromSpecs input", () => {
  it("rejects a non-array and reports spec errors", () => {
    expectError(
      () => FeatureGraph.fromSpecs("{}"),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
      /expects an array/,
    );
    expectError(() => FeatureGraph.fromSpecs("[1,"), InvalidArgumentError, "INVALID_ARGUMENT", /^json: /);
    expectError(
      () => FeatureGraph.fromSpecs([{ key: "a" }]),
      InvalidSpecError,
      "INVALID_SPEC",
      /idColumns is required/,
    );
  });

  it("accepts FeatureSpec instances", () => {
    const g = FeatureGraph.fromSpecs([FeatureSpec.from({ key: "a", idColumns: ids })]);
    expect(g.get(FeatureKey.from("a")).spec.idColumns).toEqual(ids);
  });
});
