import { Utf8View, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { isValidAt, stringChunks } from "../../src/arrow/strings.js";

const decoder = new TextDecoder();

describe("stringChunks on sliced Utf8View", () => {
  it("reads the slice's rows, not the parent's (views are sliced, the bitmap is not)", () => {
    const v = vectorFromArray(["a", "a string longer than twelve", "c", null, "dd"], new Utf8View()).slice(
      1,
      4,
    );
    const c = stringChunks(v)[0]!;
    const out: (string | null)[] = [];
    for (let i = 0; i < c.length; i++) {
      out.push(
        isValidAt(c.validity, c.validityOffset, i)
          ? decoder.decode(c.values.subarray(Number(c.offsets[i]), Number(c.offsets[i + 1])))
          : null,
      );
    }
    expect(out).toEqual(["a string longer than twelve", "c", null]);
  });
});
