import type { Table } from "apache-arrow";
import { describe } from "vitest";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { hashString } from "../../src/hashing/hash-string.js";
import { getKernels, kernelsInfo } from "../../src/kernels/index.js";
import type { HashAlgorithm, Kernels } from "../../src/kernels/kernels.js";

/** Whether the native kernel set loads here; with METAXY_REQUIRE_NATIVE=1 its absence fails. */
export const nativeInfo = kernelsInfo();
const requireNative = process.env.METAXY_REQUIRE_NATIVE === "1";
if (!nativeInfo.nativeAvailable) {
  if (requireNative) {
    throw new Error(`METAXY_REQUIRE_NATIVE=1 but the native kernels do not load: ${nativeInfo.nativeError}`);
  }
  console.warn(`versioning tests: native kernels skipped (${nativeInfo.nativeError})`);
}

/**
 * Runs `body` once per kernel set: portable always, native when it loads (else the describe block
 * is skipped with the reason printed above).
 */
export function describeKernels(
  name: string,
  body: (kind: "portable" | "native", kernels: () => Kernels) => void,
) {
  describe(`${name} [portable]`, () => body("portable", () => getKernels("portable")));
  describe.runIf(nativeInfo.nativeAvailable)(`${name} [native]`, () =>
    body("native", () => getKernels("native")),
  );
}

/** Independent reference hash (hash-wasm / node:crypto), truncated like Metaxy. */
export async function h(text: string, algorithm: HashAlgorithm = "xxhash64", truncation: number | null = 8) {
  const full = await hashString(algorithm, text);
  return truncation === null ? full : full.slice(0, truncation);
}

/** Rows of a table restricted to `columns` (all when omitted). */
export function rows(table: Table, columns?: readonly string[]): Record<string, unknown>[] {
  const all = tableToRows(table);
  if (columns === undefined) return all;
  return all.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
}

/** Rows as a sorted list of JSON strings: multiset equality through `toEqual`. */
export function multiset(list: readonly Record<string, unknown>[]): string[] {
  return list.map((r) => JSON.stringify(r, (_, v) => (typeof v === "bigint" ? `${v}n` : v))).sort();
}

/** Column names of a table, in order. */
export function columnNames(table: Table): string[] {
  return table.schema.fields.map((f) => f.name);
}

/** An upstream row with the four system columns, data versions `dv` per field. */
export function upstreamRow(
  ids: Record<string, unknown>,
  dv: Record<string, string | null>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...ids,
    ...extra,
    metaxy_provenance_by_field: Object.fromEntries(Object.keys(dv).map((k) => [k, `prov_${k}`])),
    metaxy_provenance: "prov",
    metaxy_data_version_by_field: dv,
    metaxy_data_version: "dv",
  };
}
