import { makeVector, Utf8 } from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Vector } from "../../src/arrow/strings.js";
import { HashAlgorithmNotSupportedError, KernelError } from "../../src/errors.js";
import { hashString } from "../../src/hashing/hash-string.js";
import { HASH_ALGORITHMS, type HashAlgorithm, type PreimagePart } from "../../src/kernels/kernels.js";
import { portableKernels as k } from "../../src/kernels/portable.js";
import { type Cell, STRING_LAYOUTS, strings } from "./portable-columns.js";

async function expected(algorithm: HashAlgorithm, preimages: readonly Cell[], truncation: number | null) {
  const out: Cell[] = [];
  for (const p of preimages) {
    if (p === null) out.push(null);
    else {
      const h = await hashString(algorithm, p);
      out.push(truncation === null ? h : h.slice(0, truncation));
    }
  }
  return out;
}

describe("portable hashRows", () => {
  const long = "ü".repeat(40) + "x".repeat(30); // 110 bytes: several 32-byte stripes and 64-byte blocks

  it("joins literals and columns with the separator, null rows unless nullAs", async () => {
    const a = utf8Vector(["a1", null, "", "ünï", long]);
    const b = utf8Vector(["v1", "v2", null, "𝄞", "z"]);
    const parts: PreimagePart[] = [
      { literal: "default" },
      { literal: "1" },
      { column: a },
      { literal: "video/frames" },
      { column: b, nullAs: "" },
    ];
    const pre = [
      "default|1|a1|video/frames|v1",
      null,
      "default|1||video/frames|",
      "default|1|ünï|video/frames|𝄞",
      `default|1|${long}|video/frames|z`,
    ];
    for (const algorithm of HASH_ALGORITHMS) {
      const got = k.hashRows(algorithm, parts, { separator: "|", truncation: null });
      expect(got.type).toBeInstanceOf(Utf8);
      expect(got.nullCount).toBe(1);
      expect(got.toArray()).toEqual(await expected(algorithm, pre, null));
    }
  });

  it("truncates by characters, keeps short renderings whole, and allows 0", async () => {
    const col = utf8Vector(["", "hello_world"]);
    const cut8 = k.hashRows("xxhash32", [{ column: col }], { separator: "|", truncation: 8 });
    // xxhash32("") = 46947589 has only 8 digits; "hello_world" = 1605956417 is cut.
    expect(cut8.toArray()).toEqual(["46947589", "16059564"]);
    const cut0 = k.hashRows("sha256", [{ column: col }], { separator: "|", truncation: 0 });
    expect(cut0.toArray()).toEqual(["", ""]);
    const wide = k.hashRows("md5", [{ column: col }], { separator: "|", truncation: 100 });
    expect(wide.toArray()).toEqual(await expected("md5", ["", "hello_world"], null));
  });

  it("hashes literal-only rows for the given length, and a multi-character separator", async () => {
    const got = k.hashRows(
      "wyhash",
      [{ literal: "a" }, { literal: "b" }],
      { separator: "::", truncation: null },
      3,
    );
    const h = await hashString("wyhash", "a::b");
    expect(got.toArray()).toEqual([h, h, h]);
    expect(k.hashRows("md5", [], { separator: "|", truncation: null }, 1).toArray()).toEqual([
      "d41d8cd98f00b204e9800998ecf8427e",
    ]);
    expect(k.hashRows("md5", [], { separator: "|", truncation: null }, 0).length).toBe(0);
  });

  for (const layout of STRING_LAYOUTS) {
    it(`reads the ${layout} layout`, async () => {
      const values = ["a", null, "", "ünïcødé", long, "b", "𝄞 clef"];
      const col = strings(values, layout);
      const got = k.hashRows("xxhash64", [{ literal: "p" }, { column: col, nullAs: "NULL" }], {
        separator: "|",
        truncation: 12,
      });
      const pre = values.map((v) => `p|${v ?? "NULL"}`);
      expect(got.toArray()).toEqual(await expected("xxhash64", pre, 12));
      const bare = k.hashRows("xxhash32", [{ column: col }], { separator: "|", truncation: null });
      expect(bare.toArray()).toEqual(await expected("xxhash32", values, null));
    });
  }

  it("matches a naive string reference on random columns, layouts and options", async () => {
    const cell = fc.option(
      fc.oneof(fc.constantFrom("", "a", "ü", "𝄞", long), fc.string({ unit: "binary", maxLength: 40 })),
      {
        freq: 5,
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 12 }).chain((n) =>
          fc.record({
            algorithm: fc.constantFrom(...HASH_ALGORITHMS),
            truncation: fc.constantFrom(null, 0, 5, 8, 64),
            separator: fc.constantFrom("|", "", "·"),
            parts: fc.array(
              fc.oneof(
                fc.record({ literal: fc.string({ maxLength: 6 }) }),
                fc.record({
                  values: fc.array(cell, { minLength: n, maxLength: n }),
                  layout: fc.constantFrom(...STRING_LAYOUTS),
                  nullAs: fc.option(fc.constantFrom("", "∅"), { nil: undefined }),
                }),
              ),
              { maxLength: 4 },
            ),
            n: fc.constant(n),
          }),
        ),
        async ({ algorithm, truncation, separator, parts, n }) => {
          const kernelParts: PreimagePart[] = parts.map((p) =>
            "literal" in p
              ? p
              : p.nullAs === undefined
                ? { column: strings(p.values, p.layout) }
                : { column: strings(p.values, p.layout), nullAs: p.nullAs },
          );
          const pre: Cell[] = [];
          for (let i = 0; i < n; i++) {
            const cells = parts.map((p) => ("literal" in p ? p.literal : (p.values[i] ?? p.nullAs ?? null)));
            pre.push(cells.includes(null) ? null : cells.join(separator));
          }
          const got = k.hashRows(algorithm, kernelParts, { separator, truncation }, n);
          expect(got.toArray()).toEqual(await expected(algorithm, pre, truncation));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("rejects unusable input with KernelError (code KERNEL)", () => {
    const col = utf8Vector(["a", "b"]);
    const opts = { separator: "|", truncation: 8 };
    const ints = utf8Vector(["x"]);
    expect(() => k.hashRows("xxhash64", [{ column: col }, { column: ints }], opts)).toThrow(
      /kernels: hashRows part 1 has 1 rows, expected 2/,
    );
    expect(() => k.hashRows("xxhash64", [{ column: col }], opts, 3)).toThrow(KernelError);
    expect(() => k.hashRows("xxhash64", [{ literal: "a" }], opts)).toThrow(/needs `length`/);
    expect(() => k.hashRows("xxhash64", [{ literal: "a" }], opts, -1)).toThrow(/invalid hashRows length -1/);
    try {
      k.hashRows("xxhash64", [{ column: col }], { separator: "|", truncation: -1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KernelError);
      expect((e as KernelError).code).toBe("KERNEL");
    }
    expect(() => k.hashRows("md5", [{ column: makeVector(Int32Array.of(1, 2)) }], opts)).toThrow(
      /kernels: hashRows part 0 must be a string column, got Int32/,
    );
    expect(() => k.hashRows("farmhash" as HashAlgorithm, [{ column: col }], opts)).toThrow(
      HashAlgorithmNotSupportedError,
    );
  });
});
