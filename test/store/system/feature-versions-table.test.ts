/** The feature_versions table helpers: record ⇄ table round trip and Python's plain json.dumps. */
import { Table, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { MetadataSchemaError } from "../../../src/errors.js";
import { PyFloat } from "../../../src/models/py-float.js";
import {
  type FeatureVersionRecord,
  featureVersionRecords,
  featureVersionsTable,
} from "../../../src/store/system/feature-versions-table.js";
import { jsonDumps } from "../../../src/store/system/json-dumps.js";
import { expectThrow } from "../../conformance/harness.js";

const record = (featureKey: string, deletedAt: bigint | null): FeatureVersionRecord => ({
  project: "p",
  featureKey,
  featureVersion: "fv",
  definitionVersion: "dv",
  recordedAt: 1_700_000_000_123_456n,
  featureSpec: "{}",
  featureSchema: "{}",
  featureClassPath: "",
  projectVersion: "pv",
  tags: "{}",
  deletedAt,
});

describe("feature_versions records", () => {
  it("round-trip through the table, microseconds and null deleted_at included", () => {
    const records = [record("a", null), record("b", 1_700_000_000_999_999n), record("c", null)];
    const table = featureVersionsTable(records);
    expect(table.getChild("deleted_at")!.nullCount).toBe(2);
    expect(featureVersionRecords(table)).toEqual(records);
    expect(featureVersionRecords(featureVersionsTable([]))).toEqual([]);
  });

  it("name a missing column", () => {
    const table = new Table({ project: vectorFromArray(["p"]) });
    expectThrow(() => featureVersionRecords(table), MetadataSchemaError, "METADATA_SCHEMA", /"feature_key"/);
  });
});

describe("jsonDumps", () => {
  it("writes Python's json.dumps: insertion order, default separators, ASCII escapes, float spellings", () => {
    expect(jsonDumps({ z: 1, a: [true, null, "é\n"], m: { y: new PyFloat("1.0"), x: 0.5 } })).toBe(
      '{"z": 1, "a": [true, null, "\\u00e9\\n"], "m": {"y": 1.0, "x": 0.5}}',
    );
    expect(jsonDumps([])).toBe("[]");
    expect(jsonDumps({})).toBe("{}");
    expect(jsonDumps({ toJSON: () => ({ b: 2 }) })).toBe('{"b": 2}');
  });
});
