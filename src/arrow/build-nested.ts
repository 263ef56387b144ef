import { type Data, type DataType, Field, Map_, Struct } from "apache-arrow";
import { newBitmap, setBit } from "./bitmap.js";
import { type BuildContext, misfit } from "./build-context.js";
import { makeChunk } from "./chunk.js";
import { describeValue, isPlainObject, kindOf } from "./describe-value.js";

type Build = (values: readonly unknown[], type: DataType, ctx: BuildContext) => Data;

/** Key/value pairs of a plain object or a JS Map, in insertion order; null for anything else. */
function entriesOf(value: unknown): [unknown, unknown][] | null {
  if (isPlainObject(value)) return Object.entries(value);
  if (value instanceof Map) return [...value.entries()];
  return null;
}

/**
 * Converts plain objects (or JS Maps) to a Struct chunk of the given type: each field is built from
 * the objects' values under its name (absent keys are null); a key that is not a field is an error.
 *
 * @example
 * const data = buildStruct([{ a: "x" }, null], structType, { path: "s" }, buildData);
 */
export function buildStruct(values: readonly unknown[], type: Struct, ctx: BuildContext, build: Build): Data {
  const n = values.length;
  const names = new Set(type.children.map((f) => f.name));
  const rows: (Readonly<Record<string, unknown>> | null)[] = new Array(n);
  const validity = newBitmap(n);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value == null) {
      rows[i] = null;
      nulls++;
      continue;
    }
    const entries = entriesOf(value);
    if (entries === null) {
      return misfit(ctx, i, `expected an object (${type}), got ${kindOf(value)} ${describeValue(value)}`);
    }
    for (const [key] of entries) {
      if (typeof key !== "string" || !names.has(key)) {
        misfit(ctx, i, `key ${describeValue(key)} is not a field of ${type}`);
      }
    }
    rows[i] =
      value instanceof Map
        ? Object.fromEntries(entries as [string, unknown][])
        : (value as Record<string, unknown>);
    setBit(validity, i);
  }
  const children = type.children.map((f) =>
    build(
      rows.map((r) => (r === null ? null : r[f.name])),
      f.type,
      { path: `${ctx.path}.${f.name}`, ...(ctx.rowOf ? { rowOf: ctx.rowOf } : {}) },
    ),
  );
  const built = new Struct(
    type.children.map((f, k) => new Field(f.name, children[k]!.type, true, f.metadata)),
  );
  return makeChunk(built, n, nulls, { validity }, children);
}

/**
 * Converts plain objects (or JS Maps) to a Map chunk: one entry per key, in the object's key order.
 *
 * @example
 * const data = buildMap([{ a: "1" }], utf8MapType(), { path: "m" }, buildData);
 */
export function buildMap(values: readonly unknown[], type: Map_, ctx: BuildContext, build: Build): Data {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  const keys: unknown[] = [];
  const items: unknown[] = [];
  const entryRow: number[] = [];
  const validity = newBitmap(n);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value == null) {
      nulls++;
    } else {
      const entries = entriesOf(value);
      if (entries === null) {
        return misfit(ctx, i, `expected an object (${type}), got ${kindOf(value)} ${describeValue(value)}`);
      }
      for (const [key, item] of entries) {
        if (key == null) misfit(ctx, i, `a map key is ${key}`);
        keys.push(key);
        items.push(item);
        entryRow.push(i);
      }
      setBit(validity, i);
    }
    offsets[i + 1] = keys.length;
  }
  const rowOf = (j: number): number => {
    const row = entryRow[j]!;
    return ctx.rowOf ? ctx.rowOf(row) : row;
  };
  const [keyField, valueField] = type.childType.children as [Field, Field];
  const keyData = build(keys, keyField.type, { path: `${ctx.path} (map key)`, rowOf });
  const valueData = build(items, valueField.type, { path: ctx.path, rowOf });
  const entriesType = new Struct([
    new Field(keyField.name, keyData.type, false),
    new Field(valueField.name, valueData.type, true),
  ]);
  const entries = makeChunk(entriesType, keys.length, 0, {}, [keyData, valueData]);
  const built = new Map_(new Field(type.children[0]!.name, entriesType, false), type.keysSorted);
  return makeChunk(built, n, nulls, { offsets, validity }, [entries]);
}
