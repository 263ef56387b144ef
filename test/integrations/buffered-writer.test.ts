import { describe, expect, it } from "vitest";
import { columnValues } from "../../src/arrow/read-values.js";
import { METAXY_CREATED_AT } from "../../src/constants.js";
import {
  FeatureNotFoundError,
  InvalidArgumentError,
  InvalidKeyError,
  MetadataSchemaError,
  WriterStateError,
} from "../../src/errors.js";
import type { BatchInput } from "../../src/integrations/batch-input.js";
import { BufferedMetadataWriter } from "../../src/integrations/writer/buffered-metadata-writer.js";
import { checkWriterOptions } from "../../src/integrations/writer/buffered-writer-options.js";
import { withBufferedWriter } from "../../src/integrations/writer/with-buffered-writer.js";
import type { FeatureKeyInput } from "../../src/models/feature-key.js";
import type { MetadataStore } from "../../src/store/metadata-store.js";
import { expectThrow } from "../conformance/harness.js";
import { deltaStore, memoryStore, sortedColumn, until, videoGraph, videoRows } from "./fixtures.js";

/** Distinct write timestamps of the stored rows: one per flush that wrote the feature. */
async function flushCount(store: MetadataStore, feature: string): Promise<number> {
  const table = await store.withOpen("r", (s) => s.read(feature, { columns: [METAXY_CREATED_AT] }));
  return new Set(columnValues(table.getChild(METAXY_CREATED_AT)!, "raw")).size;
}

