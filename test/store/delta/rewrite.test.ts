import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Field, Int64, List, Map_, Struct, Table, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { CommitConflictError, DeltaProtocolError } from "../../../src/errors.js";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { canonicalJson, duckRows, ourRows, tempStore } from "./helpers.js";

const entries = new Field(
  "entries",
  new Struct<{ key: Utf8; value: Utf8 }>([
    new Field("key", new Utf8(), false),
    new Field("value", new Utf8(), true),
  ]),
  false,
);

function batch(ids: string[], version: string): Table {
  return new Table({
    id: vectorFromArray(ids, new Utf8()),
    version: vectorFromArray(
      ids.map(() => version),
      new Utf8(),
    ),
    by_field: vectorFromArray(
      ids.map((id) => ({ default: `h-${id}` })),
      new Struct([new Field("default", new Utf8(), true)]),
    ),
    m: vectorFromArray(
      ids.map((id) => new Map([[id, id.toUpperCase()]])),
      new Map_(entries),
    ),
    xs: vectorFromArray(
      ids.map((id) => [BigInt(id.charCodeAt(0))]),
      new List(new Field("item", new Int64(), true)),
    ),
  });
}

async function threeFiles() {
  const { root, store } = await tempStore();
  const table = await DeltaTable.ensure(store, "t", batch(["a"], "v1").schema);
  await table.append(batch(["a", "b"], "v1"));
  await table.append(batch(["c", "d"], "v1"));
  await table.append(batch(["e", "f"], "v2"));
  return { root, store, table };
}

const idsOf = async (table: DeltaTable) =>
  [...(await table.read({ columns: ["id"] })).getChild("id")!].sort();

