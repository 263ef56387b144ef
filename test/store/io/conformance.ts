import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError, ObjectStoreError } from "../../../src/errors.js";
import type { ObjectStore } from "../../../src/store/io/object-store.js";

/** What a backend under test promises beyond the basic contract. */
export interface ConformanceOptions {
  /** The server honours `If-None-Match: *` (s3rver does not). */
  readonly conditionalPut: boolean;
}

const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));

// Code-point order: "-" (2D) < "." (2E) < "/" (2F) < "0" < "A" < "a" < "é" < U+FFFF < U+1F600 (UTF-16 `<`
// would put the emoji before U+FFFF). No key is also a "directory" of another: a filesystem cannot
// hold both a file `a/b` and a file `a/b/c`.
const ORDERED_KEYS = ["A", "a-b", "a.b", "a/b.json", "a/b/c", "a/c", "a0", "b", "é", "\uffff", "😀"];

/**
 * The `ObjectStore` contract, run against any backend. `fresh` returns an empty store (a new
 * directory, or a new prefix in a shared bucket) for each test.
 *
 * @example
 * describeObjectStore("local", async () => new LocalObjectStore(await mkdtemp(…)), { conditionalPut: true });
 */
export function describeObjectStore(
  name: string,
  fresh: () => Promise<ObjectStore>,
  options: ConformanceOptions,
): void {
  describe(`ObjectStore conformance: ${name}`, () => {
    it("answers null for a missing object and round-trips bytes", async () => {
      const store = await fresh();
      expect(await store.get("missing.json")).toBeNull();
      expect(await store.head("missing.json")).toBeNull();
      await store.put("dir/sub/value.json", text('{"a":1}'));
      const got = await store.get("dir/sub/value.json");
      expect(got).toBeInstanceOf(Uint8Array);
      expect(decode(got)).toBe('{"a":1}');
      expect(await store.head("dir/sub/value.json")).toEqual({ size: 7 });
      // A "directory" is not an object.
      expect(await store.get("dir")).toBeNull();
      expect(await store.head("dir/sub")).toBeNull();
    });

    it("keeps binary bodies byte for byte, including the empty body", async () => {
      const store = await fresh();
      const all = Uint8Array.from({ length: 256 }, (_, i) => i);
      await store.put("bin/all-bytes", all);
      await store.put("bin/empty", new Uint8Array(0));
      expect([...(await store.get("bin/all-bytes"))!]).toEqual([...all]);
      expect((await store.get("bin/empty"))!.length).toBe(0);
      expect(await store.head("bin/empty")).toEqual({ size: 0 });
    });

    it("put replaces an existing object", async () => {
      const store = await fresh();
      await store.put("k", text("first, longer"));
      await store.put("k", text("second"));
      expect(decode(await store.get("k"))).toBe("second");
      expect(await store.head("k")).toEqual({ size: 6 });
    });

    it("reads explicit byte ranges and rejects ranges past the end", async () => {
      const store = await fresh();
      await store.put("r.bin", text("0123456789"));
      expect(decode(await store.getRange("r.bin", 0, 4))).toBe("0123");
      expect(decode(await store.getRange("r.bin", 3, 7))).toBe("3456");
      expect(decode(await store.getRange("r.bin", 6, 10))).toBe("6789");
      expect((await store.getRange("r.bin", 10, 10)).length).toBe(0);
      expect((await store.getRange("r.bin", 4, 4)).length).toBe(0);
      const past = await store.getRange("r.bin", 5, 11).catch((e: unknown) => e);
      expect(past).toBeInstanceOf(ObjectStoreError);
      expect((past as ObjectStoreError).code).toBe("OBJECT_STORE");
      expect((past as Error).message).toContain(
        `object store: getRange "r.bin" in ${store.display}: range [5, 11) is beyond the object size of 10 bytes`,
      );
      const start = await store.getRange("r.bin", 12, 14).catch((e: unknown) => e);
      expect(start).toBeInstanceOf(ObjectStoreError);
      const missing = await store.getRange("nope.bin", 0, 1).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(ObjectStoreError);
      expect((missing as Error).message).toContain('"nope.bin"');
      expect((missing as Error).message).toContain("not found");
      const emptyMissing = await store.getRange("nope.bin", 0, 0).catch((e: unknown) => e);
      expect(emptyMissing).toBeInstanceOf(ObjectStoreError);
      for (const [s, e] of [
        [4, 2],
        [-1, 2],
        [0.5, 2],
        [0, Number.NaN],
      ] as const) {
        const bad = await store.getRange("r.bin", s, e).catch((x: unknown) => x);
        expect(bad).toBeInstanceOf(InvalidArgumentError);
        expect((bad as InvalidArgumentError).code).toBe("INVALID_ARGUMENT");
      }
    });

    it("lists keys with sizes in code-point order, filtered by prefix", async () => {
      const store = await fresh();
      for (const key of [...ORDERED_KEYS].reverse()) await store.put(key, text(key));
      const all = await store.list("");
      expect(all.map((o) => o.key)).toEqual(ORDERED_KEYS);
      expect(all.map((o) => o.size)).toEqual(ORDERED_KEYS.map((k) => Buffer.byteLength(k)));
      expect((await store.list("a/")).map((o) => o.key)).toEqual(["a/b.json", "a/b/c", "a/c"]);
      expect((await store.list("a/b")).map((o) => o.key)).toEqual(["a/b.json", "a/b/c"]);
      expect((await store.list("a")).map((o) => o.key)).toEqual([
        "a-b",
        "a.b",
        "a/b.json",
        "a/b/c",
        "a/c",
        "a0",
      ]);
      expect((await store.list("a.")).map((o) => o.key)).toEqual(["a.b"]);
      expect(await store.list("zzz/")).toEqual([]);
      expect(await store.list("a/b/c/d/")).toEqual([]);
    });

    it("delete removes an object and ignores missing ones", async () => {
      const store = await fresh();
      await store.put("d/1", text("1"));
      await store.put("d/2", text("2"));
      await store.delete("d/1");
      await store.delete("d/1");
      await store.delete("never/existed");
      expect(await store.get("d/1")).toBeNull();
      expect(await store.list("d/")).toEqual([{ key: "d/2", size: 1 }]);
    });

    it("handles keys with spaces, unicode and URL-special characters", async () => {
      const store = await fresh();
      const keys = [
        "sp ace/a b.json",
        "ünï/cødé 😀.txt",
        "q/a+b=c&d",
        "q/100%",
        "q/(x)!'*~",
        "q/semi;colon,comma@at$",
      ];
      for (const key of keys) await store.put(key, text(`body of ${key}`));
      for (const key of keys) {
        expect(decode(await store.get(key))).toBe(`body of ${key}`);
        expect(await store.head(key)).toEqual({ size: Buffer.byteLength(`body of ${key}`) });
        expect(decode(await store.getRange(key, 0, 7))).toBe("body of");
      }
      const sorted = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
      expect((await store.list("")).map((o) => o.key)).toEqual(sorted);
      expect((await store.list("q/a+")).map((o) => o.key)).toEqual(["q/a+b=c&d"]);
      expect((await store.list("sp ace/")).map((o) => o.key)).toEqual(["sp ace/a b.json"]);
      for (const key of keys) await store.delete(key);
      expect(await store.list("")).toEqual([]);
    });

    it("stores a multi-megabyte object and reads its tail by range", async () => {
      const store = await fresh();
      const big = new Uint8Array(randomBytes(3 * 1024 * 1024 + 17));
      await store.put("big/blob.bin", big);
      expect(await store.head("big/blob.bin")).toEqual({ size: big.length });
      const back = await store.get("big/blob.bin");
      expect(Buffer.compare(back!, big)).toBe(0);
      const tail = await store.getRange("big/blob.bin", big.length - 8, big.length);
      expect([...tail]).toEqual([...big.subarray(big.length - 8)]);
      expect((await store.list("big/"))[0]).toEqual({ key: "big/blob.bin", size: big.length });
    });

    it("putIfAbsent creates a missing object", async () => {
      const store = await fresh();
      expect(await store.putIfAbsent("_delta_log/00000000000000000000.json", text("v0"))).toBe(true);
      expect(decode(await store.get("_delta_log/00000000000000000000.json"))).toBe("v0");
      expect(await store.list("_delta_log/")).toEqual([
        { key: "_delta_log/00000000000000000000.json", size: 2 },
      ]);
    });

    if (options.conditionalPut) {
      it("putIfAbsent refuses an existing object and leaves it unchanged", async () => {
        const store = await fresh();
        await store.put("log/1.json", text("original"));
        expect(await store.putIfAbsent("log/1.json", text("intruder"))).toBe(false);
        expect(decode(await store.get("log/1.json"))).toBe("original");
      });

      it("putIfAbsent has exactly one winner among concurrent writers", async () => {
        const store = await fresh();
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.putIfAbsent("race/0.json", text(`writer ${i}`))),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(decode(await store.get("race/0.json"))).toBe(`writer ${results.indexOf(true)}`);
      });
    }

    it("rejects invalid keys and prefixes with InvalidArgumentError", async () => {
      const store = await fresh();
      const attempts: Promise<unknown>[] = [
        store.get(""),
        store.get("/abs"),
        store.get("a//b"),
        store.put("../escape", text("x")),
        store.head("a/./b"),
        store.putIfAbsent("a/", text("x")),
        store.delete("a/b.~tmp~123"),
        store.list("/x"),
        store.list("a/../"),
      ];
      for (const attempt of attempts) {
        const error = await attempt.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidArgumentError);
        expect((error as InvalidArgumentError).code).toBe("INVALID_ARGUMENT");
      }
    });
  });
}
