import type { FlatColumn, FlatInts, FlatStrings } from "./columns.js";

const NULL_HASH = 0x5bd1e995;

/**
 * 32-bit hash per row over all key columns (a null cell hashes to a constant). Equal key tuples —
 * integers equal by value whatever their width — get equal hashes.
 *
 * @example
 * const h = hashKeyRows([flatColumn(ids, "key")], ids.length);
 */
export function hashKeyRows(keys: readonly FlatColumn[], length: number): Int32Array {
  const out = new Int32Array(length);
  for (let k = 0; k < keys.length; k++) {
    const col = keys[k]!;
    if (col.kind === "string") hashStrings(col, out, k);
    else hashInts(col, out, k);
  }
  for (let i = 0; i < length; i++) out[i] = fmix(out[i]!);
  return out;
}

function hashStrings(col: FlatStrings, out: Int32Array, k: number): void {
  const { offsets, values, valid, length } = col;
  for (let i = 0; i < length; i++) {
    const h = valid !== null && valid[i] === 0 ? NULL_HASH : hashBytes(values, offsets[i]!, offsets[i + 1]!);
    out[i] = k === 0 ? h : combine(out[i]!, h);
  }
}

function hashInts(col: FlatInts, out: Int32Array, k: number): void {
  const { words, valid, length } = col;
  for (let i = 0; i < length; i++) {
    const h =
      valid !== null && valid[i] === 0
        ? NULL_HASH
        : fmix(words[2 * i]! ^ Math.imul(words[2 * i + 1]!, 0x9e3779b1));
    out[i] = k === 0 ? h : combine(out[i]!, h);
  }
}

function combine(a: number, b: number): number {
  const x = Math.imul(a ^ b, 0x85ebca6b);
  return (x << 13) | (x >>> 19);
}

/** Murmur3-style mixing over the bytes `v[s, e)`; only its spread matters, not its value. */
function hashBytes(v: Uint8Array, s: number, e: number): number {
  let h = (e - s) ^ 0x2545f491;
  let i = s;
  for (; i + 4 <= e; i += 4) {
    let k = v[i]! | (v[i + 1]! << 8) | (v[i + 2]! << 16) | (v[i + 3]! << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  for (let sh = 0; i < e; i++, sh += 8) k |= v[i]! << sh;
  h ^= Math.imul(k, 0xcc9e2d51);
  return h;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Row equality across two key tuples (`a[i]` vs `b[j]`, column by column): strings by bytes,
 * integers by value, null equal to null only. Callers that want "nulls never match" skip null rows
 * before asking.
 *
 * @example
 * const eq = rowEquality(leftKeys, rightKeys);
 * eq(0, 3); // true when left row 0 and right row 3 hold the same key
 */
export function rowEquality(
  a: readonly FlatColumn[],
  b: readonly FlatColumn[],
): (i: number, j: number) => boolean {
  if (a.length === 1) {
    const x = a[0]!;
    const y = b[0]!;
    if (x.kind === "string" && y.kind === "string") return (i, j) => stringsEqual(x, i, y, j);
    if (x.kind === "int" && y.kind === "int") return (i, j) => intsEqual(x, i, y, j);
  }
  return (i, j) => {
    for (let k = 0; k < a.length; k++) {
      const x = a[k]!;
      const y = b[k]!;
      const same =
        x.kind === "string" ? stringsEqual(x, i, y as FlatStrings, j) : intsEqual(x, i, y as FlatInts, j);
      if (!same) return false;
    }
    return true;
  };
}

function stringsEqual(x: FlatStrings, i: number, y: FlatStrings, j: number): boolean {
  const xn = x.valid !== null && x.valid[i] === 0;
  const yn = y.valid !== null && y.valid[j] === 0;
  if (xn || yn) return xn && yn;
  let p = x.offsets[i]!;
  const pe = x.offsets[i + 1]!;
  let q = y.offsets[j]!;
  if (pe - p !== y.offsets[j + 1]! - q) return false;
  const xv = x.values;
  const yv = y.values;
  for (; p < pe; p++, q++) if (xv[p] !== yv[q]) return false;
  return true;
}

function intsEqual(x: FlatInts, i: number, y: FlatInts, j: number): boolean {
  const xn = x.valid !== null && x.valid[i] === 0;
  const yn = y.valid !== null && y.valid[j] === 0;
  if (xn || yn) return xn && yn;
  const hi = x.words[2 * i + 1]!;
  if (x.words[2 * i] !== y.words[2 * j] || hi !== y.words[2 * j + 1]) return false;
  // Same words mean the same value unless one side reads them as a u64 ≥ 2^63 and the other as negative.
  return x.unsigned64 === y.unsigned64 || hi >= 0;
}

/**
 * Any-null mask over the rows of a key tuple (1 = some key cell is null), or `null` if none is.
 *
 * @example
 * nullRows([flatColumn(utf8Vector(["a", null]), "key")], 2); // Uint8Array [0, 1]
 */
export function nullRows(keys: readonly FlatColumn[], length: number): Uint8Array | null {
  let mask: Uint8Array | null = null;
  for (const col of keys) {
    if (col.valid === null) continue;
    mask ??= new Uint8Array(length);
    for (let i = 0; i < length; i++) mask[i]! |= col.valid[i]! ^ 1;
  }
  return mask;
}
