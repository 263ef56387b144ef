/**
 * The conformance harness: what a store under test provides (a factory of FRESH stores plus a
 * label and kernel set) and the small helpers every pack shares — exact hashes computed
 * independently of the engine (`hashString` over the documented pre-image, then truncation),
 * row extraction and sorting.
 */
import { readFileSync } from "node:fs";
import type { Table } from "apache-arrow";
import { expect } from "vitest";
import { columnValues } from "../../src/arrow/read-values.js";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { hashString } from "../../src/hashing/hash-string.js";
import type { HashAlgorithm, Kernels } from "../../src/kernels/kernels.js";
import type { FeatureGraph } from "../../src/models/feature-graph.js";
import type { MetadataStore, StoreCapabilities } from "../../src/store/metadata-store.js";

/** What a pack passes to the factory; the factory adds its backend's own settings. */
export interface StoreFactoryOptions {
  readonly graph: FeatureGraph;
  readonly kernels: Kernels;
  readonly name?: string;
  readonly hashAlgorithm?: HashAlgorithm;
  readonly fallbackStores?: readonly MetadataStore[];
  readonly materializationId?: string | null;
  readonly enableMapDatatype?: boolean;
}

/** Creates a FRESH, empty store every call (own location for persistent backends). */
export type StoreFactory = (options: StoreFactoryOptions) => Promise<MetadataStore>;

/** One store implementation × one kernel set under test. */
export interface ConformanceTarget {
  /** Shown in test names, e.g. `memory/portable`. */
  readonly label: string;
  readonly factory: StoreFactory;
  readonly kernels: Kernels;
  /** What the factory's stores declare; packs register capability-dependent tests from it. */
  readonly capabilities: StoreCapabilities;
}

/** A fresh store of the target over `graph`. */
export function makeStore(
  target: ConformanceTarget,
  graph: FeatureGraph,
  options: Omit<StoreFactoryOptions, "graph" | "kernels"> = {},
): Promise<MetadataStore> {
  return target.factory({ ...options, graph, kernels: target.kernels });
}

/** `T(HASH(text))` with the default truncation of 8, computed with `hashString` (not the kernels). */
export async function h(algorithm: HashAlgorithm, text: string): Promise<string> {
  return (await hashString(algorithm, text)).slice(0, 8);
}

/** The sample hash of per-field values: values sorted by struct key, joined with `|`, hashed. */
export async function sampleOf(
  algorithm: HashAlgorithm,
  byField: Readonly<Record<string, string>>,
): Promise<string> {
  const keys = Object.keys(byField).sort();
  return h(algorithm, keys.map((k) => byField[k]).join("|"));
}

/** Rows as plain objects restricted to `columns`, sorted by the first column (then the next…). */
export function rowsOf(table: Table, columns: readonly string[]): Record<string, unknown>[] {
  return sortRows(tableToRows(table), columns);
}

/** Plain rows restricted to `columns` and sorted as {@link rowsOf} sorts them. */
export function sortRows(
  input: readonly Readonly<Record<string, unknown>>[],
  columns: readonly string[],
): Record<string, unknown>[] {
  const rows = input.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
  return rows.sort((a, b) => {
    for (const c of columns) {
      const x = JSON.stringify(a[c]);
      const y = JSON.stringify(b[c]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/** Values of one column, sorted (JSON order), for set comparisons. */
export function sortedValues(table: Table, column: string): unknown[] {
  return rowsOf(table, [column]).map((r) => r[column]);
}

/** Raw microsecond ticks of a timestamp column (lossless, unlike `tableToRows`' Dates). */
export function micros(table: Table, column: string): (bigint | null)[] {
  return columnValues(table.getChild(column)!, "raw") as (bigint | null)[];
}

/** Column names of a table in order. */
export function columnNames(table: Table): string[] {
  return table.schema.fields.map((f) => f.name);
}

/** Asserts that `promise` rejects with an error of `type` carrying `code` and a message matching `pattern`. */
export async function expectError(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => Error,
  code: string,
  pattern?: RegExp,
): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to throw").toBeInstanceOf(type);
  expect((error as { code?: string }).code).toBe(code);
  if (pattern) expect((error as Error).message).toMatch(pattern);
}

/** Like {@link expectError} for synchronous throws. */
export function expectThrow(
  fn: () => unknown,
  type: abstract new (...args: never[]) => Error,
  code: string,
  pattern?: RegExp,
): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, "expected the call to throw").toBeInstanceOf(type);
  expect((error as { code?: string }).code).toBe(code);
  if (pattern) expect((error as Error).message).toMatch(pattern);
}

/** One golden `provenance` case of `test/data/versioning-public.json`. */
export interface GoldenProvenanceCase {
  readonly id: string;
  readonly algorithm: HashAlgorithm;
  readonly target: string;
  readonly upstream: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  readonly expected_rows: readonly Record<string, unknown>[];
}

let golden: readonly GoldenProvenanceCase[] | undefined;

/** The golden provenance case with this id (e.g. `C3/identity`). */
export function goldenCase(id: string): GoldenProvenanceCase {
  golden ??= (
    JSON.parse(readFileSync(new URL("../data/versioning-public.json", import.meta.url), "utf8")) as {
      cases: GoldenProvenanceCase[];
    }
  ).cases;
  const found = golden.find((c) => c.id === id);
  if (found === undefined) throw new Error(`conformance: no golden case "${id}"`);
  return found;
}
