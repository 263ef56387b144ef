import { describe, expect, it } from "vitest";
import {
  FeatureGraph,
  FeatureSpec,
  FieldsMapping,
  Lineage,
  PyFloat,
  parsePythonJson,
  pythonJsonDumps,
  SpecialFieldDep,
} from "../../src/models/index.js";

// Expected hashes below were derived with CPython's json.dumps(sort_keys=True) + hashlib.sha256 over the
// same model_dump dicts (python-reference/metaxy_ref.py: spec_json, feature_spec_version,
// definition_version, project_version, base_feature_schema); they are not upstream snapshot values.

/** A spec exercising every JSON corner: specific mapping, lineages, filters, renames, floats, non-ASCII. */
const RICH_JSON_TEXT =
  '{"key": "media/clip-v2", "id_columns": ["clip_id", "shard"], "deps": [{"feature": "video/raw", "select": ["path_renamed", "fps"], "rename": {"path": "path_renamed", "10": "ten"}, "fields_mapping": {"mapping": {"type": "specific", "mapping": {"faces": [["audio"], ["frames", "hi"]], "lips/sync": [["audio"]]}}}, "sql_filters": ["fps > 10", "codec = \'h264\'"], "lineage": {"relationship": {"type": "N:1", "on": ["clip_id"]}}, "optional": true}, {"feature": "audio/raw", "select": null, "rename": null, "fields_mapping": {"mapping": {"type": "default", "match_suffix": true, "exclude_fields": ["debug", "x/y"]}}, "sql_filters": null, "lineage": {"relationship": {"type": "1:N", "on": ["clip_id"], "id_generation_pattern": null}}, "optional": false}, {"feature": "text/raw", "select": null, "rename": null, "fields_mapping": {"mapping": {"type": "all"}}, "sql_filters": null, "lineage": {"relationship": {"type": "1:1"}}, "optional": false}, {"feature": "misc", "select": null, "rename": null, "fields_mapping": {"mapping": {"type": "none"}}, "sql_filters": null, "lineage": {"relationship": {"type": "N:1", "on": null}}, "optional": false}], "fields": [{"key": "faces", "code_version": "3", "deps": [{"feature": "video/raw", "fields": ["frames/hi"]}]}, {"key": "lips/sync", "code_version": "1", "deps": "__METAXY_ALL_DEP__"}, {"key": "default", "code_version": "__metaxy_initial__", "deps": []}], "metadata": {"owner": "ml-team", "scale": 1.0, "eps": 1e-07, "big": 1e+16, "n": 3, "nested": {"b": [1, 2.5, null, true], "a": "h\\u00e9llo \\ud83d\\ude00", "2": "x", "10": "y"}}, "description": "Clips \\u2014 with \\"quotes\\"\\nand newlines"}';
const RICH_VERSION = "dc0c67fb";
/** base_feature_schema("SampleFeature", sample_uid + score: float, required ["score"], a docstring) as Python dumps it. */
const STORED_SCHEMA =
  '{"additionalProperties": false, "properties": {"metaxy_provenance_by_field": {"additionalProperties": {"type": "string"}, "description": "Field-level provenance hashes (maps field names to hashes)", "title": "Metaxy Provenance By Field", "type": "object"}, "metaxy_provenance": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null, "description": "Hash of metaxy_provenance_by_field", "title": "Metaxy Provenance"}, "metaxy_feature_version": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null, "description": "Hash of the feature definition (dependencies + fields + code_versions)", "title": "Metaxy Feature Version"}, "metaxy_project_version": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null, "description": "Hash of the entire feature graph project version", "title": "Metaxy Project Version"}, "metaxy_data_version_by_field": {"anyOf": [{"additionalProperties": {"type": "string"}, "type": "object"}, {"type": "null"}], "default": null, "description": "Field-level data version hashes (maps field names to version hashes)", "title": "Metaxy Data Version By Field"}, "metaxy_data_version": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null, "description": "Hash of metaxy_data_version_by_field", "title": "Metaxy Data Version"}, "metaxy_created_at": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}], "default": null, "description": "Timestamp when the metadata row was created (UTC)", "title": "Metaxy Created At"}, "metaxy_materialization_id": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null, "description": "External orchestration run ID (e.g., Dagster Run ID)", "title": "Metaxy Materialization Id"}, "sample_uid": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null, "title": "Sample Uid"}, "score": {"title": "Score", "type": "number"}}, "title": "SampleFeature", "type": "object", "required": ["score"], "description": "Scores \\u2014 v1."}';
