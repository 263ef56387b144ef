import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { utf8Vector } from "../../src/arrow/strings.js";
import { hashString } from "../../src/hashing/hash-string.js";
import type { HashAlgorithm } from "../../src/kernels/kernels.js";
import { portableKernels } from "../../src/kernels/portable.js";

interface HashCase {
  readonly kind: "hash";
  readonly id: string;
  readonly algorithm: HashAlgorithm;
  readonly input: string;
  readonly expected: string;
}

const golden = JSON.parse(
  readFileSync(new URL("../data/versioning-public.json", import.meta.url), "utf8"),
) as {
  cases: { kind: string }[];
};
const hashCases = golden.cases.filter((c): c is HashCase => c.kind === "hash");

function viaKernel(algorithm: HashAlgorithm, text: string): string | null {
  const out = portableKernels.hashRows(algorithm, [{ column: utf8Vector([text]) }], {
    separator: "|",
    truncation: null,
  });
  return out.get(0);
}

describe("golden hash vectors (versioning-public.json)", () => {
  it("holds the 22 hash cases of metaxy-versioning.md §6.A", () => {
    expect(hashCases).toHaveLength(22);
  });

  for (const c of hashCases) {
    it(`${c.id} through hashString and portable hashRows`, async () => {
      expect(await hashString(c.algorithm, c.input)).toBe(c.expected);
      expect(viaKernel(c.algorithm, c.input)).toBe(c.expected);
    });
  }
});

describe("§6.A table: five algorithms × the stale-snapshot pre-images", () => {
  const table: [string, Record<HashAlgorithm, string>][] = [
    [
      "default|1|video/audio|a1|video/frames|v1",
      {
        xxhash64: "10823186911388391974",
        xxhash32: "4058237226",
        wyhash: "13136332531082150110",
        md5: "6adfd76497c9621a5a70cc6f0e5988c5",
        sha256: "2ef4ffd693f92e72447dc47a09ecdf25c1c6f18acf88715aeb5472937ae19419",
      },
    ],
    [
      "default|1|video/audio|a2|video/frames|v2",
      {
        xxhash64: "18274202742589849974",
        xxhash32: "1188157467",
        wyhash: "13387170137092530908",
        md5: "af599634188a17615f28c1f7ac69ef3d",
        sha256: "ba08ef288e228285b68179cd8bb18a3a1e0180c058232182c00b12e5e1e94cee",
      },
    ],
    [
      "default|1|video/audio|a3|video/frames|v3",
      {
        xxhash64: "10301923923001759408",
        xxhash32: "2632372314",
        wyhash: "3652911779766440235",
        md5: "8c4021310e97f146994c5dc176839a1c",
        sha256: "dc371b4ee27230a953f1bd87bb895edfdb12f3cd79b7668de9eed57f81e349c2",
      },
    ],
  ];

  for (const [preimage, expected] of table) {
    for (const [algorithm, value] of Object.entries(expected) as [HashAlgorithm, string][]) {
      it(`${algorithm} of ${preimage}`, async () => {
        expect(await hashString(algorithm, preimage)).toBe(value);
        expect(viaKernel(algorithm, preimage)).toBe(value);
      });
    }
  }

  it("assembles the same pre-images from literal and column parts, and truncates to 8", () => {
    const audio = utf8Vector(["a1", "a2", "a3"]);
    const frames = utf8Vector(["v1", "v2", "v3"]);
    const parts = [
      { literal: "default" },
      { literal: "1" },
      { literal: "video/audio" },
      { column: audio },
      { literal: "video/frames" },
      { column: frames },
    ];
    const full = portableKernels.hashRows("xxhash64", parts, { separator: "|", truncation: null });
    expect(full.toArray()).toEqual(table.map(([, e]) => e.xxhash64));
    const cut = portableKernels.hashRows("sha256", parts, { separator: "|", truncation: 8 });
    expect(cut.toArray()).toEqual(table.map(([, e]) => e.sha256.slice(0, 8)));
  });
});

describe("published vectors through hashString", () => {
  it("xxh32 / xxh64 (xxHash reference), md5 (RFC 1321), sha256 (FIPS 180-2)", async () => {
    expect(await hashString("xxhash32", "abc")).toBe(String(0x32d153ff));
    expect(await hashString("xxhash64", "abc")).toBe(0x44bc2cf5ad770999n.toString());
    expect(await hashString("xxhash64", "a")).toBe(0xd24ec4f1a98c6e5bn.toString());
    expect(await hashString("md5", "message digest")).toBe("f96b697d7cb7938d525a2f31aaf161d0");
    expect(await hashString("sha256", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });
});
