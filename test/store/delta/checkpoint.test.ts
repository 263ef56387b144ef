import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Int64, Table, Timestamp, TimeUnit, tableFromIPC, Utf8, vectorFromArray } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import { describe, expect, it } from "vitest";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { padVersion } from "../../../src/store/delta/log-files.js";
import { encodeParquet } from "../../../src/store/delta/parquet-write.js";
import { duckRows, tempStore } from "./helpers.js";

const row = (i: number) =>
  new Table({ id: vectorFromArray([`id-${i}`], new Utf8()), n: vectorFromArray([BigInt(i)], new Int64()) });

async function removeCommits(root: string, table: string, upTo: number) {
  for (let v = 0; v <= upTo; v++) await rm(join(root, table, "_delta_log", `${padVersion(v)}.json`));
}

describe("checkpoints we write", () => {
  it("checkpoints every 10 versions; the checkpoint alone restores the table", async () => {
    const { root, store } = await tempStore();
    const table = await DeltaTable.ensure(store, "t", row(0).schema);
    const results = [];
    for (let i = 1; i <= 12; i++) results.push(await table.append(row(i)));
    expect(results.map((r) => r?.checkpointed)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    const last = JSON.parse(await readFile(join(root, "t/_delta_log/_last_checkpoint"), "utf8"));
    expect(last).toMatchObject({ version: 10, size: 12, numOfAddFiles: 10 });

    // DuckDB reads the checkpoint as the Parquet file Delta readers expect.
    const checkpoint = join(root, "t/_delta_log", `${padVersion(10)}.checkpoint.parquet`);
    const adds = await duckRows([checkpoint], ["add.path"]);
    expect(adds.filter((r) => r[0] !== null)).toHaveLength(10);
    const protocol = await duckRows([checkpoint], ["protocol.minReaderVersion", "protocol.minWriterVersion"]);
    expect(protocol.filter((r) => r[0] !== null)).toEqual([["1", "2"]]);

    await removeCommits(root, "t", 10);
    const reopened = (await DeltaTable.open(store, "t"))!;
    expect(reopened.version).toBe(12);
    expect(reopened.snapshot.files.map((f) => f.path)).toEqual(table.snapshot.files.map((f) => f.path));
    expect(reopened.snapshot.files.map((f) => f.stats)).toEqual(table.snapshot.files.map((f) => f.stats));
    const data = await reopened.read();
    expect([...data.getChild("n")!].sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 12 }, (_, i) => BigInt(i + 1)),
    );
  });

  it("keeps tombstones and timestampNtz features, honours delta.checkpointInterval", async () => {
    const { root, store } = await tempStore();
    const ntz = new Table({
      id: vectorFromArray(["a"], new Utf8()),
      at: vectorFromArray([null], new Timestamp(TimeUnit.MICROSECOND)),
    });
    const table = await DeltaTable.ensure(store, "t", ntz.schema, {
      configuration: { "delta.checkpointInterval": "2" },
    });
    await table.append(ntz);
    const truncate = await table.truncate();
    expect(truncate?.version).toBe(2);
    expect(truncate?.checkpointed).toBe(true);
    const checkpoint = join(root, "t/_delta_log", `${padVersion(2)}.checkpoint.parquet`);
    const removes = await duckRows([checkpoint], ["remove.path", "remove.dataChange::INT"]);
    expect(removes.filter((r) => r[0] !== null)).toEqual([
      [table.snapshot.state.tombstones.keys().next().value!, "0"],
    ]);

    await removeCommits(root, "t", 2);
    const reopened = (await DeltaTable.open(store, "t"))!;
    expect(reopened.version).toBe(2);
    expect(reopened.snapshot.files).toEqual([]);
    expect(reopened.snapshot.protocol).toEqual({
      minReaderVersion: 3,
      minWriterVersion: 7,
      readerFeatures: ["timestampNtz"],
      writerFeatures: ["timestampNtz"],
    });
    expect(reopened.snapshot.metadata.configuration).toEqual({ "delta.checkpointInterval": "2" });
    expect([...reopened.snapshot.state.tombstones.keys()]).toEqual([
      ...table.snapshot.state.tombstones.keys(),
    ]);
  });

  it("writes a checkpoint on request and reads commits made after it", async () => {
    const { root, store } = await tempStore();
    const table = await DeltaTable.ensure(store, "t", row(0).schema);
    await table.append(row(1));
    await table.checkpoint();
    await table.append(row(2));
    await removeCommits(root, "t", 1);
    const reopened = (await DeltaTable.open(store, "t"))!;
    expect(reopened.version).toBe(2);
    expect([...(await reopened.read()).getChild("id")!]).toEqual(["id-1", "id-2"]);
  });

  it("reads multi-part checkpoints, named by _last_checkpoint or found by listing", async () => {
    const { root, store } = await tempStore();
    const table = await DeltaTable.ensure(store, "t", row(0).schema);
    for (let i = 1; i <= 3; i++) await table.append(row(i));
    await table.checkpoint();
    const log = join(root, "t/_delta_log");
    const single = join(log, `${padVersion(3)}.checkpoint.parquet`);
    const actions = tableFromIPC(readParquet(await readFile(single)).intoIPCStream());
    const half = Math.ceil(actions.numRows / 2);
    const parts = [actions.slice(0, half), actions.slice(half)];
    for (const [i, part] of parts.entries()) {
      await writeFile(
        join(log, `${padVersion(3)}.checkpoint.000000000${i + 1}.0000000002.parquet`),
        encodeParquet(part),
      );
    }
    await rm(single);
    await writeFile(
      join(log, "_last_checkpoint"),
      JSON.stringify({ version: 3, size: actions.numRows, parts: 2 }),
    );
    await removeCommits(root, "t", 3);
    const viaHint = (await DeltaTable.open(store, "t"))!;
    expect(viaHint.version).toBe(3);
    expect(viaHint.snapshot.files.map((f) => f.path)).toEqual(table.snapshot.files.map((f) => f.path));
    await rm(join(log, "_last_checkpoint"));
    const viaListing = (await DeltaTable.open(store, "t"))!;
    expect(viaListing.version).toBe(3);
    expect([...(await viaListing.read()).getChild("id")!]).toEqual(["id-1", "id-2", "id-3"]);
  });
});