const RICH_VERSION_FULL = "dc0c67fb4fbae3b64f3401e6411e597011e5b6b8138b336255d27d29895947c2";

function richThroughTs(): FeatureSpec {
  return FeatureSpec.from({
    key: "media/clip-v2",
    idColumns: ["clip_id", "shard"],
    deps: [
      {
        feature: "video/raw",
        select: ["path_renamed", "fps"],
        rename: { path: "path_renamed", "10": "ten" },
        fieldsMapping: FieldsMapping.specific({ faces: ["frames/hi", "audio"], "lips/sync": ["audio"] }),
        filters: ["fps > 10", "codec = 'h264'"],
        lineage: Lineage.aggregation({ on: ["clip_id"] }),
        optional: true,
      },
      {
        feature: "audio/raw",
        fieldsMapping: FieldsMapping.default({ matchSuffix: true, excludeFields: ["debug", "x/y"] }),
        lineage: Lineage.expansion({ on: ["clip_id"] }),
      },
      { feature: "text/raw", fieldsMapping: FieldsMapping.all() },
      { feature: "misc", fieldsMapping: FieldsMapping.none(), lineage: Lineage.aggregation() },
    ],
    fields: [
      { key: "faces", codeVersion: "3", deps: [{ feature: "video/raw", fields: ["frames/hi"] }] },
      { key: "lips/sync", codeVersion: "1", deps: SpecialFieldDep.ALL },
      "default",
    ],
    metadata: {
      owner: "ml-team",
      scale: new PyFloat(1),
      eps: 1e-7,
      big: 1e16,
      n: 3,
      nested: { b: [1, 2.5, null, true], a: "héllo 😀", "2": "x", "10": "y" },
    },
    description: 'Clips — with "quotes"\nand newlines',
  });
}

describe("feature spec version", () => {
  it("matches Python for a spec built through the TS API", () => {
    const g = new FeatureGraph();
    g.feature(richThroughTs());
    expect(g.featureSpecVersion("media/clip-v2")).toBe(RICH_VERSION);
    expect(
      new FeatureGraph({ hashTruncationLength: null }).feature(richThroughTs()).featureSpecVersion(),
    ).toBe(RICH_VERSION_FULL);
  });

  it("matches Python for the same spec loaded from Python's JSON text (lossless floats)", () => {
    const g = FeatureGraph.fromSpecs(`[${RICH_JSON_TEXT}]`);
    expect(g.featureSpecVersion("media/clip-v2")).toBe(RICH_VERSION);
    // The TS-built spec dumps to exactly Python's text once both are sorted.
    expect(pythonJsonDumps(richThroughTs().toJSON())).toBe(
      pythonJsonDumps(g.get("media/clip-v2").spec.toJSON()),
    );
  });

  it("changes when 1.0 is read as a JS number (why the lossless parser exists)", () => {
    const lossy = FeatureGraph.fromSpecs(JSON.parse(`[${RICH_JSON_TEXT}]`));
    expect(lossy.featureSpecVersion("media/clip-v2")).not.toBe(RICH_VERSION);
  });

  it("round-trips toJSON → text → fromSpecs without change", () => {
    const g = new FeatureGraph();
    g.feature(richThroughTs());
    const text = pythonJsonDumps(g.toJSON());
    const back = FeatureGraph.fromSpecs(text);
    expect(pythonJsonDumps(back.toJSON())).toBe(text);
    expect(back.featureSpecVersion("media/clip-v2")).toBe(RICH_VERSION);
    expect(FeatureGraph.fromSpecs(g.toJSON()).featureSpecVersion("media/clip-v2")).toBe(RICH_VERSION);
  });

  it("is computable although the upstreams are missing; graph versions name them", () => {
    const g = FeatureGraph.fromSpecs(`[${RICH_JSON_TEXT}]`);
    expect(g.featureCodeVersion("media/clip-v2")).toBe("5d5567e3");
    expect(() => g.featureVersion("media/clip-v2")).toThrow(
      'graph: feature "media/clip-v2" depends on "video/raw", "audio/raw", "text/raw", "misc", which are not in the graph',
    );
  });

  it("plain spec: spec, code, definition versions", () => {
    const g = new FeatureGraph();
    g.feature({ key: "test/feature", idColumns: ["sample_uid"], fields: [{ codeVersion: "1" }] });
    expect(g.featureSpecVersion("test/feature")).toBe("a5eea973");
    expect(g.featureDefinitionVersion("test/feature")).toBe("17acd57d");
    expect(g.featureDefinitionVersion("test/feature", {})).toBe("17acd57d");
  });

  it("code version sorts fields by key and ignores dependencies", () => {
    const g = new FeatureGraph({ hashTruncationLength: null });
    g.feature({
      key: "x",
      idColumns: ["id"],
      fields: [
        { key: "b", codeVersion: "2" },
        { key: "a", codeVersion: "1" },
      ],
    });
    expect(g.featureCodeVersion("x")).toBe(
      "85337816d263d362acb23a4255a636191075c2a90c47f2ee6db3362f7df11203",
    );
  });
});

