import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Vector } from "../../src/arrow/strings.js";
import { HASH_ALGORITHMS, type PreimagePart } from "../../src/kernels/kernels.js";
import { loadNativeKernels } from "../../src/kernels/native.js";
import { portableKernels as portable } from "../../src/kernels/portable.js";
import { announceSkip, haveNative, nativeKernels, requireNativeTest } from "./native-support.js";
import { cell, layout, text } from "./parity-arbitraries.js";
import { strings } from "./portable-columns.js";

announceSkip("parity-hash.test.ts");
requireNativeTest();

const truncation = fc.oneof(fc.constant(null), fc.constant(8), fc.integer({ min: 0, max: 70 }));

/** A part: a literal, or a column of `n` cells in some layout, optionally with a null replacement. */
function part(n: number): fc.Arbitrary<PreimagePart> {
  return fc.oneof(
    text.map((literal): PreimagePart => ({ literal })),
    fc
      .record({
        cells: fc.array(cell, { minLength: n, maxLength: n }),
        layout,
        nullAs: fc.option(text, { nil: undefined }),
      })
      .map(
        ({ cells, layout: l, nullAs }): PreimagePart =>
          nullAs === undefined ? { column: strings(cells, l) } : { column: strings(cells, l), nullAs },
      ),
  );
}

describe.runIf(haveNative)("hashRows parity: native = portable", () => {
  it("agrees on random parts, layouts, separators, algorithms and truncations", () => {
    const input = fc.integer({ min: 0, max: 24 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        parts: fc.array(part(n), { minLength: 1, maxLength: 4 }),
        separator: fc.oneof(fc.constantFrom("|", "", "ü", "::"), text),
        algorithm: fc.constantFrom(...HASH_ALGORITHMS),
        truncation,
      }),
    );
    fc.assert(
      fc.property(input, ({ n, parts, separator, algorithm, truncation: t }) => {
        const options = { separator, truncation: t };
        const want = portable.hashRows(algorithm, parts, options, n);
        const got = nativeKernels().hashRows(algorithm, parts, options, n);
        expect(got.length).toBe(n);
        expect(got.nullCount).toBe(want.nullCount);
        expect(got.toArray()).toEqual(want.toArray());
      }),
      { numRuns: 250 },
    );
  });

  it("agrees on 20,000 multi-chunk rows split over two threads", () => {
    const n = 20_000;
    const rows = (salt: number) =>
      Array.from({ length: n }, (_, i) =>
        (i * 7 + salt) % 13 === 0
          ? null
          : `${"ü".repeat(i % 5)}row-${i * salt}${"x".repeat((i * salt) % 90)}`,
      );
    const a = strings(rows(3), "chunks");
    const b = strings(rows(5), "ipc");
    const parts: PreimagePart[] = [{ literal: "field" }, { column: a }, { column: b, nullAs: "" }];
    const two = loadNativeKernels({ threads: 2 });
    for (const algorithm of HASH_ALGORITHMS) {
      for (const t of [null, 8]) {
        const options = { separator: "|", truncation: t };
        const want = portable.hashRows(algorithm, parts, options);
        const got = two.hashRows(algorithm, parts, options);
        expect(got.nullCount).toBe(want.nullCount);
        expect(got.toArray()).toEqual(want.toArray());
      }
    }
  });

  it("agrees when every part is a literal", () => {
    for (const algorithm of HASH_ALGORITHMS) {
      const parts = [{ literal: "a" }, { literal: "𝄞" }];
      const options = { separator: "|", truncation: 8 };
      expect(nativeKernels().hashRows(algorithm, parts, options, 3).toArray()).toEqual(
        portable.hashRows(algorithm, parts, options, 3).toArray(),
      );
    }
    const col = utf8Vector([]);
    expect(
      nativeKernels().hashRows("md5", [{ column: col }], { separator: "", truncation: null }).length,
    ).toBe(0);
  });
});
