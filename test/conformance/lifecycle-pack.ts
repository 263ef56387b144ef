/**
 * Lifecycle pack: open/close nesting with a mode stack, withOpen, errors before open, display,
 * capabilities, construction checks.
 */
import { describe, expect, it } from "vitest";
import { HashAlgorithmNotSupportedError, InvalidArgumentError, StoreNotOpenError } from "../../src/errors.js";
import type { HashAlgorithm } from "../../src/kernels/kernels.js";
import type { AccessMode } from "../../src/store/metadata-store.js";
import { rootRows, videoGraph } from "./graphs.js";
import { type ConformanceTarget, expectError, makeStore } from "./harness.js";

/** Registers the lifecycle pack for one target. */
export function lifecyclePack(target: ConformanceTarget): void {
  describe(`lifecycle [${target.label}]`, () => {
    it("declares its capabilities and displays its name", async () => {
      const { graph } = videoGraph();
      const store = await makeStore(target, graph, { name: "dev" });
      expect(store.capabilities).toEqual(target.capabilities);
      expect(store.display()).toMatch(/^\[dev\] \w+MetadataStore\(/);
      expect((await makeStore(target, graph)).display()).not.toMatch(/^\[/);
      expect(store.hashTruncationLength).toBe(graph.hashTruncationLength);
    });

    it("refuses every read API before open", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      expect(store.isOpen).toBe(false);
      expect(store.mode).toBeNull();
      await expectError(store.read(video), StoreNotOpenError, "STORE_NOT_OPEN", /open/);
      await expectError(store.hasFeature(video), StoreNotOpenError, "STORE_NOT_OPEN");
      await expectError(
        store.resolveUpdate(video, { samples: rootRows("video_id", [1], ["audio", "frames"]) }),
        StoreNotOpenError,
        "STORE_NOT_OPEN",
      );
      await expectError(store.close(), StoreNotOpenError, "STORE_NOT_OPEN", /without a matching open/);
      await expectError(store.open("x" as AccessMode), InvalidArgumentError, "INVALID_ARGUMENT", /"x"/);
      expect(store.isOpen).toBe(false);
    });

    it("nests opens: the innermost mode applies, the outermost close disconnects", async () => {
      const { graph, video } = videoGraph();
      const store = await makeStore(target, graph);
      await store.open("r");
      await store.open("w");
      expect(store.mode).toBe("w");
      await store.write(video, rootRows("video_id", [1], ["audio", "frames"]));
      await store.close();
      expect(store.mode).toBe("r");
      await expectError(
        store.write(video, rootRows("video_id", [2], ["audio", "frames"])),
        StoreNotOpenError,
        "STORE_NOT_OPEN",
      );
      expect((await store.read(video)).numRows).toBe(1);
      await store.close();
      expect(store.isOpen).toBe(false);
      // data outlives close: reopen and read
      expect((await store.withOpen("r", (s) => s.read(video))).numRows).toBe(1);
      await Promise.all([store.open("r"), store.open("r")]);
      expect(store.isOpen).toBe(true);
      await store.close();
      await store.close();
      expect(store.isOpen).toBe(false);
    });

    it("withOpen resolves to the callback's result and closes on error", async () => {
      const { graph } = videoGraph();
      const store = await makeStore(target, graph);
      expect(await store.withOpen("r", async (s) => (s.isOpen ? 42 : 0))).toBe(42);
      expect(store.isOpen).toBe(false);
      await expect(
        store.withOpen("w", () => {
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(store.isOpen).toBe(false);
    });

    it("rejects unsupported hash algorithms at construction", async () => {
      const { graph } = videoGraph();
      await expectError(
        makeStore(target, graph, { hashAlgorithm: "crc32" as HashAlgorithm }),
        HashAlgorithmNotSupportedError,
        "HASH_ALGORITHM_NOT_SUPPORTED",
        /"crc32"/,
      );
    });
  });
}