async function storedIds(store: MetadataStore, feature: string): Promise<unknown[]> {
  return sortedColumn(await store.withOpen("r", (s) => s.read(feature)), "video_id");
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("BufferedMetadataWriter", () => {
  it("flushes once flushBatchSize rows are pending, in batches", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    const writer = new BufferedMetadataWriter(store, { flushBatchSize: 2, flushIntervalMs: 60_000 });
    writer.start();
    await writer.put({ "video/raw": videoRows([1]) });
    expect(writer.numWritten).toEqual({});
    await writer.put({ "video/raw": videoRows([2]) });
    await until(() => writer.numWritten["video/raw"] === 2);
    await writer.put({ "video/raw": videoRows([3]) });
    await writer.put({ "video/raw": videoRows([4]) });
    await until(() => writer.numWritten["video/raw"] === 4);
    await writer.put({ "video/raw": videoRows([5]) });
    expect(await writer.stop()).toEqual({ "video/raw": 5 });
    expect(await storedIds(store, "video/raw")).toEqual([1, 2, 3, 4, 5]);
    expect(await flushCount(store, "video/raw")).toBe(3);
    expect(writer.hasError).toBe(false);
  });

  it("flushes flushIntervalMs after the start without any call", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    const writer = new BufferedMetadataWriter(store, { flushIntervalMs: 20 });
    writer.start();
    await writer.put({ "video/raw": videoRows([1, 2]) });
    await writer.put({ "video/raw": videoRows([3]) });
    await until(() => writer.numWritten["video/raw"] === 3);
    expect(await flushCount(store, "video/raw")).toBe(1);
    // The interval elapsed with nothing pending: the next put is written at once.
    await new Promise((resolve) => setTimeout(resolve, 40));
    await writer.put({ "video/raw": videoRows([4]) });
    await until(() => writer.numWritten["video/raw"] === 4);
    expect(await writer.stop()).toEqual({ "video/raw": 4 });
    expect(await flushCount(store, "video/raw")).toBe(2);
  });

  it("writes several features per flush, dependents and Map keys included, on flush() and stop()", async () => {
    const { graph, video, faces } = videoGraph();
    const store = deltaStore(graph);
    const faceRows = [1, 2].map((id) => ({
      video_id: id,
      video_path: `/v/${id}.mp4`,
      n_faces: id,
      metaxy_provenance_by_field: { faces: `x${id}` },
    }));
    const writer = new BufferedMetadataWriter(store);
    writer.start();
    await writer.put(
      new Map<FeatureKeyInput, BatchInput>([
        [video, videoRows([1, 2])],
        [faces, faceRows],
      ]),
    );
    await writer.flush();
    expect(writer.numWritten).toEqual({ "video/raw": 2, "video/faces": 2 });
    await writer.put({ "video/raw": videoRows([3]) });
    expect(await writer.stop()).toEqual({ "video/raw": 3, "video/faces": 2 });
    expect(await writer.stop()).toEqual({ "video/raw": 3, "video/faces": 2 });
    expect(await storedIds(store, "video/raw")).toEqual([1, 2, 3]);
    expect(await storedIds(store, "video/faces")).toEqual([1, 2]);
  });

  it("refuses calls out of order with WriterStateError", async () => {
    const { graph } = videoGraph();
    const writer = new BufferedMetadataWriter(memoryStore(graph));
    expect(await writer.stop()).toEqual({});
    const early = await rejection(writer.put({ "video/raw": videoRows([1]) }));
    expect(early).toBeInstanceOf(WriterStateError);
    expect((early as WriterStateError).code).toBe("WRITER_STATE");
    expect((early as Error).message).toBe(
      "buffered writer: put() before start(); call start() first or use withBufferedWriter",
    );
    writer.start();
    expectThrow(() => writer.start(), WriterStateError, "WRITER_STATE", /start\(\) called twice/);
    await writer.stop();
    const late = await rejection(writer.put({ "video/raw": videoRows([1]) }));
    expect((late as Error).message).toBe("buffered writer: put() after stop() (the writer is stopped)");
  });

  it("checks keys at put and options at construction", async () => {
    const { graph } = videoGraph();
    const writer = new BufferedMetadataWriter(memoryStore(graph));
    writer.start();
    const bad = await rejection(writer.put({ "Video/Raw": videoRows([1]) }));
    expect(bad).toBeInstanceOf(InvalidKeyError);
    await writer.stop();
    expect(checkWriterOptions({})).toEqual({ flushBatchSize: null, flushIntervalMs: 2000, maxQueueSize: 0 });
    for (const options of [{ flushBatchSize: 0 }, { flushIntervalMs: -1 }, { maxQueueSize: 1.5 }]) {
      expectThrow(
        () => new BufferedMetadataWriter(memoryStore(graph), options),
        InvalidArgumentError,
        "INVALID_ARGUMENT",
      );
    }
    expectThrow(
      () => checkWriterOptions({ flushBatchSize: 2.5 }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
      /^buffered writer: flushBatchSize must be a positive integer, got 2\.5$/,
    );
  });

  it("after a failed flush, puts, flush and stop throw with the failure as cause", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    const writer = new BufferedMetadataWriter(store, { flushIntervalMs: 60_000 });
    writer.start();
    await writer.put({ "video/unknown": [{ video_id: 1 }] });
    const failed = await rejection(writer.flush());
    expect(failed).toBeInstanceOf(WriterStateError);
    expect((failed as Error).cause).toBeInstanceOf(FeatureNotFoundError);
    expect((failed as Error).message).toBe(
      'buffered writer: a flush failed, the writer accepts no more rows: graph: feature "video/unknown" is not in the graph',
    );
    expect(writer.hasError).toBe(true);
    const put = await rejection(writer.put({ "video/raw": videoRows([1]) }));
    expect((put as Error).cause).toBeInstanceOf(FeatureNotFoundError);
    const stopped = await rejection(writer.stop());
    expect(stopped).toBeInstanceOf(WriterStateError);
    expect(await store.withOpen("r", (s) => s.hasFeature("video/raw"))).toBe(false);
  });

  it("a background flush failure surfaces at the next put (schema error)", async () => {
    const { graph } = videoGraph();
    const writer = new BufferedMetadataWriter(memoryStore(graph), { flushBatchSize: 1 });
    writer.start();
    await writer.put({ "video/raw": [{ video_id: 1, path: "no provenance" }] });
    await until(() => writer.hasError);
    const next = await rejection(writer.put({ "video/raw": videoRows([2]) }));
    expect((next as Error).cause).toBeInstanceOf(MetadataSchemaError);
    expect(writer.numWritten).toEqual({});
  });

  it("with maxQueueSize, put waits while a flush runs and the queue is full", async () => {
    const { graph } = videoGraph();
    const store = deltaStore(graph);
    const bounded = new BufferedMetadataWriter(store, { flushBatchSize: 1, maxQueueSize: 1 });
    bounded.start();
    await bounded.put({ "video/raw": videoRows([1]) }); // starts a flush
    await bounded.put({ "video/raw": videoRows([2]) }); // waits in the queue
    expect(bounded.numWritten).toEqual({});
    await bounded.put({ "video/raw": videoRows([3]) }); // queue full: waits for the first flush
    expect(bounded.numWritten["video/raw"]).toBeGreaterThanOrEqual(1);
    expect(await bounded.stop()).toEqual({ "video/raw": 3 });
    expect(await storedIds(store, "video/raw")).toEqual([1, 2, 3]);

    const unbounded = new BufferedMetadataWriter(deltaStore(graph), { flushBatchSize: 1 });
    unbounded.start();
    for (const id of [1, 2, 3]) await unbounded.put({ "video/raw": videoRows([id]) });
    expect(unbounded.numWritten).toEqual({});
    expect(await unbounded.stop()).toEqual({ "video/raw": 3 });
  });
});

describe("withBufferedWriter", () => {
  it("starts, runs, stops: resolves to fn's result once everything is written", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    const result = await withBufferedWriter(store, { flushIntervalMs: 60_000 }, async (writer) => {
      await writer.put({ "video/raw": videoRows([1, 2]) });
      await writer.put({ "video/raw": videoRows([3]) });
      return "done";
    });
    expect(result).toBe("done");
    expect(await storedIds(store, "video/raw")).toEqual([1, 2, 3]);
    expect(await flushCount(store, "video/raw")).toBe(1);
  });

  it("writes what was put before fn failed, then rethrows fn's error", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    const boom = new Error("boom");
    const error = await rejection(
      withBufferedWriter(store, {}, async (writer) => {
        await writer.put({ "video/raw": videoRows([7]) });
        throw boom;
      }),
    );
    expect(error).toBe(boom);
    expect(await storedIds(store, "video/raw")).toEqual([7]);
  });
});
