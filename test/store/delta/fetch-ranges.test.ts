import { describe, expect, it } from "vitest";
import type { ByteSource } from "../../../src/store/delta/byte-source.js";
import { fetchRanges } from "../../../src/store/delta/native-parquet/fetch-ranges.js";

/** A 1,000-byte source (byte i = i % 251) that records every read. */
function recording(): { source: ByteSource; reads: [number, number][] } {
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
  const reads: [number, number][] = [];
  const source: ByteSource = {
    key: "f.parquet",
    size: bytes.length,
    read: async (start, end) => {
      reads.push([start, end]);
      return bytes.subarray(start, end);
    },
  };
  return { source, reads };
}

const expected = (start: number, end: number) =>
  Array.from({ length: end - start }, (_, k) => (start + k) % 251);

describe("fetchRanges", () => {
  it("reads near ranges together and returns each range's bytes in the order asked", async () => {
    const { source, reads } = recording();
    const ranges: [number, number][] = [
      [700, 760],
      [10, 20],
      [25, 40],
      [500, 510],
    ];
    const out = await fetchRanges(source, ranges, 10);
    expect(out.map((b) => [...b])).toEqual(ranges.map(([s, e]) => expected(s, e)));
    expect(reads.sort((a, b) => a[0] - b[0])).toEqual([
      [10, 40],
      [500, 510],
      [700, 760],
    ]);
  });

  it("merges overlapping and contained ranges, and reads once when all are within the gap", async () => {
    const { source, reads } = recording();
    const ranges: [number, number][] = [
      [100, 300],
      [150, 200],
      [290, 400],
      [0, 50],
    ];
    const out = await fetchRanges(source, ranges);
    expect(out.map((b) => [...b])).toEqual(ranges.map(([s, e]) => expected(s, e)));
    expect(reads).toEqual([[0, 400]]);
  });

  it("returns nothing for no ranges without reading", async () => {
    const { source, reads } = recording();
    expect(await fetchRanges(source, [])).toEqual([]);
    expect(reads).toEqual([]);
  });
});
