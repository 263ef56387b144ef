import { describe, expect, it } from "vitest";
import { FieldNotFoundError, InvalidSpecError, type MetaxyError } from "../../src/errors.js";
import { FeatureGraph, FeatureSpec, FieldsMapping, SpecialFieldDep } from "../../src/models/index.js";

const ids = ["sample_uid"];
const upstream = FeatureSpec.from({
  key: "raw/media",
  idColumns: ids,
  fields: ["audio/french", "audio/english", "video/frames", "debug"],
});
const names = (keys: readonly { toString(): string }[]) => keys.map(String);

describe("FieldsMapping.resolve", () => {
  it("default: exact match, else every field of that upstream", () => {
    const m = FieldsMapping.default();
    expect(names(m.resolve("debug", upstream))).toEqual(["debug"]);
    expect(names(m.resolve("audio/english", upstream))).toEqual(["audio/english"]);
    expect(names(m.resolve("french", upstream))).toEqual([
      "audio/french",
      "audio/english",
      "video/frames",
      "debug",
    ]);
  });

  it("default with matchSuffix: single-part and multi-part suffixes", () => {
    const m = FieldsMapping.default({ matchSuffix: true });
    expect(names(m.resolve("french", upstream))).toEqual(["audio/french"]);
    expect(names(m.resolve("frames", upstream))).toEqual(["video/frames"]);
    expect(names(m.resolve("audio/french", upstream))).toEqual(["audio/french"]);
    expect(names(m.resolve("x/audio/french", upstream))).toEqual(names(m.resolve("nothing", upstream)));
  });

  it("default with excludeFields: excluded fields are skipped by matches and by the fallback", () => {
    const m = FieldsMapping.default({ excludeFields: ["debug", "audio/english"] });
    expect(names(m.resolve("debug", upstream))).toEqual(["audio/french", "video/frames"]);
    expect(names(m.resolve("other", upstream))).toEqual(["audio/french", "video/frames"]);
  });

  it("specific: intersected with the upstream's fields", () => {
    const m = FieldsMapping.specific({ out: ["video/frames", "not/there"], "a/b": ["debug"] });
    expect(names(m.resolve("out", upstream))).toEqual(["video/frames"]);
    expect(names(m.resolve("a/b", upstream))).toEqual(["debug"]);
    expect(names(m.resolve("unmapped", upstream))).toEqual([]);
  });

  it("all / none", () => {
    expect(FieldsMapping.all().resolve("x", upstream)).toHaveLength(4);
    expect(FieldsMapping.none().resolve("x", upstream)).toEqual([]);
  });
});

describe("parent fields (§1.9)", () => {
  function graph() {
    const g = new FeatureGraph();
    g.feature({
      key: "u1",
      idColumns: ids,
      fields: [
        { key: "audio", codeVersion: "1" },
        { key: "video", codeVersion: "1" },
      ],
    });
    g.feature({
      key: "u2",
      idColumns: ids,
      fields: [
        { key: "text", codeVersion: "2" },
        { key: "tags", codeVersion: "3" },
      ],
    });
    return g;
  }

  it("D5: the default mapping falls back per upstream", () => {
    const g = graph();
    g.feature({
      key: "down",
      idColumns: ids,
      deps: ["u1", "u2"],
      fields: [{ key: "audio", codeVersion: "7" }],
    });
    expect(names(g.plan("down").parentFields("audio"))).toEqual(["u1.audio", "u2.tags", "u2.text"]);
    // Values from python-reference/metaxy_ref.py on the same graph (derived, not upstream snapshots).
    expect(g.fieldVersions("down")).toEqual({ audio: "b7cc933e" });
    expect(g.featureVersion("down")).toBe("fe7de010");
  });

  it("suffix matching, exclusions and multi-part keys give Python's versions", () => {
    const g = new FeatureGraph();
    g.feature({
      key: "raw/media",
      idColumns: ids,
      fields: [
        { key: "audio/french", codeVersion: "1" },
        { key: "audio/english", codeVersion: "1" },
        { key: "video/frames", codeVersion: "2" },
        { key: "debug", codeVersion: "9" },
      ],
    });
    g.feature({
      key: "proc",
      idColumns: ids,
      deps: [
        {
          feature: "raw/media",
          fieldsMapping: FieldsMapping.default({ matchSuffix: true, excludeFields: ["debug"] }),
        },
      ],
      fields: [
        { key: "french", codeVersion: "1" },
        { key: "audio/english", codeVersion: "1" },
        { key: "frames", codeVersion: "1" },
        { key: "other", codeVersion: "1" },
      ],
    });
    const plan = g.plan("proc");
    expect(names(plan.parentFields("french"))).toEqual(["raw/media.audio/french"]);
    expect(names(plan.parentFields("frames"))).toEqual(["raw/media.video/frames"]);
    expect(names(plan.parentFields("other"))).toEqual([
      "raw/media.audio/english",
      "raw/media.audio/french",
      "raw/media.video/frames",
    ]);
    expect(g.fieldVersions("proc")).toEqual({
      french: "a73691df",
      "audio/english": "cb1959fe",
      frames: "358714f6",
      other: "3941d396",
    });
    expect(g.featureVersion("proc")).toBe("2df76444");
  });

  it("explicit field deps replace the mapping; ALL takes every field of every upstream", () => {
    const g = graph();
    g.feature({
      key: "down",
      idColumns: ids,
      deps: [{ feature: "u1", fieldsMapping: FieldsMapping.none() }, "u2"],
      fields: [
        { key: "a", deps: [{ feature: "u1", fields: ["video"] }] },
        { key: "b", deps: SpecialFieldDep.ALL },
        { key: "c", deps: [{ feature: "u2" }] },
        { key: "text" },
      ],
    });
    const plan = g.plan("down");
    expect(names(plan.parentFields("a"))).toEqual(["u1.video"]);
    expect(names(plan.parentFields("b"))).toEqual(["u1.audio", "u1.video", "u2.tags", "u2.text"]);
    expect(names(plan.parentFields("c"))).toEqual(["u2.tags", "u2.text"]);
    expect(names(plan.parentFields("text"))).toEqual(["u2.text"]);
  });

  it("root features have no parents", () => {
    expect(graph().plan("u1").parentFields("audio")).toEqual([]);
  });

  it("raises when every mapping resolves to nothing, or the field is unknown", () => {
    const g = graph();
    g.feature({
      key: "down",
      idColumns: ids,
      deps: [{ feature: "u1", fieldsMapping: FieldsMapping.specific({ other: ["audio"] }) }],
      fields: ["lonely"],
    });
    const e = thrown(() => g.fieldVersions("down"));
    expect(e).toBeInstanceOf(InvalidSpecError);
    expect(e.code).toBe("INVALID_SPEC");
    expect(e.message).toMatch(/^graph: no upstream fields found for field "down\.lonely"/);
    const f = thrown(() => g.plan("down").parentFields("nope"));
    expect(f).toBeInstanceOf(FieldNotFoundError);
    expect(f.message).toBe('graph: feature "down" has no field "nope"; fields: "lonely"');
  });
});

function thrown(fn: () => unknown): MetaxyError {
  try {
    fn();
  } catch (e) {
    return e as MetaxyError;
  }
  throw new Error("expected an error");
}
