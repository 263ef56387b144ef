import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HashAlgorithmNotSupportedError, InvalidArgumentError } from "../../src/errors.js";
import { parseHashAlgorithm } from "../../src/hashing/algorithms.js";
import { hashString, hashStringSync } from "../../src/hashing/hash-string.js";
import { truncateHash } from "../../src/hashing/truncate.js";
import { HASH_ALGORITHMS, type HashAlgorithm } from "../../src/kernels/kernels.js";

describe("hashString", () => {
  it("renders unsigned decimal for xxhash/wyhash and lowercase hex for md5/sha256", async () => {
    expect(await hashString("xxhash32", "hello_world")).toBe("1605956417");
    expect(await hashString("xxhash64", "")).toBe("17241709254077376921");
    expect(await hashString("wyhash", "hello_world")).toBe("16737367591072095403");
    expect(await hashString("md5", "hello_world")).toBe("99b1ff8f11781541f7f89f9bd41c4a17");
    expect(await hashString("sha256", "abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    // xxhash32 values below 10^9 are not zero-padded.
    expect(await hashString("xxhash32", "")).toBe("46947589");
  });

  it("hashes the UTF-8 bytes of multi-byte text (values from the Python reference)", async () => {
    const text = "ünïcødé 𝄞";
    expect(await hashString("xxhash32", text)).toBe("552385568");
    expect(await hashString("xxhash64", text)).toBe("11489379121509926841");
    expect(await hashString("wyhash", text)).toBe("2410925976192528414");
    expect(await hashString("md5", text)).toBe("83c41474cab262581ccabc459d83d042");
  });

  it("agrees with the synchronous TypeScript hashers on random Unicode text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HASH_ALGORITHMS),
        fc.string({ unit: "binary", maxLength: 90 }),
        async (a, s) => {
          expect(hashStringSync(a, s)).toBe(await hashString(a, s));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects unknown algorithms with HashAlgorithmNotSupportedError", async () => {
    await expect(hashString("farmhash" as HashAlgorithm, "x")).rejects.toMatchObject({
      code: "HASH_ALGORITHM_NOT_SUPPORTED",
    });
    await expect(hashString("blake3" as HashAlgorithm, "x")).rejects.toBeInstanceOf(
      HashAlgorithmNotSupportedError,
    );
    expect(() => hashStringSync("crc32" as HashAlgorithm, "x")).toThrow(HashAlgorithmNotSupportedError);
  });
});

describe("parseHashAlgorithm", () => {
  it("accepts the five names and rejects others", () => {
    for (const a of HASH_ALGORITHMS) expect(parseHashAlgorithm(a)).toBe(a);
    expect(() => parseHashAlgorithm("XXHASH64")).toThrow(/hashing: unsupported hash algorithm "XXHASH64"/);
    try {
      parseHashAlgorithm("farmhash");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HashAlgorithmNotSupportedError);
      expect((e as HashAlgorithmNotSupportedError).code).toBe("HASH_ALGORITHM_NOT_SUPPORTED");
    }
  });
});

describe("truncateHash", () => {
  it("keeps a prefix of the given length, or everything for null", () => {
    expect(truncateHash("5654987600477331689", 8)).toBe("56549876");
    expect(truncateHash("46947589", 8)).toBe("46947589");
    expect(truncateHash("4694758", 8)).toBe("4694758");
    expect(truncateHash("abc", null)).toBe("abc");
    expect(truncateHash("abc", 0)).toBe("");
  });

  it("rejects negative and fractional lengths", () => {
    expect(() => truncateHash("abc", -1)).toThrow(InvalidArgumentError);
    expect(() => truncateHash("abc", 2.5)).toThrow(/hashing: invalid truncation length 2.5/);
  });
});
