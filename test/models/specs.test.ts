import { describe, expect, it } from "vitest";
import {
  DependencyCycleError,
  InvalidKeyError,
  InvalidSpecError,
  KeyCollisionError,
  type MetaxyError,
} from "../../src/errors.js";
import {
  FeatureDep,
  FeatureSpec,
  FieldDep,
  FieldSpec,
  FieldsMapping,
  Lineage,
  SpecialFieldDep,
} from "../../src/models/index.js";

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

const DEFAULT_DEP_JSON = {
  select: null,
  rename: null,
  fields_mapping: { mapping: { type: "default", match_suffix: false, exclude_fields: [] } },
  sql_filters: null,
  lineage: { relationship: { type: "1:1" } },
  optional: false,
};

describe("FieldSpec", () => {
  it("defaults key, code version and deps", () => {
    expect(new FieldSpec().toJSON()).toEqual({
      key: "default",
      code_version: "__metaxy_initial__",
      deps: [],
    });
    expect(FieldSpec.from("audio/french").toJSON()).toEqual({
      key: "audio/french",
      code_version: "__metaxy_initial__",
      deps: [],
    });
  });

  it("accepts ALL and explicit deps", () => {
    expect(FieldSpec.from({ key: "x", deps: SpecialFieldDep.ALL }).deps).toBe("__METAXY_ALL_DEP__");
    const f = FieldSpec.from({
      key: "x",
      codeVersion: "2",
      deps: [{ feature: "a/b", fields: ["y", "z/w"] }],
    });
    expect(f.toJSON()).toEqual({
      key: "x",
      code_version: "2",
      deps: [{ feature: "a/b", fields: ["y", "z/w"] }],
    });
    expect(Object.isFrozen(f) && Object.isFrozen(f.deps)).toBe(true);
  });

  it("parses the JSON form (a string is a key)", () => {
    expect(FieldSpec.fromJSON("x").key.toString()).toBe("x");
    const json = { key: "x", code_version: "3", deps: [{ feature: "u", fields: "__METAXY_ALL_DEP__" }] };
    expect(FieldSpec.fromJSON(json).toJSON()).toEqual(json);
  });

  it("rejects bad input", () => {
    expectError(
      () => FieldSpec.from({ key: "x", code_version: "1" } as never),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: unknown property "code_version" in field (did you mean "codeVersion"?); allowed: key, codeVersion, deps',
    );
    expectError(
      () => FieldSpec.from({ key: "x", codeVersion: 1 as unknown as string }),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: field "x" codeVersion must be a string, got number 1',
    );
    expectError(
      () => FieldSpec.from({ key: "x", deps: "all" as never }),
      InvalidSpecError,
      "INVALID_SPEC",
      /deps must be a list/,
    );
    expectError(() => FieldSpec.from("Bad"), InvalidKeyError, "INVALID_KEY", /invalid field key part "Bad"/);
    expectError(
      () => FieldSpec.fromJSON({ key: "x", extra: 1 }),
      InvalidSpecError,
      "INVALID_SPEC",
      /unknown property "extra"/,
    );
  });
});

describe("FieldDep", () => {
  it("defaults fields to ALL; the ALL string is ALL, any other string is invalid", () => {
    expect(new FieldDep({ feature: "a" }).toJSON()).toEqual({ feature: "a", fields: "__METAXY_ALL_DEP__" });
    expect(FieldDep.fromJSON({ feature: "a", fields: "__METAXY_ALL_DEP__" }).fields).toBe(
      SpecialFieldDep.ALL,
    );
    expectError(
      () => new FieldDep({ feature: "a", fields: "frames" as never }),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: field dep on "a": fields must be a list of field keys or "__METAXY_ALL_DEP__", got the string "frames"',
    );
  });
});

describe("Lineage", () => {
  it("serialises every variant like Python", () => {
    expect(Lineage.identity().toJSON()).toEqual({ relationship: { type: "1:1" } });
    expect(Lineage.aggregation().toJSON()).toEqual({ relationship: { type: "N:1", on: null } });
    expect(Lineage.aggregation({ on: ["s"] }).toJSON()).toEqual({ relationship: { type: "N:1", on: ["s"] } });
    expect(Lineage.expansion({ on: ["v"] }).toJSON()).toEqual({
      relationship: { type: "1:N", on: ["v"], id_generation_pattern: null },
    });
    expect(Lineage.expansion({ on: ["v"], idGenerationPattern: "{v}_{i}" }).toJSON().relationship).toEqual({
      type: "1:N",
      on: ["v"],
      id_generation_pattern: "{v}_{i}",
    });
    const exp = Lineage.expansion({ on: ["v"] });
    expect([exp.kind, exp.on]).toEqual(["expansion", ["v"]]);
    expect(Lineage.identity().on).toBeNull();
  });

  it("round-trips JSON", () => {
    for (const l of [
      Lineage.identity(),
      Lineage.aggregation({ on: ["a", "b"] }),
      Lineage.expansion({ on: ["v"] }),
    ]) {
      expect(Lineage.fromJSON(l.toJSON()).toJSON()).toEqual(l.toJSON());
    }
    expect(Lineage.fromJSON({ type: "N:1" }).toJSON()).toEqual({ relationship: { type: "N:1", on: null } });
  });

  it("requires `on` for expansion and rejects unknown types", () => {
    expectError(
      () => Lineage.expansion({} as never),
      InvalidSpecError,
      "INVALID_SPEC",
      "specs: expansion lineage requires `on` (the parent id columns)",
    );
    expectError(
      () => Lineage.fromJSON({ relationship: { type: "1:N" } }),
      InvalidSpecError,
      "INVALID_SPEC",
      /requires `on`/,
    );
    expectError(
      () => Lineage.expansion({ on: [] }),
      InvalidSpecError,
      "INVALID_SPEC",
      /must name at least one column/,
    );
    expectError(
      () => Lineage.fromJSON({ relationship: { type: "M:N" } }),
      InvalidSpecError,
      "INVALID_SPEC",
      /unknown lineage type/,
    );
  });
});

