import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DeltaProtocolError } from "../../../src/errors.js";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { LocalObjectStore } from "../../../src/store/io/local.js";
import { copyFixture, duckRows, FIXTURES, ourRows } from "./helpers.js";

const fixtures = new LocalObjectStore(FIXTURES);

async function open(name: string, store = fixtures) {
  const table = await DeltaTable.open(store, name);
  if (table === null) throw new Error(`fixture ${name} has no log`);
  return table;
}

/** Expected active files, derived by hand from each fixture's JSON commits (adds minus removes). */
const ACTIVE: Record<string, string[]> = {
  "delta-0.8.0": [
    "part-00000-c9b90f86-73e6-46c8-93ba-ff6bfaf892a1-c000.snappy.parquet",
    "part-00000-04ec9591-0b73-459e-8d18-ba5711d6cbe1-c000.snappy.parquet",
  ],
  "python-0.25.5-checkpoint": [
    "part-00001-4ad27870-ff0a-4fe5-b4c7-04cadfd628a9-c000.snappy.parquet",
    "part-00001-a9c637fe-770e-45ec-8305-0a557aa8ad44-c000.snappy.parquet",
  ],
  table_failed_last_checkpoint_update: [
    "part-00001-9c90a84d-6999-463c-bd2d-f68333e6d03d-c000.snappy.parquet",
    "part-00001-fed6d112-d244-4c54-810d-25ba3f0a4016-c000.snappy.parquet",
    "part-00001-6791b37e-f318-4d2b-87a0-89be205c338b-c000.snappy.parquet",
    "part-00001-bea93a33-9112-41a5-aca6-c2d1f2c43873-c000.snappy.parquet",
  ],
  table_with_edge_timestamps: [
    "part-00000-a9dd181d-61aa-491d-b3c9-3eea548de6cb-c000.snappy.parquet",
    "part-00001-f804d355-db40-4e13-a624-ddd50ce7f5c4-c000.snappy.parquet",
  ],
};

/** Compares our read of a fixture with DuckDB reading the expected active files directly. */
async function expectSameAsDuckDb(name: string, columns: string[], select: string[], files?: string[]) {
  const table = await open(name);
  const active = files ?? ACTIVE[name]!;
  expect(new Set(table.snapshot.files.map((f) => f.path))).toEqual(new Set(active));
  const ours = await table.read();
  expect(ours.schema.fields.map((f) => f.name)).toEqual(columns);
  const expected = await duckRows(
    active.map((f) => join(FIXTURES, name, f)),
    select,
  );
  expect(ourRows(ours, columns)).toEqual(expected);
  return ours;
}

