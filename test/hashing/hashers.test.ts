import { createHash } from "node:crypto";
import fc from "fast-check";
import { createXXHash32, createXXHash64 } from "hash-wasm";
import { describe, expect, it } from "vitest";
import { md5 } from "../../src/hashing/md5.js";
import { mulHi32 } from "../../src/hashing/mul-hi32.js";
import { writeHex, writeU64Decimal, writeUintDecimal } from "../../src/hashing/render.js";
import { sha256 } from "../../src/hashing/sha256.js";
import { wyhash } from "../../src/hashing/wyhash.js";
import { xxh32 } from "../../src/hashing/xxh32.js";
import { xxh64 } from "../../src/hashing/xxh64.js";

const enc = new TextEncoder();
const dec = new TextDecoder();
const words = new Uint32Array(2);
const u64 = (lo: number, hi: number) => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);

function xxh64Of(bytes: Uint8Array, start = 0, end = bytes.length): bigint {
  xxh64(bytes, start, end, words);
  return u64(words[0]!, words[1]!);
}
function wyhashOf(bytes: Uint8Array, start = 0, end = bytes.length, seed = 0): bigint {
  wyhash(bytes, start, end, words, seed);
  return u64(words[0]!, words[1]!);
}
function digestHex(f: typeof md5, size: number, bytes: Uint8Array, start = 0, end = bytes.length): string {
  const d = new Uint8Array(size);
  f(bytes, start, end, d, 0);
  return Buffer.from(d).toString("hex");
}

