/**
 * Column builders and deliberately naive reference kernels (JS strings, Maps, BigInt) for the
 * portable kernel tests; the native kernels' parity tests can reuse them.
 */
import {
  Int8,
  Int16,
  Int32,
  Int64,
  LargeUtf8,
  makeBuilder,
  makeVector,
  Table,
  tableFromIPC,
  tableToIPC,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Utf8View,
  type Vector,
  vectorFromArray,
} from "apache-arrow";
import { utf8Vector } from "../../src/arrow/strings.js";
import type { Column, JoinKind } from "../../src/kernels/kernels.js";

export type Cell = string | null;

/** Every string layout the kernels must accept. */
export const STRING_LAYOUTS = ["utf8", "sliced", "chunks", "large", "view", "ipc"] as const;
export type StringLayout = (typeof STRING_LAYOUTS)[number];

/** The same string values in a given physical layout. */
export function strings(values: readonly Cell[], layout: StringLayout = "utf8"): Vector {
  switch (layout) {
    case "utf8":
      return utf8Vector(values);
    case "sliced":
      return utf8Vector(["pad", null, ...values, "tail"]).slice(2, 2 + values.length);
    case "chunks": {
      const cut = Math.floor(values.length / 2);
      const parts = [values.slice(0, cut), [], values.slice(cut)];
      return makeVector(parts.map((p) => utf8Vector(p).data[0]!));
    }
    case "large":
      return vectorFromArray(values as Cell[], new LargeUtf8());
    case "view": {
      const b = makeBuilder({ type: new Utf8View(), nullValues: [null] });
      for (const v of ["x", ...values]) b.append(v);
      return b.finish().toVector().slice(1);
    }
    case "ipc": {
      const cut = Math.ceil(values.length / 3);
      const t = new Table({ s: utf8Vector(values.slice(0, cut)) }).concat(
        new Table({ s: utf8Vector(values.slice(cut)) }),
      );
      return tableFromIPC(tableToIPC(t, "stream")).getChild("s")!;
    }
  }
}

/** Integer types a key may have. */
export const INT_TYPES = {
  int8: new Int8(),
  int16: new Int16(),
  int32: new Int32(),
  int64: new Int64(),
  uint8: new Uint8(),
  uint16: new Uint16(),
  uint32: new Uint32(),
  uint64: new Uint64(),
} as const;
export type IntTypeName = keyof typeof INT_TYPES;

/** An integer column of the given type; `chunked` splits it into two chunks and slices the second. */
export function ints(values: readonly (bigint | null)[], type: IntTypeName, chunked = false): Vector {
  const t = INT_TYPES[type];
  const wide = type === "int64" || type === "uint64";
  const cells = values.map((v) => (v === null ? null : wide ? v : Number(v)));
  if (!chunked) return vectorFromArray(cells as never[], t);
  const cut = Math.floor(cells.length / 2);
  const first = vectorFromArray(cells.slice(0, cut) as never[], t);
  const second = vectorFromArray([cells[0] ?? null, ...cells.slice(cut)] as never[], t).slice(1);
  return makeVector([...first.data, ...second.data]);
}

/** A key cell as the naive kernels compare it: strings tagged "s", integers by value tagged "i". */
export function cellKey(column: Column, i: number): string {
  const v = (column as Vector).get(i) as unknown;
  if (v === null || v === undefined) return "null";
  return typeof v === "string" ? `s${JSON.stringify(v)}` : `i${BigInt(v as number | bigint)}`;
}

function tupleKey(columns: readonly Column[], i: number): string | null {
  const parts = columns.map((c) => cellKey(c, i));
  return parts.includes("null") ? null : parts.join(",");
}

/** Naive join: a Map from key tuple to right rows, then the documented output order. */
export function refJoin(
  left: readonly Column[],
  right: readonly Column[],
  kind: JoinKind,
): { left: number[]; right: number[] } {
  const byKey = new Map<string, number[]>();
  for (let j = 0; j < right[0]!.length; j++) {
    const k = tupleKey(right, j);
    if (k !== null) byKey.set(k, [...(byKey.get(k) ?? []), j]);
  }
  const outL: number[] = [];
  const outR: number[] = [];
  const matched = new Set<number>();
  for (let i = 0; i < left[0]!.length; i++) {
    const k = tupleKey(left, i);
    const js = k === null ? [] : (byKey.get(k) ?? []);
    if (kind === "anti" || kind === "semi") {
      if (js.length > 0 === (kind === "semi")) outL.push(i);
      continue;
    }
    if (js.length === 0 && kind !== "inner") {
      outL.push(i);
      outR.push(-1);
    }
    for (const j of js) {
      outL.push(i);
      outR.push(j);
      matched.add(j);
    }
  }
  if (kind === "full") {
    for (let j = 0; j < right[0]!.length; j++) {
      if (!matched.has(j)) {
        outL.push(-1);
        outR.push(j);
      }
    }
  }
  return { left: outL, right: outR };
}

/** Typed comparison the naive way: nulls first, bigints numerically, strings by UTF-8 bytes. */
export function refCompare(a: unknown, b: unknown): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  if (typeof a === "string") return Buffer.compare(Buffer.from(a as string), Buffer.from(b as string));
  const x = BigInt(a as number | bigint);
  const y = BigInt(b as number | bigint);
  return x < y ? -1 : x > y ? 1 : 0;
}

function groupKey(columns: readonly Column[], i: number): string {
  return columns.map((c) => cellKey(c, i)).join(",");
}

/** Naive keep-latest: last row with the maximum order value per group, ascending. */
export function refKeepLatest(keys: readonly Column[], orderBy: Column): number[] {
  const best = new Map<string, number>();
  const order = orderBy as Vector;
  for (let i = 0; i < order.length; i++) {
    const g = groupKey(keys, i);
    const b = best.get(g);
    if (b === undefined || refCompare(order.get(i), order.get(b)) >= 0) best.set(g, i);
  }
  return [...best.values()].sort((x, y) => x - y);
}

/** Naive group concat with JS strings and a stable sort. */
export function refGroupConcat(
  groupKeys: readonly Column[],
  orderKeys: readonly Column[],
  values: Column,
  separator: string,
): string[] {
  const vals = values as Vector;
  const members = new Map<string, number[]>();
  for (let i = 0; i < vals.length; i++) {
    const g = groupKey(groupKeys, i);
    members.set(g, [...(members.get(g) ?? []), i]);
  }
  const text = new Map<string, string>();
  for (const [g, rows] of members) {
    const sorted = [...rows].sort((a, b) => {
      for (const c of orderKeys) {
        const d = refCompare((c as Vector).get(a), (c as Vector).get(b));
        if (d !== 0) return d;
      }
      return a - b;
    });
    text.set(
      g,
      sorted
        .map((r) => vals.get(r) as Cell)
        .filter((v) => v !== null)
        .join(separator),
    );
  }
  return Array.from({ length: vals.length }, (_, i) => text.get(groupKey(groupKeys, i))!);
}