describe("Delta tables written by delta-rs and Spark", () => {
  it("simple_commit: a create-only commit, no active file (the stray Parquet files are unreferenced)", async () => {
    const table = await open("simple_commit");
    expect(table.version).toBe(0);
    expect(table.snapshot.files).toEqual([]);
    const data = await table.read();
    expect(data.numRows).toBe(0);
    expect(data.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual(["value: Int32"]);
  });

  it("delta-0.8.0: a remove action drops a file (row value 3 deleted)", async () => {
    const data = await expectSameAsDuckDb("delta-0.8.0", ["value"], ["value"]);
    expect([...data.getChild("value")!.toArray()].sort()).toEqual([0, 1, 2, 4]);
  });

  it("simple_table_with_checkpoint: Spark checkpoint at 10 + _last_checkpoint", async () => {
    const dir = await readdir(join(FIXTURES, "simple_table_with_checkpoint"));
    const all = dir.filter((f) => f.endsWith(".parquet"));
    expect(all).toHaveLength(11);
    const table = await open("simple_table_with_checkpoint");
    expect(table.version).toBe(10);
    const data = await expectSameAsDuckDb("simple_table_with_checkpoint", ["version"], ["version"], all);
    expect(data.numRows).toBe(11);
  });

  it("python-0.25.5-checkpoint: delta-rs checkpoint at 0 and a commit after it", async () => {
    const table = await open("python-0.25.5-checkpoint");
    expect(table.version).toBe(1);
    expect(table.snapshot.numRecords).toBe(6);
    const data = await expectSameAsDuckDb("python-0.25.5-checkpoint", ["x"], ["x"]);
    expect([...data.getChild("x")!.toArray()].map(Number).sort()).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it("table_failed_last_checkpoint_update: a stale _last_checkpoint still replays to the latest version", async () => {
    const table = await open("table_failed_last_checkpoint_update");
    expect(table.version).toBe(3);
    const data = await expectSameAsDuckDb(
      "table_failed_last_checkpoint_update",
      ["id", "price", "sold", "deleted"],
      ["id", "price", "sold", "deleted"],
    );
    expect(data.numRows).toBe(20);
  });

  it("table_with_edge_timestamps: Spark INT96 up to 9999-12-31 decoded exactly (µs, UTC)", async () => {
    const data = await expectSameAsDuckDb(
      "table_with_edge_timestamps",
      ["BIG_DATE", "NORMAL_DATE", "SOME_VALUE"],
      ["epoch_us(BIG_DATE)", "epoch_us(NORMAL_DATE)", "SOME_VALUE"],
    );
    expect(String(data.schema.fields[0]!.type)).toBe("Timestamp<MICROSECOND, UTC>");
    // 9999-12-31T00:00:00Z and 9999-12-30T00:00:00Z, independently of DuckDB.
    const big = [...data.getChild("BIG_DATE")!.data.flatMap((d) => [...(d.values as BigInt64Array)])].sort();
    expect(big).toEqual([253402128000000000n, 253402214400000000n]);
  });

  it("checkpoints (log only): 13 JSON commits of a partitioned table, no checkpoint", async () => {
    const table = await open("checkpoints");
    expect(table.version).toBe(12);
    expect(table.snapshot.partitionColumns).toEqual(["date"]);
    expect(table.snapshot.files).toHaveLength(12);
    expect(table.snapshot.numRecords).toBe(12);
    const byDate = new Map<string, number>();
    for (const f of table.snapshot.files) {
      const d = f.partitionValues.date!;
      byDate.set(d, (byDate.get(d) ?? 0) + 1);
      expect(f.key.startsWith(`checkpoints/date=${d}/`)).toBe(true);
    }
    expect(Object.fromEntries(byDate)).toEqual({ "2020-06-01": 6, "2020-06-02": 2, "2020-06-03": 4 });
    expect(table.snapshot.arrowSchema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual([
      "some_struct: Struct<{some_struct_member:Utf8, some_struct_timestamp:Timestamp<MICROSECOND, UTC>}>",
      "value: Utf8",
      "ts: Timestamp<MICROSECOND, UTC>",
      "date: Utf8",
    ]);
  });

  for (const name of ["latest_not_checkpointed", "with_checkpoint_no_last_checkpoint"]) {
    it(`${name} (log only): checkpoint at 2 + commit 3 → one active file of 5 rows`, async () => {
      const table = await open(name);
      expect(table.version).toBe(3);
      expect(table.snapshot.files.map((f) => f.path)).toEqual([
        "part-00000-70b1dcdf-0236-4f63-a072-124cdbafd8a0-c000.snappy.parquet",
      ]);
      expect(table.snapshot.files[0]!.stats).toEqual({
        numRecords: 5,
        minValues: { letter: "a", int: 93, date: "1975-06-01" },
        maxValues: { letter: "c", int: 753, date: "2013-03-01" },
        nullCount: { letter: 1, int: 0, date: 0 },
      });
      expect(table.snapshot.metadata.configuration).toEqual({ "delta.checkpointInterval": "2" });
    });
  }

  it("reads through the checkpoints, not the JSON commits they cover", async () => {
    // Without commits 0..2 only the checkpoint at 2 can supply the state; without _last_checkpoint
    // it has to be found by listing.
    for (const name of ["latest_not_checkpointed", "with_checkpoint_no_last_checkpoint"]) {
      const { store, root } = await copyFixture(name);
      for (const v of [0, 1, 2]) await rm(join(root, name, `_delta_log/0000000000000000000${v}.json`));
      const table = await open(name, store);
      expect(table.version).toBe(3);
      expect(table.snapshot.files.map((f) => f.path)).toEqual([
        "part-00000-70b1dcdf-0236-4f63-a072-124cdbafd8a0-c000.snappy.parquet",
      ]);
    }
    const { store, root } = await copyFixture("simple_table_with_checkpoint");
    for (let v = 0; v < 10; v++)
      await rm(join(root, "simple_table_with_checkpoint", `_delta_log/0000000000000000000${v}.json`));
    const table = await open("simple_table_with_checkpoint", store);
    expect(table.version).toBe(10);
    expect((await table.read()).numRows).toBe(11);
  });

  it("refuses deletion vectors (reader version 3, feature deletionVectors) with DeltaProtocolError", async () => {
    const error = await DeltaTable.open(fixtures, "table-with-dv-small").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeltaProtocolError);
    expect((error as DeltaProtocolError).code).toBe("DELTA_PROTOCOL");
    expect((error as Error).message).toContain('reader version 3 with reader feature "deletionVectors"');
  });

  it("refuses column mapping (reader version 2) with DeltaProtocolError", async () => {
    const error = await DeltaTable.open(fixtures, "table_with_column_mapping").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeltaProtocolError);
    expect((error as DeltaProtocolError).code).toBe("DELTA_PROTOCOL");
    expect((error as Error).message).toContain("reader version 2 (column mapping)");
  });
});