// wyhash v1 restated naively with BigInt from the crate's algorithm (metaxy-versioning.md §4).
const M = (1n << 64n) - 1n;
const WP = [
  0xa0761d6478bd642fn,
  0xe7037ed1a0b428dbn,
  0x8ebc6af09c88c6e3n,
  0x589965cc75374cc3n,
  0x1d8e4e27c47d124fn,
  0xeb44accab455d165n,
];
function refWyhash(b: Uint8Array, seed = 0n): bigint {
  const mum = (x: bigint, y: bigint) => {
    const r = x * y;
    return ((r >> 64n) ^ r) & M;
  };
  const r32 = (i: number) =>
    BigInt(b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + (BigInt(b[i + 3]!) << 24n);
  const r64 = (i: number) => r32(i) | (r32(i + 4) << 32n);
  const sw = (i: number) => (r32(i) << 32n) | r32(i + 4);
  const B = (i: number) => BigInt(b[i]!);
  const rest = (i: number, n: number): bigint => {
    if (n === 1) return B(i);
    if (n === 2) return (B(i + 1) << 8n) | B(i);
    if (n === 3) return (B(i + 1) << 16n) | (B(i) << 8n) | B(i + 2);
    if (n === 4) return r32(i);
    if (n === 5) return (r32(i) << 8n) | B(i + 4);
    if (n === 6) return (r32(i) << 16n) | (B(i + 5) << 8n) | B(i + 4);
    if (n === 7) return (r32(i) << 24n) | (B(i + 5) << 16n) | (B(i + 4) << 8n) | B(i + 6);
    return sw(i);
  };
  const n = b.length;
  let s = seed;
  let i = 0;
  for (; i + 32 <= n; i += 32) {
    s = mum(
      s ^ WP[0]!,
      mum(r64(i) ^ WP[1]!, r64(i + 8) ^ WP[2]!) ^ mum(r64(i + 16) ^ WP[3]!, r64(i + 24) ^ WP[4]!),
    );
  }
  s ^= WP[0]!;
  const t = n - i;
  if (t > 0) {
    const k = (t - 1) >> 3;
    if (k === 0) s = mum(s, rest(i, t) ^ WP[1]!);
    else if (k === 1) s = mum(sw(i) ^ s, rest(i + 8, t - 8) ^ WP[2]!);
    else if (k === 2) s = mum(sw(i) ^ s, sw(i + 8) ^ WP[2]!) ^ mum(s, rest(i + 16, t - 16) ^ WP[3]!);
    else s = mum(sw(i) ^ s, sw(i + 8) ^ WP[2]!) ^ mum(sw(i + 16) ^ s, rest(i + 24, t - 24) ^ WP[4]!);
  }
  return mum(s, BigInt(n) ^ WP[5]!);
}

// wyhash of every byte prefix of PATTERN, from the Python reference (python-reference/hashes_wyhash_v1.py).
const PATTERN = enc.encode("The quick brown fox jumps over the lazy dog; 0123456789 ÄÖÜ ß € 𝄞 end.");
const WYHASH_PREFIXES = [
  "17969918002310452037",
  "15802331627926927055",
  "10969199590609356211",
  "17796095401359250348",
  "11933890666372974526",
  "256928422422715695",
  "13992974014186038726",
  "16887227980513160264",
  "6954635303171075609",
  "18363174415143893347",
  "8489662469595749745",
  "3642687773940680049",
  "18080109363593126142",
  "6122809998556603535",
  "15338517075132694180",
  "6795297130902709972",
  "3715257623156576647",
  "1088408660918943650",
  "15849106822148731316",
  "7978892160273446184",
  "3720026297929418294",
  "6299004684733139669",
  "4210044142359260791",
  "13582370657339366413",
  "8449418097817721528",
  "8597522554734582003",
  "2204301628638516591",
  "963535326991987271",
  "9392475973646634475",
  "13664351447614577518",
  "8788318925336824847",
  "3920029585161001397",
  "2480550679099986802",
  "8879000419674861988",
  "5438990460863781364",
  "13135535285712385060",
  "15768974788082087807",
  "8850386348073373916",
  "12148756208979392683",
  "16880684796594804422",
  "11736574061243635957",
  "17192144358745907195",
  "12410130256562719841",
  "17918221886670685445",
  "8246942595800352700",
  "7315065672390264078",
  "13544157079528326553",
  "11768789721734544293",
  "5520878731081619736",
  "11353456314398834712",
  "9396058671926317628",
  "6685340090252950292",
  "755651873716694702",
  "16839980064389649119",
  "5292082312539763504",
  "9423714940651030126",
  "6402707908909586149",
  "9920298728347786008",
  "9860116479927652811",
  "7514490173399906200",
  "16880366760688294025",
  "3036415922468678394",
  "12338901474414212055",
  "1225728259077823012",
  "8512792804732557530",
  "17937323074767023943",
  "7676631488925147505",
  "5644082865893463943",
  "3768221527699572788",
  "15446999971914640163",
  "7413419471078628434",
  "12968168091036437599",
  "5251575200626622609",
  "17052936728573186870",
  "9310694871239734385",
  "2954588914925950811",
  "54592618818220344",
  "18062667154436578034",
  "1132647052857382466",
  "6643343318112887440",
];

describe("xxh32", () => {
  it("matches published vectors", () => {
    expect(xxh32(enc.encode(""), 0, 0)).toBe(0x02cc5d05);
    expect(xxh32(enc.encode("a"), 0, 1)).toBe(0x550d7456);
    expect(xxh32(enc.encode("abc"), 0, 3)).toBe(0x32d153ff);
  });

  it("equals hash-wasm on random byte ranges of a larger buffer", async () => {
    const ref = await createXXHash32();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(7), (bytes, pad) => {
        const buf = new Uint8Array(pad + bytes.length + 3).fill(0xee);
        buf.set(bytes, pad);
        ref.init();
        ref.update(bytes);
        expect(xxh32(buf, pad, pad + bytes.length)).toBe(Number.parseInt(ref.digest("hex"), 16));
      }),
      { numRuns: 400 },
    );
  });
});

describe("xxh64", () => {
  it("matches published vectors", () => {
    expect(xxh64Of(enc.encode(""))).toBe(0xef46db3751d8e999n);
    expect(xxh64Of(enc.encode("a"))).toBe(0xd24ec4f1a98c6e5bn);
    expect(xxh64Of(enc.encode("abc"))).toBe(0x44bc2cf5ad770999n);
  });

  it("equals hash-wasm on random byte ranges of a larger buffer", async () => {
    const ref = await createXXHash64();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(7), (bytes, pad) => {
        const buf = new Uint8Array(pad + bytes.length + 3).fill(0xee);
        buf.set(bytes, pad);
        ref.init();
        ref.update(bytes);
        expect(xxh64Of(buf, pad, pad + bytes.length)).toBe(BigInt(`0x${ref.digest("hex")}`));
      }),
      { numRuns: 400 },
    );
  });
});

describe("wyhash v1", () => {
  it("matches the crate's documented vector (bytes 0,1,2 with seed 3)", () => {
    expect(wyhashOf(Uint8Array.of(0, 1, 2), 0, 3, 3)).toBe(0xb0f941520b1ad95dn);
    expect(refWyhash(Uint8Array.of(0, 1, 2), 3n)).toBe(0xb0f941520b1ad95dn);
  });

  it("matches the Python reference on every prefix length 0..79 (all tail shapes)", () => {
    expect(WYHASH_PREFIXES).toHaveLength(PATTERN.length + 1);
    for (let n = 0; n <= PATTERN.length; n++) {
      expect(wyhashOf(PATTERN, 0, n).toString(), `length ${n}`).toBe(WYHASH_PREFIXES[n]);
    }
  });

  it("equals a naive BigInt restatement on random byte ranges", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.nat(5), (bytes, pad) => {
        const buf = new Uint8Array(pad + bytes.length + 9).fill(0xab);
        buf.set(bytes, pad);
        expect(wyhashOf(buf, pad, pad + bytes.length)).toBe(refWyhash(bytes));
      }),
      { numRuns: 400 },
    );
  });
});

