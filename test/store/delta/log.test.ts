import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Int64, Table, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { DeltaProtocolError } from "../../../src/errors.js";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { encodeParquet } from "../../../src/store/delta/parquet-write.js";
import { tempStore } from "./helpers.js";

const SCHEMA = JSON.stringify({
  type: "struct",
  fields: [
    { name: "x", type: "long", nullable: true, metadata: {} },
    { name: "p", type: "string", nullable: true, metadata: {} },
    { name: "d", type: "date", nullable: true, metadata: {} },
    { name: "n", type: "integer", nullable: true, metadata: {} },
    { name: "ts", type: "timestamp", nullable: true, metadata: {} },
  ],
});

async function writeLog(root: string, table: string, commits: object[][]) {
  for (const [v, actions] of commits.entries()) {
    const path = join(root, table, "_delta_log", `${String(v).padStart(20, "0")}.json`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, actions.map((a) => `${JSON.stringify(a)}\n`).join(""));
  }
}

const header = (partitionColumns: string[]) => [
  { protocol: { minReaderVersion: 1, minWriterVersion: 2 } },
  {
    metaData: {
      id: "t",
      format: { provider: "parquet", options: {} },
      schemaString: SCHEMA,
      partitionColumns,
      configuration: {},
      createdTime: 0,
    },
  },
];

describe("log replay edge cases", () => {
  it("reads partition values as typed columns and decodes URI-encoded paths", async () => {
    const { root, store } = await tempStore();
    const bytes = encodeParquet(new Table({ x: vectorFromArray([1n, 2n], new Int64()) }));
    await mkdir(join(root, "t/p=a b"), { recursive: true });
    await writeFile(join(root, "t/p=a b/f1.parquet"), bytes);
    await writeFile(join(root, "t/f2.parquet"), bytes);
    const add = (path: string, partitionValues: object) => ({
      add: { path, partitionValues, size: bytes.length, modificationTime: 0, dataChange: true },
    });
    await writeLog(root, "t", [
      [
        ...header(["p", "d", "n", "ts"]),
        add("p=a%20b/f1.parquet", { p: "a b", d: "2020-06-01", n: "-7", ts: "2021-01-02 03:04:05.123456" }),
        add("f2.parquet", { p: "", d: null, n: null, ts: "1970-01-01T00:00:01Z" }),
      ],
    ]);
    const table = (await DeltaTable.open(store, "t"))!;
    expect(table.snapshot.files.map((f) => f.key)).toEqual(["t/p=a b/f1.parquet", "t/f2.parquet"]);
    const data = await table.read();
    expect(data.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual([
      "x: Int64",
      "p: Utf8",
      "d: Date32<DAY>",
      "n: Int32",
      "ts: Timestamp<MICROSECOND, UTC>",
    ]);
    expect([...data.getChild("x")!]).toEqual([1n, 2n, 1n, 2n]);
    expect([...data.getChild("p")!]).toEqual(["a b", "a b", null, null]);
    expect([...data.getChild("n")!]).toEqual([-7, -7, null, null]);
    expect(data.getChild("d")!.data.map((d) => [...(d.values as Int32Array)].slice(0, d.length))).toEqual([
      [18414, 18414],
      [0, 0],
    ]);
    expect(data.getChild("d")!.nullCount).toBe(2);
    expect(data.getChild("ts")!.data.flatMap((d) => [...(d.values as BigInt64Array)])).toEqual([
      1609556645123456n,
      1609556645123456n,
      1000000n,
      1000000n,
    ]);
    const projected = await table.read({ columns: ["n"] });
    expect([...projected.getChild("n")!]).toEqual([-7, -7, null, null]);
    // Partitioned tables are read-only for us: files we wrote would lack their partition values.
    const write = await table
      .append(new Table({ x: vectorFromArray([3n], new Int64()) }))
      .catch((e: unknown) => e);
    expect(write).toBeInstanceOf(DeltaProtocolError);
    expect((write as Error).message).toBe(
      `delta: table ${root}/t is partitioned by [p, d, n, ts]; writing partitioned tables is not supported (reading is)`,
    );
  });

  it("refuses a log with a missing commit, and names a missing data file", async () => {
    const { root, store } = await tempStore();
    await writeLog(root, "t", [header([]), [], []]);
    await rm(join(root, "t/_delta_log/00000000000000000001.json"));
    const gap = await DeltaTable.open(store, "t").catch((e: unknown) => e);
    expect(gap).toBeInstanceOf(DeltaProtocolError);
    expect((gap as Error).message).toMatch(/is missing commit 1 \(found 2\)$/);

    const { root: root2, store: store2 } = await tempStore();
    await writeLog(root2, "t", [
      [
        ...header([]),
        {
          add: { path: "gone.parquet", partitionValues: {}, size: 10, modificationTime: 0, dataChange: true },
        },
      ],
    ]);
    const table = (await DeltaTable.open(store2, "t"))!;
    const missing = await table.read().catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DeltaProtocolError);
    expect((missing as Error).message).toBe(
      `delta: data file "t/gone.parquet" named in the log is missing from ${root2}`,
    );
  });

  it("opens nothing where there is no log, and refuses absolute data paths", async () => {
    const { root, store } = await tempStore();
    expect(await DeltaTable.open(store, "nothing/here")).toBeNull();
    await writeLog(root, "t", [
      [
        ...header([]),
        { add: { path: "s3://other/x.parquet", partitionValues: {}, size: 1, modificationTime: 0 } },
      ],
    ]);
    await expect(DeltaTable.open(store, "t")).rejects.toThrow(
      `delta: table t names a data file by absolute URI "s3://other/x.parquet", which is not supported`,
    );
  });

  it("picks up other writers' commits on refresh", async () => {
    const { store } = await tempStore();
    const one = await DeltaTable.ensure(
      store,
      "t",
      new Table({ s: vectorFromArray(["a"], new Utf8()) }).schema,
    );
    const two = (await DeltaTable.open(store, "t"))!;
    for (let i = 0; i < 9; i++) await one.append(new Table({ s: vectorFromArray([`r${i}`], new Utf8()) }));
    expect(two.version).toBe(0);
    expect((await two.refresh()).version).toBe(9);
    expect((await two.read()).numRows).toBe(9);
  });

  it("creates a table once: create refuses an existing table, ensure opens it", async () => {
    const { store } = await tempStore();
    const schema = new Table({ s: vectorFromArray(["a"], new Utf8()) }).schema;
    await DeltaTable.create(store, "t", schema);
    await expect(DeltaTable.create(store, "t", schema)).rejects.toThrow("delta: table t already exists");
    const [a, b] = await Promise.all([
      DeltaTable.ensure(store, "u", schema),
      DeltaTable.ensure(store, "u", schema),
    ]);
    expect([a.version, b.version]).toEqual([0, 0]);
    expect(a.snapshot.metadata.id).toBe(b.snapshot.metadata.id);
  });
});