describe("FieldsMapping JSON", () => {
  it("serialises every variant like Python (specific: string keys, sorted parts lists)", () => {
    expect(FieldsMapping.default().toJSON()).toEqual({
      mapping: { type: "default", match_suffix: false, exclude_fields: [] },
    });
    expect(FieldsMapping.default({ matchSuffix: true, excludeFields: ["x/y", "a"] }).toJSON()).toEqual({
      mapping: { type: "default", match_suffix: true, exclude_fields: ["x/y", "a"] },
    });
    expect(FieldsMapping.all().toJSON()).toEqual({ mapping: { type: "all" } });
    expect(FieldsMapping.none().toJSON()).toEqual({ mapping: { type: "none" } });
    const specific = FieldsMapping.specific({
      "lips/sync": ["frames/hi", "audio", "frames/hi", "a-b", "a/z"],
    });
    expect(specific.toJSON()).toEqual({
      mapping: {
        type: "specific",
        mapping: { "lips/sync": [["a", "z"], ["a-b"], ["audio"], ["frames", "hi"]] },
      },
    });
    expect(FieldsMapping.fromJSON(specific.toJSON()).toJSON()).toEqual(specific.toJSON());
    expect(FieldsMapping.specific(new Map([["x", ["y"]]])).toJSON()).toEqual({
      mapping: { type: "specific", mapping: { x: [["y"]] } },
    });
  });

  it("rejects unknown variants and options", () => {
    expectError(
      () => FieldsMapping.fromJSON({ mapping: { type: "magic" } }),
      InvalidSpecError,
      "INVALID_SPEC",
      /unknown fields mapping type/,
    );
    expectError(
      () => FieldsMapping.default({ match_suffix: true } as never),
      InvalidSpecError,
      "INVALID_SPEC",
      /unknown property "match_suffix" .*did you mean "matchSuffix"/,
    );
  });
});

describe("FeatureDep", () => {
  it("has Python's defaults and JSON names", () => {
    expect(FeatureDep.from("a/b").toJSON()).toEqual({ feature: "a/b", ...DEFAULT_DEP_JSON });
  });

  it("serialises filters as sql_filters and accepts filters, sqlFilters or JSON filters", () => {
    expect(new FeatureDep({ feature: "a", filters: ["x > 1"] }).toJSON().sql_filters).toEqual(["x > 1"]);
    expect(new FeatureDep({ feature: "a", sqlFilters: "x > 1" }).filters).toEqual(["x > 1"]);
    expect(FeatureDep.fromJSON({ feature: "a", filters: ["y = 2"] }).filters).toEqual(["y = 2"]);
    expect(FeatureDep.fromJSON({ feature: "a", sql_filters: ["y = 2"] }).filters).toEqual(["y = 2"]);
    expectError(
      () => new FeatureDep({ feature: "a", filters: ["a"], sqlFilters: ["b"] }),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: dep on "a" gives both filters and sqlFilters; use one',
    );
  });

  it("enforces Python's select/rename validator", () => {
    expectError(
      () => new FeatureDep({ feature: "a", rename: { path: "video_path" }, select: ["path", "fps"] }),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: dep on "a": select contains pre-rename column name(s) "path"; use post-rename names ("path" → "video_path")',
    );
    // A swap renames nothing away, so selecting either name is fine.
    expect(new FeatureDep({ feature: "a", rename: { x: "y", y: "x" }, select: ["x"] }).select).toEqual(["x"]);
    expect(new FeatureDep({ feature: "a", rename: { path: "p" }, select: ["p"] }).renamed("path")).toBe("p");
  });

  it("keeps rename maps, including integer-like keys, and freezes them", () => {
    const dep = new FeatureDep({
      feature: "a",
      rename: new Map([
        ["10", "ten"],
        ["2", "two"],
      ]),
    });
    expect(dep.toJSON().rename).toEqual({ "10": "ten", "2": "two" });
    expect(Object.isFrozen(dep.rename)).toBe(true);
    expect(dep.renamed("other")).toBe("other");
    expect(dep.columnSuffix).toBe("__a");
  });

  it("rejects snake_case TS input with a hint", () => {
    expectError(
      () => new FeatureDep({ feature: "a", fields_mapping: FieldsMapping.all() } as never),
      InvalidSpecError,
      "INVALID_SPEC",
      /unknown property "fields_mapping" in feature dep \(did you mean "fieldsMapping"\?\)/,
    );
  });
});

