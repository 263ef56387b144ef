import { type Data, Field, LargeUtf8, Map_, Struct, Utf8, Vector } from "apache-arrow";
import { newBitmap, setBit } from "../../src/arrow/bitmap.js";
import { makeChunk } from "../../src/arrow/chunk.js";

/** One map row as its entries in order (duplicates and order kept), or null for a null row. */
export type MapRow = readonly (readonly [string, string | null])[] | null;

const encoder = new TextEncoder();

/**
 * A Map<Utf8, Utf8> chunk with exactly these rows. A null row gets the entries of `nullEntries`
 * (Arrow allows a null row to cover entries), none by default. `largeKeys` stores keys as LargeUtf8.
 */
export function mapData(
  rows: readonly MapRow[],
  options: { nullEntries?: readonly (readonly [string, string | null])[]; largeKeys?: boolean } = {},
): Data {
  const entries: (readonly [string, string | null])[] = [];
  const offsets = new Int32Array(rows.length + 1);
  const validity = newBitmap(rows.length);
  let nullRows = 0;
  rows.forEach((row, i) => {
    if (row === null) nullRows++;
    else setBit(validity, i);
    entries.push(...(row ?? options.nullEntries ?? []));
    offsets[i + 1] = entries.length;
  });
  const keys = strings(
    entries.map(([k]) => k),
    options.largeKeys === true,
  );
  const values = strings(
    entries.map(([, v]) => v),
    false,
  );
  const keyField = new Field("key", keys.type, false);
  const entryType = new Struct([keyField, new Field("value", new Utf8(), true)]);
  const type = new Map_(new Field("entries", entryType, false));
  const entryData = makeChunk(entryType, entries.length, 0, {}, [keys, values]);
  return makeChunk(type, rows.length, nullRows, { offsets, validity }, [entryData]);
}

function strings(items: readonly (string | null)[], large: boolean): Data {
  const bytes = items.map((s) => encoder.encode(s ?? ""));
  const total = bytes.reduce((t, b) => t + b.length, 0);
  const values = new Uint8Array(total);
  const offsets = new Int32Array(items.length + 1);
  const validity = newBitmap(items.length);
  let nulls = 0;
  bytes.forEach((b, i) => {
    values.set(b, offsets[i]!);
    offsets[i + 1] = offsets[i]! + b.length;
    if (items[i] === null) nulls++;
    else setBit(validity, i);
  });
  if (large) {
    return makeChunk(new LargeUtf8(), items.length, nulls, {
      offsets: BigInt64Array.from(offsets, (o) => BigInt(o)),
      values,
      validity,
    });
  }
  return makeChunk(new Utf8(), items.length, nulls, { offsets, values, validity });
}

/** The rows of a Map column as {@link MapRow}s, read entry by entry from the buffers. */
export function mapRows(column: Vector | Data): MapRow[] {
  const chunks = column instanceof Vector ? column.data : [column];
  const out: MapRow[] = [];
  for (const d of chunks) {
    const offsets = d.valueOffsets as Int32Array;
    const entries = d.children[0]!;
    const keys = new Vector([entries.children[0]!]);
    const values = new Vector([entries.children[1]!]);
    for (let i = 0; i < d.length; i++) {
      if (!d.getValid(i)) {
        out.push(null);
        continue;
      }
      const row: [string, string | null][] = [];
      for (let j = offsets[i]!; j < offsets[i + 1]!; j++)
        row.push([keys.get(j) as string, values.get(j) as string]);
      out.push(row);
    }
  }
  return out;
}

/** The values of a string column as JS values. */
export function stringValues(column: Vector): (string | null)[] {
  return Array.from({ length: column.length }, (_, i) => column.get(i) as string | null);
}
