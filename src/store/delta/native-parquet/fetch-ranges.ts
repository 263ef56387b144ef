import type { ByteSource } from "../byte-source.js";

/**
 * Ranges closer than this are fetched as one request: on object storage one request per column
 * chunk costs a round trip each, while reading a small unwanted gap costs almost nothing.
 */
export const MERGE_GAP = 1024 * 1024;

/**
 * The bytes of every `[start, end)` range, in the order given, fetched with as few reads as
 * possible: sorted ranges whose gap is at most `gap` are read together (concurrently across
 * groups) and handed out as views of the merged read.
 *
 * @example
 * const [a, b] = await fetchRanges(source, [[4, 1000], [1000, 5000]]); // one read of [4, 5000)
 */
export async function fetchRanges(
  source: ByteSource,
  ranges: readonly (readonly [start: number, end: number])[],
  gap = MERGE_GAP,
): Promise<Uint8Array[]> {
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]![0] - ranges[b]![0]);
  const groups: { start: number; end: number; members: number[] }[] = [];
  for (const i of order) {
    const [start, end] = ranges[i]!;
    const last = groups.at(-1);
    if (last !== undefined && start - last.end <= gap) {
      last.end = Math.max(last.end, end);
      last.members.push(i);
    } else {
      groups.push({ start, end, members: [i] });
    }
  }
  const out = new Array<Uint8Array>(ranges.length);
  await Promise.all(
    groups.map(async (g) => {
      const bytes = await source.read(g.start, g.end);
      for (const i of g.members) {
        const [start, end] = ranges[i]!;
        out[i] = bytes.subarray(start - g.start, end - g.start);
      }
    }),
  );
  return out;
}