describe("FeatureSpec", () => {
  it("fills every default in toJSON()", () => {
    expect(FeatureSpec.from({ key: "a/b", idColumns: ["id"] }).toJSON()).toEqual({
      key: "a/b",
      id_columns: ["id"],
      deps: [],
      fields: [{ key: "default", code_version: "__metaxy_initial__", deps: [] }],
      metadata: {},
      description: null,
    });
  });

  it("is deeply frozen and toJSON() returns a fresh copy", () => {
    const spec = FeatureSpec.from({
      key: "a",
      idColumns: ["id"],
      metadata: { tags: ["x"], nested: { k: 1 } },
    });
    expect(Object.isFrozen(spec)).toBe(true);
    expect(Object.isFrozen(spec.metadata.tags)).toBe(true);
    expect(Object.isFrozen(spec.metadata.nested)).toBe(true);
    const json = spec.toJSON() as unknown as { metadata: { tags: string[] } };
    json.metadata.tags.push("y");
    expect(spec.metadata.tags).toEqual(["x"]);
  });

  it("requires non-empty id columns", () => {
    expectError(
      () => FeatureSpec.from({ key: "a" } as never),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: feature "a": idColumns is required',
    );
    expectError(
      () => FeatureSpec.from({ key: "a", idColumns: [] }),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: feature "a": idColumns must be non-empty',
    );
    expectError(
      () => FeatureSpec.fromJSON({ key: "a" }),
      InvalidSpecError,
      "INVALID_SPEC",
      /idColumns is required/,
    );
  });

  it("rejects duplicate field keys and struct-key collisions", () => {
    expectError(
      () => FeatureSpec.from({ key: "a", idColumns: ["id"], fields: ["x", { key: "x", codeVersion: "2" }] }),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: feature "a": duplicate field key "x"',
    );
    expectError(
      () => FeatureSpec.from({ key: "a", idColumns: ["id"], fields: ["x/y", "x_y"] }),
      KeyCollisionError,
      "KEY_COLLISION",
      'specs: feature "a": field keys "x/y" and "x_y" share the struct key "x_y"',
    );
  });

  it("rejects field deps on features that are not deps, self-deps and duplicate deps", () => {
    expectError(
      () =>
        FeatureSpec.from({
          key: "c",
          idColumns: ["id"],
          deps: ["a"],
          fields: [{ key: "x", deps: [{ feature: "b", fields: ["y"] }] }],
        }),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: feature "c" field "x" depends on "b", which is not among its deps ("a")',
    );
    expectError(
      () => FeatureSpec.from({ key: "a", idColumns: ["id"], deps: ["a"] }),
      DependencyCycleError,
      "DEPENDENCY_CYCLE",
      'graph: dependency cycle a → a: feature "a" depends on itself',
    );
    expectError(
      () => FeatureSpec.from({ key: "c", idColumns: ["id"], deps: ["a", { feature: "a", optional: true }] }),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: feature "c" lists dependency "a" twice',
    );
  });

  it("rejects metadata Python could not dump and unknown properties", () => {
    expectError(
      () => FeatureSpec.from({ key: "a", idColumns: ["id"], metadata: { when: new Date(0) } }),
      InvalidSpecError,
      "INVALID_SPEC",
      'specs: feature "a" metadata.when must be JSON data, got an object (Date)',
    );
    expectError(
      () => FeatureSpec.from({ key: "a", id_columns: ["id"] } as never),
      InvalidSpecError,
      "INVALID_SPEC",
      /unknown property "id_columns" in feature spec \(did you mean "idColumns"\?\)/,
    );
    expectError(
      () => FeatureSpec.fromJSON({ key: "a", id_columns: ["id"], idColumns: ["id"] }),
      InvalidSpecError,
      "INVALID_SPEC",
      /unknown property "idColumns"/,
    );
  });

  it("accepts feature objects, keys and init objects as deps", () => {
    const up = FeatureSpec.from({ key: "u", idColumns: ["id"] });
    const spec = FeatureSpec.from({
      key: "d",
      idColumns: ["id"],
      deps: [up, { feature: "v", optional: true }],
    });
    expect(spec.deps.map((d) => [d.feature.toString(), d.optional])).toEqual([
      ["u", false],
      ["v", true],
    ]);
  });
});
