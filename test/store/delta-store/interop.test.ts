/**
 * Interoperability of what DeltaMetadataStore writes: DuckDB, reading the Parquet files the Delta log
 * says are active, sees exactly the rows our history reads return; and the tables sit at Python's
 * paths with Python's Delta protocol and column types.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Table } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { columnValues } from "../../../src/arrow/read-values.js";
import { tableToRows } from "../../../src/arrow/table-to-rows.js";
import {
  METAXY_CREATED_AT,
  METAXY_DATA_VERSION,
  METAXY_DELETED_AT,
  METAXY_FEATURE_VERSION,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
  METAXY_UPDATED_AT,
} from "../../../src/constants.js";
import { FeatureGraph } from "../../../src/models/feature-graph.js";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { DeltaMetadataStore } from "../../../src/store/delta-store/delta-metadata-store.js";
import { LocalObjectStore } from "../../../src/store/io/local.js";
import { SystemTableStorage } from "../../../src/store/system/system-table-storage.js";
import { tempDir } from "./helpers.js";

function videoGraph(codeVersion: string) {
  const graph = new FeatureGraph({ project: "interop" });
  const raw = graph.feature({
    key: "video/raw",
    idColumns: ["video_id"],
    fields: [
      { key: "audio", codeVersion },
      { key: "frames", codeVersion: "1" },
    ],
  });
  return { graph, raw };
}

const rows = (ids: readonly number[], tag: string) =>
  ids.map((id) => ({
    video_id: id,
    path: `/v/${id}/${tag}`,
    metaxy_provenance_by_field: { audio: `a${id}${tag}`, frames: `f${id}${tag}` },
  }));

const duck = DuckDBInstance.create(":memory:");
afterAll(async () => {
  (await duck).closeSync();
});

const TIMESTAMPS = [METAXY_CREATED_AT, METAXY_UPDATED_AT, METAXY_DELETED_AT];
const COLUMNS = [
  "video_id",
  "path",
  METAXY_FEATURE_VERSION,
  METAXY_PROVENANCE,
  METAXY_DATA_VERSION,
  METAXY_PROVENANCE_BY_FIELD,
  ...TIMESTAMPS,
];

/** One string per cell, sorted rows: what DuckDB reads from the active files of a table. */
async function duckRows(files: readonly string[], where: string): Promise<string[]> {
  const connection = await (await duck).connect();
  try {
    const list = files.map((f) => `'${f}'`).join(", ");
    const select = COLUMNS.map((c) =>
      TIMESTAMPS.includes(c)
        ? `epoch_us(${c})::VARCHAR`
        : c === METAXY_PROVENANCE_BY_FIELD
          ? `to_json(${c})::VARCHAR`
          : `${c}::VARCHAR`,
    ).join(", ");
    const result = await connection.runAndReadAll(
      `SELECT ${select} FROM read_parquet([${list}], union_by_name = true) ${where}`,
    );
    return result
      .getRowsJS()
      .map((r) => JSON.stringify(r.map((v, i) => normalise(COLUMNS[i]!, v === null ? null : String(v)))))
      .sort();
  } finally {
    connection.closeSync();
  }
}

/** The same rendering of our rows. */
function ourRows(table: Table): string[] {
  const cells = COLUMNS.map((c) =>
    columnValues(table.getChild(c)!, "raw").map((v) =>
      v === null ? null : c === METAXY_PROVENANCE_BY_FIELD ? JSON.stringify(v) : String(v),
    ),
  );
  return Array.from({ length: table.numRows }, (_, r) =>
    JSON.stringify(cells.map((column, i) => normalise(COLUMNS[i]!, column[r]!))),
  ).sort();
}

/** Struct cells as JSON with sorted keys, so both sides agree on field order. */
function normalise(column: string, value: string | null): string | null {
  if (value === null || column !== METAXY_PROVENANCE_BY_FIELD) return value;
  const obj = JSON.parse(value) as Record<string, unknown>;
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, obj[k]]),
    ),
  );
}

