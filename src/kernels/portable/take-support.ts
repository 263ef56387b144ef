import { Data, type DataType, type Vector } from "apache-arrow";

/**
 * Maps a row of a multi-chunk column to (chunk, row in chunk). Remembers the last chunk, so runs of
 * nearby indices cost O(1); otherwise a binary search over chunk starts.
 *
 * @example
 * const loc = new ChunkLocator([3, 5]);
 * loc.find(4); // 1, with loc.local === 1
 */
export class ChunkLocator {
  private readonly starts: Float64Array;
  private last = 0;
  /** Row inside the chunk found by the last `find`. */
  local = 0;

  constructor(lengths: readonly number[]) {
    this.starts = new Float64Array(lengths.length + 1);
    for (let c = 0; c < lengths.length; c++) this.starts[c + 1] = this.starts[c]! + lengths[c]!;
  }

  /** Chunk holding row `i` (which must be in range); sets `local`. */
  find(i: number): number {
    const s = this.starts;
    let c = this.last;
    if (!(i >= s[c]! && i < s[c + 1]!)) {
      let lo = 0;
      let hi = s.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (s[mid]! <= i) lo = mid;
        else hi = mid - 1;
      }
      c = lo;
      this.last = c;
    }
    this.local = i - s[c]!;
    return c;
  }
}

/**
 * True when row `local` of a chunk is valid.
 *
 * @example
 * validAt(vector.data[0]!, 2); // false when row 2 is null
 */
export function validAt(d: Data, local: number): boolean {
  const bitmap = d.nullBitmap;
  if (d.nullCount === 0 || bitmap === undefined || bitmap === null || bitmap.length === 0) return true;
  const bit = d.offset + local;
  return (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/**
 * Output validity of a gather: row r is null when `indices[r]` is -1 or points at a null. Also
 * returns, per output row, the source chunk (-1 for null rows) and row inside it.
 *
 * @example
 * const { chunkOf, localOf, nullCount } = gatherPlan(column.data, Int32Array.of(4, -1));
 */
export function gatherPlan(
  chunks: readonly Data[],
  indices: Int32Array,
): { chunkOf: Int32Array; localOf: Int32Array; bitmap: Uint8Array | null; nullCount: number } {
  const n = indices.length;
  const locator = new ChunkLocator(chunks.map((d) => d.length));
  const chunkOf = new Int32Array(n);
  const localOf = new Int32Array(n);
  let bitmap: Uint8Array | null = null;
  let nullCount = 0;
  for (let r = 0; r < n; r++) {
    const i = indices[r]!;
    let c = -1;
    if (i >= 0) {
      c = locator.find(i);
      localOf[r] = locator.local;
      if (!validAt(chunks[c]!, locator.local)) c = -1;
    }
    chunkOf[r] = c;
    if (c === -1) {
      bitmap ??= new Uint8Array((n + 7) >> 3).fill(0xff);
      bitmap[r >> 3]! &= ~(1 << (r & 7));
      nullCount++;
    }
  }
  return { chunkOf, localOf, bitmap, nullCount };
}

/**
 * A gathered chunk with offset 0 and the plan's validity. Built with the `Data` constructor rather
 * than `makeData`, whose typed overloads cannot accept a type known only at run time.
 *
 * @example
 * const d = gatheredData(new Utf8(), 2, plan, { offsets: Int32Array.of(0, 1, 1), values: bytes });
 */
export function gatheredData(
  type: DataType,
  length: number,
  plan: { readonly bitmap: Uint8Array | null; readonly nullCount: number },
  buffers: { readonly offsets?: Int32Array | BigInt64Array; readonly values?: ArrayBufferView },
  children: Data[] = [],
  dictionary?: Vector,
): Data {
  const validity = plan.nullCount > 0 ? (plan.bitmap ?? undefined) : undefined;
  return new Data(
    type,
    0,
    length,
    plan.nullCount,
    [buffers.offsets, buffers.values, validity],
    children,
    dictionary,
  );
}
