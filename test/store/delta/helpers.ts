import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { type Data, type Table, Type } from "apache-arrow";
import { afterAll } from "vitest";
import { LocalObjectStore } from "../../../src/store/io/local.js";

/** Delta tables written by delta-rs and Spark (copied from the shared fixtures). */
export const FIXTURES = fileURLToPath(new URL("../../data/delta", import.meta.url));

/** The repository root (cwd for child processes). */
export const REPO = fileURLToPath(new URL("../../..", import.meta.url));

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
});

/** A fresh temporary directory, removed after the test file. */
export async function tempDir(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "metaxy-delta-"));
  roots.push(root);
  return root;
}

/** A LocalObjectStore over a fresh temporary directory. */
export async function tempStore(): Promise<{ root: string; store: LocalObjectStore }> {
  const root = await tempDir();
  return { root, store: new LocalObjectStore(root) };
}

/** A writable copy of one fixture table; the store's root holds it at key prefix `name`. */
export async function copyFixture(name: string): Promise<{ root: string; store: LocalObjectStore }> {
  const root = await tempDir();
  await cp(join(FIXTURES, name), join(root, name), { recursive: true });
  return { root, store: new LocalObjectStore(root) };
}

let duck: Promise<DuckDBInstance> | undefined;

/**
 * Rows DuckDB reads from Parquet files, one string per column (null stays null): `select` lists the
 * SQL expressions, e.g. `epoch_us(ts)::VARCHAR` for exact timestamps. Sorted, for set comparison.
 */
export async function duckRows(
  files: readonly string[],
  select: readonly string[],
): Promise<(string | null)[][]> {
  duck ??= DuckDBInstance.create(":memory:");
  const connection = await (await duck).connect();
  try {
    const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(", ");
    const cols = select.map((e, i) => `(${e})::VARCHAR AS c${i}`).join(", ");
    const result = await connection.runAndReadAll(
      `SELECT ${cols} FROM read_parquet([${list}], union_by_name = true)`,
    );
    const rows = result.getRowsJS().map((r) => r.map((v) => (v === null ? null : String(v))));
    return sortRows(rows);
  } finally {
    connection.closeSync();
  }
}

/**
 * Our rows in the same string form: integers and floats in decimal, booleans `true`/`false`,
 * timestamps as epoch microseconds, dates as epoch days, strings as they are; nested values as
 * canonical JSON. Sorted.
 */
export function ourRows(table: Table, columns: readonly string[]): (string | null)[][] {
  const rendered = columns.map((name) => {
    const vector = table.getChild(name);
    if (vector === null) throw new Error(`no column ${name}`);
    const out: (string | null)[] = [];
    for (const data of vector.data)
      for (let i = 0; i < data.length; i++) out.push(render(data, i, vector.get(out.length)));
    return out;
  });
  const rows = Array.from({ length: table.numRows }, (_, r) => rendered.map((c) => c[r]!));
  return sortRows(rows);
}

function render(data: Data, i: number, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (data.type.typeId) {
    case Type.Timestamp:
    case Type.Date:
      return String((data.values as BigInt64Array | Int32Array)[i]);
    case Type.Struct:
    case Type.Map:
    case Type.List:
      return canonicalJson(value);
    default:
      return String(value);
  }
}

/** JSON with object keys sorted and bigints as numbers, for comparing nested values. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(plain(value));
}

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "object") return value;
  const v = value as { toJSON?: () => unknown; [Symbol.iterator]?: unknown };
  if (Array.isArray(value)) return value.map(plain);
  if (typeof v.toJSON === "function") return plain(v.toJSON());
  if (typeof v[Symbol.iterator] === "function") return [...(value as Iterable<unknown>)].map(plain);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = plain((value as Record<string, unknown>)[k]);
  return out;
}

function sortRows(rows: (string | null)[][]): (string | null)[][] {
  return rows.sort((a, b) => {
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