describe("DuckDB reads what the store wrote", () => {
  it("sees exactly the rows of our history read in the active files of the Delta log", async () => {
    const root = await tempDir();
    const v1 = videoGraph("1");
    const v2 = videoGraph("2");
    const old = new DeltaMetadataStore({ rootPath: root, graph: v1.graph });
    const store = new DeltaMetadataStore({ rootPath: root, graph: v2.graph });
    await old.withOpen("w", (s) => s.write(v1.raw, rows([1, 2, 3], "old")));
    await store.withOpen("w", async (s) => {
      await s.write(v2.raw, rows([1, 2], "new"));
      await s.write(v2.raw, rows([2, 4], "again"));
      await s.delete(v2.raw, ["video_id = 4"]); // soft: a tombstone row
      await s.delete(v2.raw, ["video_id = 1"], { soft: false }); // hard: rewrites a file
    });

    const table = (await DeltaTable.open(new LocalObjectStore(root), "video/raw.delta"))!;
    const files = table.snapshot.files.map((f) => join(root, f.key));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const history = { withFeatureHistory: true, withSampleHistory: true } as const;
    await store.withOpen("r", async (s) => {
      const all = await s.read(v2.raw, { ...history, includeSoftDeleted: true });
      // 3 old + (1 new of id 2) + 2 again + 1 tombstone; id 1 of the current version is gone.
      expect(all.numRows).toBe(7);
      expect(ourRows(all)).toEqual(await duckRows(files, ""));
      const live = await s.read(v2.raw, history);
      expect(live.numRows).toBe(6);
      expect(ourRows(live)).toEqual(await duckRows(files, `WHERE ${METAXY_DELETED_AT} IS NULL`));
      const versions = new Set(tableToRows(all).map((r) => r[METAXY_FEATURE_VERSION]));
      expect(versions).toEqual(new Set([v1.raw.featureVersion(), v2.raw.featureVersion()]));
    });
  });
});

/** The actions of a commit file, one object per line. */
async function commitActions(path: string): Promise<Record<string, Record<string, unknown>>[]> {
  const text = await readFile(path, "utf8");
  return text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
}

/** `{ column: Delta type }` of the first commit's metaData schema, plus that commit's protocol. */
async function firstCommit(tableDir: string) {
  const actions = await commitActions(join(tableDir, "_delta_log", "00000000000000000000.json"));
  const protocol = actions.find((a) => a.protocol !== undefined)!.protocol;
  const metaData = actions.find((a) => a.metaData !== undefined)!.metaData as { schemaString: string };
  const schema = JSON.parse(metaData.schemaString) as { fields: { name: string; type: unknown }[] };
  return { protocol, types: Object.fromEntries(schema.fields.map((f) => [f.name, f.type])) };
}

const stringStruct = (names: readonly string[]) => ({
  type: "struct",
  fields: names.map((name) => ({ name, type: "string", nullable: true, metadata: {} })),
});

describe("Python's Delta layout", () => {
  for (const layout of ["nested", "flat"] as const) {
    it(`${layout}: tables at Python's paths, protocol 1/2, Python's Delta types`, async () => {
      const root = await tempDir();
      const { graph, raw } = videoGraph("1");
      const store = new DeltaMetadataStore({ rootPath: root, graph, layout });
      await store.withOpen("w", async (s) => {
        await s.write(raw, rows([1], "x"));
        await new SystemTableStorage(s).pushGraphSnapshot();
      });
      const [featureDir, systemDir] =
        layout === "nested"
          ? ["video/raw.delta", "metaxy-system/feature_versions.delta"]
          : ["video__raw.delta", "metaxy_system__feature_versions.delta"];
      expect(store.tableUri(raw)).toBe(join(root, featureDir));

      const feature = await firstCommit(join(root, featureDir));
      expect(feature.protocol).toEqual({ minReaderVersion: 1, minWriterVersion: 2 });
      expect(feature.types).toEqual({
        video_id: "long",
        path: "string",
        metaxy_provenance_by_field: stringStruct(["audio", "frames"]),
        metaxy_provenance: "string",
        metaxy_data_version_by_field: stringStruct(["audio", "frames"]),
        metaxy_data_version: "string",
        metaxy_feature_version: "string",
        metaxy_project_version: "string",
        metaxy_created_at: "timestamp",
        metaxy_updated_at: "timestamp",
        metaxy_deleted_at: "timestamp",
        metaxy_materialization_id: "string",
      });

      const system = await firstCommit(join(root, systemDir));
      expect(system.protocol).toEqual({
        minReaderVersion: 3,
        minWriterVersion: 7,
        readerFeatures: ["timestampNtz"],
        writerFeatures: ["timestampNtz"],
      });
      expect(system.types).toEqual({
        project: "string",
        feature_key: "string",
        metaxy_feature_version: "string",
        metaxy_definition_version: "string",
        recorded_at: "timestamp_ntz",
        feature_spec: "string",
        feature_schema: "string",
        feature_class_path: "string",
        metaxy_project_version: "string",
        tags: "string",
        deleted_at: "timestamp_ntz",
      });
    });
  }

  it("enableMapDatatype stores *_by_field as Delta map<string,string>", async () => {
    const root = await tempDir();
    const { graph, raw } = videoGraph("1");
    const store = new DeltaMetadataStore({ rootPath: root, graph, enableMapDatatype: true });
    await store.withOpen("w", (s) => s.write(raw, rows([1], "x")));
    const { types } = await firstCommit(join(root, "video/raw.delta"));
    const map = { type: "map", keyType: "string", valueType: "string", valueContainsNull: true };
    expect(types.metaxy_provenance_by_field).toEqual(map);
    expect(types.metaxy_data_version_by_field).toEqual(map);
  });
});
