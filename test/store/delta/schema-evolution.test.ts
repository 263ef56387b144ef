import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Field, Int32, Int64, Struct, Table, Timestamp, TimeUnit, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { MetadataSchemaError } from "../../../src/errors.js";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { canonicalJson, tempStore } from "./helpers.js";

const ids = (...v: string[]) => vectorFromArray(v, new Utf8());
const longs = (...v: (bigint | null)[]) => vectorFromArray(v, new Int64());
const structOf = (names: string[], rows: (Record<string, string | null> | null)[]) =>
  vectorFromArray(rows, new Struct(names.map((n) => new Field(n, new Utf8(), true))));

describe("schema evolution", () => {
  it("merges new columns (top level and inside structs) into metaData in the appending commit", async () => {
    const { root, store } = await tempStore();
    const first = new Table({ id: ids("a"), n: longs(1n), st: structOf(["x"], [{ x: "x1" }]) });
    const table = await DeltaTable.ensure(store, "t", first.schema);
    await table.append(first);
    const second = new Table({
      id: ids("b"),
      n: longs(2n),
      st: structOf(["x", "y"], [{ x: "x2", y: "y2" }]),
      extra: vectorFromArray(["e"], new Utf8()),
    });
    const commit = await table.append(second);
    expect(commit?.version).toBe(2);

    const log = await readFile(join(root, "t/_delta_log/00000000000000000002.json"), "utf8");
    const kinds = log
      .trim()
      .split("\n")
      .map((l) => Object.keys(JSON.parse(l))[0]);
    expect(kinds).toEqual(["metaData", "add", "commitInfo"]);

    const reopened = (await DeltaTable.open(store, "t"))!;
    expect(reopened.snapshot.arrowSchema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual([
      "id: Utf8",
      "n: Int64",
      "st: Struct<{x:Utf8, y:Utf8}>",
      "extra: Utf8",
    ]);
    const data = await reopened.read();
    expect([...data.getChild("id")!]).toEqual(["a", "b"]);
    expect([...data.getChild("extra")!]).toEqual([null, "e"]);
    expect([...data.getChild("st")!].map(canonicalJson)).toEqual([
      '{"x":"x1","y":null}',
      '{"x":"x2","y":"y2"}',
    ]);
  });

  it("null-fills table columns the data leaves out, and widens narrower integers", async () => {
    const { store } = await tempStore();
    const table = await DeltaTable.ensure(store, "t", new Table({ id: ids("a"), n: longs(1n) }).schema);
    await table.append(new Table({ id: ids("a") }));
    await table.append(new Table({ id: ids("b"), n: vectorFromArray([7], new Int32()) }));
    expect(table.snapshot.schema.fields.map((f) => f.type)).toEqual(["string", "long"]);
    const data = await table.read();
    expect([...data.getChild("n")!]).toEqual([null, 7n]);
  });

  it("refuses type changes and widening of a table column, naming the column and both types", async () => {
    const { store } = await tempStore();
    const table = await DeltaTable.ensure(
      store,
      "t",
      new Table({ n: vectorFromArray([1], new Int32()), st: structOf(["x"], [null]) }).schema,
    );
    const widen = await table.append(new Table({ n: longs(1n) })).catch((e: unknown) => e);
    expect(widen).toBeInstanceOf(MetadataSchemaError);
    expect((widen as MetadataSchemaError).code).toBe("METADATA_SCHEMA");
    expect((widen as Error).message).toBe(
      'delta: column "n" has type integer in the table but long in the data',
    );
    const nested = await table
      .append(
        new Table({ st: vectorFromArray([{ x: 1n }], new Struct([new Field("x", new Int64(), true)])) }),
      )
      .catch((e: unknown) => e);
    expect((nested as Error).message).toBe(
      'delta: column "st.x" has type string in the table but long in the data',
    );
    const clash = await table.append(new Table({ N: longs(1n) })).catch((e: unknown) => e);
    expect((clash as Error).message).toBe('delta: column "N" differs only in case from existing column "n"');
    // Nothing was committed (and conflicts are found before any file is written).
    expect((await table.refresh()).version).toBe(0);
  });

  it("upgrades the protocol to 3/7 with timestampNtz when such a column arrives", async () => {
    const { store } = await tempStore();
    const table = await DeltaTable.ensure(store, "t", new Table({ id: ids("a") }).schema);
    expect(table.snapshot.protocol).toEqual({ minReaderVersion: 1, minWriterVersion: 2 });
    const ntz = vectorFromArray([null], new Timestamp(TimeUnit.MICROSECOND));
    await table.append(new Table({ id: ids("a"), at: ntz }));
    expect(table.snapshot.protocol).toEqual({
      minReaderVersion: 3,
      minWriterVersion: 7,
      readerFeatures: ["timestampNtz"],
      writerFeatures: ["appendOnly", "invariants", "timestampNtz"],
    });
    expect((await DeltaTable.open(store, "t"))!.snapshot.schema.fields[1]!.type).toBe("timestamp_ntz");
  });

  it("keeps both sides of concurrent schema changes (the loser re-merges on retry)", async () => {
    const { store } = await tempStore();
    await DeltaTable.ensure(store, "t", new Table({ id: ids("a") }).schema);
    const one = (await DeltaTable.open(store, "t"))!;
    const two = (await DeltaTable.open(store, "t"))!;
    await one.append(new Table({ id: ids("1"), left: ids("l") }));
    const result = await two.append(new Table({ id: ids("2"), right: ids("r") }));
    expect(result?.version).toBe(2);
    expect(result?.attempts).toBe(2);
    const data = await (await one.refresh()).read();
    expect(data.schema.fields.map((f) => f.name)).toEqual(["id", "left", "right"]);
    expect(data.toArray().map((r) => r.toJSON())).toEqual([
      { id: "1", left: "l", right: null },
      { id: "2", left: null, right: "r" },
    ]);
  });
});
