import { LargeUtf8, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { isValidAt, stringChunks, utf8Vector } from "../../src/arrow/strings.js";

const decoder = new TextDecoder();
function readAll(col: Parameters<typeof stringChunks>[0]): (string | null)[] {
  const out: (string | null)[] = [];
  for (const c of stringChunks(col)) {
    for (let i = 0; i < c.length; i++) {
      if (!isValidAt(c.validity, c.validityOffset, i)) out.push(null);
      else out.push(decoder.decode(c.values.subarray(Number(c.offsets[i]), Number(c.offsets[i + 1]))));
    }
  }
  return out;
}

describe("stringChunks", () => {
  const values = ["a", null, "", "ünïcødé", "𝄞 clef", "plain"];

  it("reads a hand-built Utf8 vector with nulls and multi-byte text", () => {
    const v = utf8Vector(values);
    expect(v.type).toBeInstanceOf(Utf8);
    expect(v.toArray()).toEqual(values);
    expect(readAll(v)).toEqual(values);
  });

  it("handles sliced vectors (absolute offsets, unsliced bitmap)", () => {
    const v = utf8Vector(values).slice(1, 5);
    expect(readAll(v)).toEqual(values.slice(1, 5));
  });

  it("handles multi-chunk vectors and IPC-padded offsets", () => {
    const t = new Table({ s: utf8Vector(values) });
    const joined = new Table({ s: utf8Vector(values) }).concat(t);
    const back = tableFromIPC(tableToIPC(joined, "stream"));
    const col = back.getChild("s")!;
    expect(col.data.length).toBe(2);
    expect(readAll(col)).toEqual([...values, ...values]);
  });

  it("reads LargeUtf8", () => {
    const v = vectorFromArray(values, new LargeUtf8());
    expect(readAll(v)).toEqual(values);
  });
});