describe("hard deletes and rewrites", () => {
  it("deleteRows rewrites only the files that lose rows, in one remove + add commit", async () => {
    const { root, table } = await threeFiles();
    const before = table.snapshot.files.map((f) => f.path);
    const result = await table.deleteRows(
      (data) => [...data.getChild("id")!].map((id) => id === "b" || id === "e"),
      { columns: ["id"] },
    );
    expect(result).toMatchObject({ deletedRows: 2, removedFiles: 2, addedFiles: 2 });
    expect(result.commit?.version).toBe(4);
    const log = (await readFile(join(root, "t/_delta_log/00000000000000000004.json"), "utf8"))
      .trim()
      .split("\n");
    const actions = log.map((l) => JSON.parse(l) as Record<string, { path?: string; operation?: string }>);
    expect(actions.map((a) => Object.keys(a)[0])).toEqual(["remove", "remove", "add", "add", "commitInfo"]);
    expect(actions.slice(0, 2).map((a) => a.remove!.path)).toEqual([before[0], before[2]]);
    expect(actions[4]!.commitInfo!.operation).toBe("DELETE");

    expect(await idsOf(table)).toEqual(["a", "c", "d", "f"]);
    const data = await (await DeltaTable.open(table.store, "t"))!.read();
    // Nested columns survive the row filter.
    expect(
      data
        .toArray()
        .map((r) => canonicalJson(r))
        .sort(),
    ).toEqual(
      ["a", "c", "d", "f"].map((id) =>
        canonicalJson({
          by_field: { default: `h-${id}` },
          id,
          m: { [id]: id.toUpperCase() },
          version: id === "f" ? "v2" : "v1",
          xs: [id.charCodeAt(0)],
        }),
      ),
    );
    // DuckDB sees the same rows in the active files.
    const files = table.snapshot.files.map((f) => join(root, f.key));
    const columns = ["id", "version", "by_field", "m", "xs"];
    expect(
      await duckRows(files, ["id", "version", "to_json(by_field)", "to_json(m)", "to_json(xs)"]),
    ).toEqual(ourRows(data, columns));
  });

  it("drops a file whose rows all go, and commits nothing when no row matches", async () => {
    const { table } = await threeFiles();
    const none = await table.deleteRows((data) => new Uint8Array(data.numRows));
    expect(none).toMatchObject({ deletedRows: 0, commit: null, removedFiles: 0 });
    expect(table.version).toBe(3);
    const all = await table.deleteRows((data) =>
      [...data.getChild("id")!].map((id) => id === "c" || id === "d"),
    );
    expect(all).toMatchObject({ deletedRows: 2, removedFiles: 1, addedFiles: 0 });
    expect(table.snapshot.files).toHaveLength(2);
    expect(await idsOf(table)).toEqual(["a", "b", "e", "f"]);
  });

  it("prunes files by their stats before reading them", async () => {
    const { table } = await threeFiles();
    const seen: string[] = [];
    const result = await table.deleteRows(
      (data, file) => {
        seen.push(file.path);
        return [...data.getChild("id")!].map(() => true);
      },
      { filter: (file) => file.stats?.maxValues.version === "v2" },
    );
    expect(seen).toEqual([table.snapshot.state.tombstones.keys().next().value]);
    expect(result.deletedRows).toBe(2);
    expect(await idsOf(table)).toEqual(["a", "b", "c", "d"]);
    const read = await table.read({ columns: ["id"], filter: (file) => file.stats?.minValues.id === "c" });
    expect([...read.getChild("id")!]).toEqual(["c", "d"]);
  });

  it("rewrite leaves files the transform returns unchanged", async () => {
    const { table } = await threeFiles();
    const result = await table.rewrite(table.snapshot.files, (data) => data);
    expect(result).toEqual({ commit: null, removedFiles: 0, addedFiles: 0 });
  });

  it("rebases over concurrent appends, and refuses files a concurrent commit already removed", async () => {
    const { store, table } = await threeFiles();
    const other = (await DeltaTable.open(store, "t"))!;
    await other.append(batch(["g"], "v2"));
    const rebased = await table.deleteRows((data) => [...data.getChild("id")!].map((id) => id === "a"));
    expect(rebased.commit?.version).toBe(5);
    expect(rebased.commit?.attempts).toBe(2);
    expect(await idsOf(table)).toEqual(["b", "c", "d", "e", "f", "g"]);

    // `other` still sees the file that held "a" and "b", which `table` has just rewritten.
    const error = await other
      .deleteRows((data) => [...data.getChild("id")!].map((id) => id === "b"))
      .catch((e) => e);
    expect(error).toBeInstanceOf(CommitConflictError);
    expect((error as CommitConflictError).code).toBe("COMMIT_CONFLICT");
    expect((error as Error).message).toMatch(
      /^delta: t\/part-00000-.*\.snappy\.parquet was removed by a concurrent commit/,
    );
    expect(await idsOf((await DeltaTable.open(store, "t"))!)).toEqual(["b", "c", "d", "e", "f", "g"]);
  });

  it("truncate removes every file; the table and its schema stay", async () => {
    const { store, table } = await threeFiles();
    const result = await table.truncate();
    expect(result?.version).toBe(4);
    expect(table.snapshot.files).toEqual([]);
    expect(await table.truncate()).toBeNull();
    const reopened = (await DeltaTable.open(store, "t"))!;
    expect(reopened.snapshot.arrowSchema.fields.map((f) => f.name)).toEqual([
      "id",
      "version",
      "by_field",
      "m",
      "xs",
    ]);
    expect((await reopened.read()).numRows).toBe(0);
    await reopened.append(batch(["z"], "v3"));
    expect(await idsOf(reopened)).toEqual(["z"]);
  });

  it("refuses to remove rows from an append-only table", async () => {
    const { store } = await tempStore();
    const table = await DeltaTable.ensure(store, "t", batch(["a"], "v").schema, {
      configuration: { "delta.appendOnly": "true" },
    });
    await table.append(batch(["a"], "v"));
    const error = await table.deleteRows((d) => new Uint8Array(d.numRows).fill(1)).catch((e) => e);
    expect(error).toBeInstanceOf(DeltaProtocolError);
    expect((error as Error).message).toMatch(/is append-only \(delta.appendOnly=true\)/);
    await expect(table.truncate()).rejects.toThrow(DeltaProtocolError);
  });
});