describe("definition and project versions", () => {
  it("a Pydantic-shaped schema from declared columns gives Python's definition version", () => {
    const g = new FeatureGraph();
    g.feature({
      key: "test/feature",
      idColumns: ["sample_uid"],
      fields: [{ codeVersion: "1" }],
      columns: { path: "string", fps: "float64" },
      classPath: "pkg.features.Video",
    });
    expect(g.featureDefinitionVersion("test/feature")).toBe("edac21e4");
  });

  it("a stored Python schema (parsed losslessly) gives Python's definition and project versions", () => {
    const stored = parsePythonJson(STORED_SCHEMA) as Record<string, unknown>;
    const g = new FeatureGraph({ project: "p" });
    const f = g.feature(
      { key: "test/feature", idColumns: ["sample_uid"], fields: [{ codeVersion: "1" }] },
      { schema: stored, columns: { score: "float64" } },
    );
    expect(f.schema).toEqual(stored);
    expect(g.featureDefinitionVersion("test/feature")).toBe("ad12a20d");
    expect(g.projectVersion()).toBe("f2b25f73");
    expect(g.featureDefinitionVersion("test/feature", {})).toBe("17acd57d");
  });

  it("sorts features by key parts, not by key string", () => {
    const g = new FeatureGraph({ project: "p" });
    g.feature({ key: "a-b", idColumns: ["sample_uid"] });
    g.feature({ key: "a/z", idColumns: ["sample_uid"] });
    expect(g.featureDefinitionVersion("a/z")).toBe("5f7eca5e");
    expect(g.featureDefinitionVersion("a-b")).toBe("400bb6a8");
    expect(g.projectVersion()).toBe("ee032803");
  });

  it("covers only the project's features and is 'empty' without any", () => {
    const g = new FeatureGraph();
    expect(g.projectVersion()).toBe("empty");
    g.feature({
      key: "test/feature",
      idColumns: ["sample_uid"],
      fields: [{ codeVersion: "1" }],
      project: "one",
    });
    g.feature({ key: "media/clip-v2", idColumns: ["sample_uid"], project: "two" });
    expect(() => g.projectVersion()).toThrow("graph: features span several projects (one, two); name one");
    expect(g.projectVersion("three")).toBe("empty");
    expect(g.projectVersion("one")).toBe(FeatureGraph.fromSpecs(g.toJSON().slice(0, 1)).projectVersion());
  });

  it("takes the graph's project as default", () => {
    const g = new FeatureGraph({ project: "demo" });
    const f = g.feature({ key: "a", idColumns: ["id"] });
    g.feature({ key: "b", idColumns: ["id"], project: "other" });
    expect(f.project).toBe("demo");
    expect(g.projectVersion()).toBe(g.projectVersion("demo"));
    expect(g.projectVersion()).not.toBe(g.projectVersion("other"));
  });
});