describe("md5 and sha256", () => {
  it("match the RFC 1321 and FIPS 180 vectors", () => {
    const md5Vectors: [string, string][] = [
      ["", "d41d8cd98f00b204e9800998ecf8427e"],
      ["a", "0cc175b9c0f1b6a831c399e269772661"],
      ["abc", "900150983cd24fb0d6963f7d28e17f72"],
      ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
      ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
      ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
      ["1234567890".repeat(8), "57edf4a22be3c955ac49da2e2107b67a"],
    ];
    for (const [text, hex] of md5Vectors) expect(digestHex(md5, 16, enc.encode(text))).toBe(hex);
    const shaVectors: [string, string][] = [
      ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
      ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
      [
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
      ],
      ["a".repeat(1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
    ];
    for (const [text, hex] of shaVectors) expect(digestHex(sha256, 32, enc.encode(text))).toBe(hex);
  });

  it("equal node:crypto on random byte ranges, across the 55/56/64-byte padding edges", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 260 }), fc.nat(6), (bytes, pad) => {
        const buf = new Uint8Array(pad + bytes.length + 2).fill(0x5a);
        buf.set(bytes, pad);
        const end = pad + bytes.length;
        expect(digestHex(md5, 16, buf, pad, end)).toBe(createHash("md5").update(bytes).digest("hex"));
        expect(digestHex(sha256, 32, buf, pad, end)).toBe(createHash("sha256").update(bytes).digest("hex"));
      }),
      { numRuns: 300 },
    );
    for (let n = 50; n <= 130; n++) {
      const bytes = PATTERN.subarray(0, Math.min(n, PATTERN.length));
      const data = n <= PATTERN.length ? bytes : new Uint8Array(n).fill(0x61);
      expect(digestHex(md5, 16, data)).toBe(createHash("md5").update(data).digest("hex"));
      expect(digestHex(sha256, 32, data)).toBe(createHash("sha256").update(data).digest("hex"));
    }
  });
});

describe("mulHi32", () => {
  it("equals the BigInt high word on edge and random operands", () => {
    const edges = [0, 1, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
    const check = (a: number, b: number): void => {
      expect(mulHi32(a | 0, b | 0) >>> 0).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
    };
    for (const a of edges) for (const b of edges) check(a, b);
    fc.assert(fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), check), {
      numRuns: 2000,
    });
  });
});

describe("renderers", () => {
  const decimal = (lo: number, hi: number) => {
    const out = new Uint8Array(24);
    return dec.decode(out.subarray(0, writeU64Decimal(lo, hi, out, 0)));
  };

  it("render u64 edge values as unsigned decimal", () => {
    expect(decimal(0, 0)).toBe("0");
    expect(decimal(0xffffffff, 0)).toBe("4294967295");
    expect(decimal(0, 1)).toBe("4294967296");
    expect(decimal(0xffffffff, 0xffffffff)).toBe("18446744073709551615");
    expect(decimal(0xa5100000, 0xe8d4)).toBe("256000000000000"); // q > 0 with r = 0: zero padding
    expect(decimal(1_000_001, 0)).toBe("1000001");
    expect(decimal(0x4876e801, 0x4e7a4c44)).toBe(0x4e7a4c444876e801n.toString());
  });

  it("render random u64 exactly like BigInt", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: M }), (v) => {
        expect(decimal(Number(v & 0xffffffffn), Number(v >> 32n))).toBe(v.toString());
      }),
      { numRuns: 2000 },
    );
  });

  it("render u32 and hex", () => {
    const out = new Uint8Array(40);
    expect(dec.decode(out.subarray(3, writeUintDecimal(0, out, 3)))).toBe("0");
    expect(dec.decode(out.subarray(0, writeUintDecimal(4294967295, out, 0)))).toBe("4294967295");
    expect(dec.decode(out.subarray(1, writeHex(Uint8Array.of(0, 0x0f, 0xa0, 0xff), 4, out, 1)))).toBe(
      "000fa0ff",
    );
  });
});
