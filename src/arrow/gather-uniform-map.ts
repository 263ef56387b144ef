import { type Data, type DataType, type Struct, Type, Vector } from "apache-arrow";
import { validityOf } from "./bitmap.js";
import { makeChunk } from "./chunk.js";
import { type KeySequence, keySequence, rememberKeySequence, sameKeySequence } from "./map-key-sequence.js";
import { repeatKeys } from "./repeat-keys.js";

/**
 * Rows picked from a column's chunks: `local[r]` is row r's index in chunk `chunk[r]` (in the only
 * chunk when `chunk` is null), -1 for a null row.
 *
 * @example
 * const rows: PickedRows = { chunk: null, local: Int32Array.of(2, -1, 0) };
 */
export interface PickedRows {
  readonly chunk: Int32Array | null;
  readonly local: Int32Array;
}

/**
 * Gathers rows of a Map column whose chunks all repeat one key sequence on every row (as Metaxy
 * writes them, see {@link keySequence}): the keys child is a slice of a source chunk's keys, or
 * rebuilt from the sequence, instead of being gathered; only the values go through `gatherChild`. Null when the column does not qualify (keys
 * not plain Utf8 without nulls, null entries, chunks with different sequences): the caller then
 * gathers it like any list. `validity` / `nulls` are the picked rows' (from bit 0).
 *
 * @example
 * const data = gatherUniformMap(chunks, rows, validity, nulls, type, gatherChild) ?? gatherList(…);
 */
export function gatherUniformMap(
  chunks: readonly Data[],
  rows: PickedRows,
  validity: Uint8Array,
  nulls: number,
  type: DataType,
  gatherChild: (column: Vector, indices: Int32Array) => Data,
): Data | null {
  const seq = sharedSequence(chunks);
  if (seq === null) return null;
  const m = rows.local.length;
  const perRow = seq.perRow;
  const kept = m - nulls;
  const offsets = new Int32Array(m + 1);
  const childIndices = new Int32Array(kept * perRow);
  const bases = [0];
  for (const c of chunks) bases.push(bases[bases.length - 1]! + c.children[0]!.length);
  const firstEntry = chunks.map((c) => c.valueOffsets as Int32Array);
  let e = 0;
  for (let r = 0; r < m; r++) {
    const l = rows.local[r]!;
    if (l >= 0 && (validity[r >> 3]! & (1 << (r & 7))) !== 0) {
      const c = rows.chunk === null ? 0 : rows.chunk[r]!;
      const start = bases[c]! + firstEntry[c]![l]!;
      for (let k = 0; k < perRow; k++) childIndices[e + k] = start + k;
      e += perRow;
    }
    offsets[r + 1] = e;
  }
  const values = gatherChild(
    new Vector(chunks.map((c) => fitToEntries(c.children[0]!.children[1]!, c.children[0]!.length))),
    childIndices,
  );
  const entries = makeChunk(type.children[0]!.type as Struct, e, 0, {}, [keysFor(chunks, seq, kept), values]);
  const out = makeChunk(type, m, nulls, { offsets, validity }, [entries]);
  if (nulls === 0 && m > 0) rememberKeySequence(out, seq);
  return out;
}

/**
 * The keys of `kept` rows: a slice of a source chunk's own keys when one covers that many rows (its
 * entries already are the sequence repeated) and is not much longer, else rebuilt.
 */
function keysFor(chunks: readonly Data[], seq: KeySequence, kept: number): Data {
  const donor = chunks.find((c) => c.length >= kept && kept * 2 >= c.length && kept > 0);
  if (donor === undefined) return repeatKeys(seq, kept);
  const first = (donor.valueOffsets as Int32Array)[0]!;
  return donor.children[0]!.children[0]!.slice(first, kept * seq.perRow);
}

/** The key sequence every chunk repeats, when the keys can be rebuilt from it as plain Utf8. */
function sharedSequence(chunks: readonly Data[]): KeySequence | null {
  let shared: KeySequence | null = null;
  for (const c of chunks) {
    if (c.length === 0) continue;
    const entries = c.children[0]!;
    const keys = entries.children[0]!;
    if (validityOf(entries) !== null || keys.typeId !== Type.Utf8 || keys.nullCount !== 0) return null;
    const seq = keySequence(c);
    if (seq === null) return null;
    if (shared === null) shared = seq;
    else if (!sameKeySequence(shared, seq)) return null;
  }
  return shared;
}

function fitToEntries(child: Data, length: number): Data {
  return child.length > length ? child.slice(0, length) : child;
}
