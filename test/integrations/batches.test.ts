import type { RecordBatch } from "apache-arrow";
import { Table } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { InvalidArgumentError, MetadataSchemaError, WriterStateError } from "../../src/errors.js";
import { createSink } from "../../src/integrations/batches/create-sink.js";
import { METAXY_STATUS } from "../../src/integrations/batches/metaxy-status.js";
import { readBatches } from "../../src/integrations/batches/read-batches.js";
import type { MetadataStore } from "../../src/store/metadata-store.js";
import { deltaStore, memoryStore, sortedColumn, videoGraph, videoRows } from "./fixtures.js";

async function collect(batches: AsyncIterable<RecordBatch>): Promise<RecordBatch[]> {
  const out: RecordBatch[] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

function rowsOf(batches: readonly RecordBatch[]): Record<string, unknown>[] {
  return batches.flatMap((b) => tableToRows(new Table(b)));
}

/** video 1..3 stored; faces stored for 1 (n_faces 0) and 2 (n_faces 2); then video 2 changes. */
async function seeded(store: MetadataStore) {
  await store.withOpen("w", async (s) => {
    await s.write("video/raw", videoRows([1, 2, 3]));
    const { new: todo } = await s.resolveUpdate("video/faces");
    const done = tableToRows(todo)
      .filter((r) => r.video_id !== 3)
      .map((r) => ({ ...r, n_faces: r.video_id === 1 ? 0 : 2 }));
    await s.write("video/faces", done);
    await s.write("video/raw", videoRows([2], "-v2"));
  });
}

describe("readBatches", () => {
  it("yields the current rows as record batches of at most batchSize rows", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    await store.withOpen("w", (s) => s.write("video/raw", videoRows([1, 2, 3, 4, 5])));
    const batches = await collect(
      readBatches(store, "video/raw", { batchSize: 2, columns: ["video_id", "path"] }),
    );
    expect(batches.map((b) => b.numRows)).toEqual([2, 2, 1]);
    expect(batches[0]!.schema.fields.map((f) => f.name)).toEqual(["video_id", "path"]);
    expect(rowsOf(batches).map((r) => r.video_id)).toEqual([1, 2, 3, 4, 5]);
    expect(rowsOf(batches)[4]).toEqual({ video_id: 5, path: "/v/5.mp4" });
    expect(store.isOpen).toBe(false);
  });

  it("applies filters and read options; without batchSize the batches come as read", async () => {
    const { graph } = videoGraph();
    const store = deltaStore(graph);
    await store.withOpen("w", async (s) => {
      await s.write("video/raw", videoRows([1, 2, 3]));
      await s.write("video/raw", videoRows([4]));
    });
    const filtered = await collect(readBatches(store, "video/raw", { filters: ["video_id >= 2"] }));
    expect(
      rowsOf(filtered)
        .map((r) => r.video_id)
        .sort(),
    ).toEqual([2, 3, 4]);
    const all = await collect(readBatches(store, "video/raw"));
    expect(all.reduce((n, b) => n + b.numRows, 0)).toBe(4);
    expect(all.every((b) => b.numRows > 0)).toBe(true);
  });

  it("incremental: new rows then stale rows, with metaxy_status", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    await seeded(store);
    const batches = await collect(
      readBatches(store, "video/faces", { incremental: true, columns: ["video_id"] }),
    );
    expect(batches[0]!.schema.fields.map((f) => f.name)).toEqual(["video_id", METAXY_STATUS]);
    expect(rowsOf(batches)).toEqual([
      { video_id: 3, metaxy_status: "new" },
      { video_id: 2, metaxy_status: "stale" },
    ]);
    const everything = rowsOf(await collect(readBatches(store, "video/faces", { incremental: true })));
    expect(Object.keys(everything[0]!).at(-1)).toBe(METAXY_STATUS);
    expect(everything.map((r) => r.video_path)).toEqual(["/v/3.mp4", "/v/2.mp4"]);
  });

  it("incremental: filters are target filters (as in Python); global filters narrow everything", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    await seeded(store);
    // Target filters hide stored rows only, so the filtered-out samples look unprocessed.
    const targetFiltered = await collect(
      readBatches(store, "video/faces", {
        incremental: true,
        columns: ["video_id"],
        filters: ["video_id = 3"],
      }),
    );
    expect(
      rowsOf(targetFiltered)
        .map((r) => `${r.video_id}:${r.metaxy_status}`)
        .sort(),
    ).toEqual(["1:new", "2:new", "3:new"]);
    const globalFiltered = await collect(
      readBatches(store, "video/faces", {
        incremental: true,
        columns: ["video_id"],
        resolveOptions: { globalFilters: ["video_id >= 2"] },
      }),
    );
    expect(rowsOf(globalFiltered)).toEqual([
      { video_id: 3, metaxy_status: "new" },
      { video_id: 2, metaxy_status: "stale" },
    ]);
  });

  it("incremental: staleness predicates mark stored rows stale", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    await seeded(store);
    const predicated = await collect(
      readBatches(store, "video/faces", {
        incremental: true,
        columns: ["video_id"],
        stalenessPredicates: ["n_faces = 0"],
        batchSize: 1,
      }),
    );
    expect(predicated.map((b) => b.numRows)).toEqual([1, 1, 1]);
    expect(
      rowsOf(predicated)
        .map((r) => `${r.video_id}:${r.metaxy_status}`)
        .sort(),
    ).toEqual(["1:stale", "2:stale", "3:new"]);
  });

  it("incremental root features take samples through resolveOptions", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    await store.withOpen("w", (s) => s.write("video/raw", videoRows([1, 2])));
    const batches = await collect(
      readBatches(store, "video/raw", {
        incremental: true,
        columns: ["video_id"],
        resolveOptions: { samples: [...videoRows([1]), ...videoRows([2], "-v2"), ...videoRows([3])] },
      }),
    );
    expect(rowsOf(batches)).toEqual([
      { video_id: 3, metaxy_status: "new" },
      { video_id: 2, metaxy_status: "stale" },
    ]);
  });

  it("rejects a bad batchSize before reading", async () => {
    const { graph } = videoGraph();
    const iterator = readBatches(memoryStore(graph), "video/raw", { batchSize: 0 });
    await expect(iterator.next()).rejects.toThrow(InvalidArgumentError);
    await expect(readBatches(memoryStore(graph), "video/raw", { batchSize: 1.5 }).next()).rejects.toThrow(
      "batches: batchSize must be a positive integer, got 1.5",
    );
  });
});

describe("createSink", () => {
  it("copies batches read from one store into another", async () => {
    const { graph } = videoGraph();
    const source = memoryStore(graph);
    await source.withOpen("w", (s) => s.write("video/raw", videoRows([1, 2, 3, 4, 5])));
    const dest = deltaStore(graph);
    const sink = createSink(dest, "video/raw", { materializationId: "copy-1" });
    for await (const batch of readBatches(source, "video/raw", { batchSize: 2 })) await sink.write(batch);
    expect(sink.result).toEqual({ rowsWritten: 5, rowsFailed: 0 });
    expect(await sink.close()).toEqual({ rowsWritten: 5, rowsFailed: 0 });
    const stored = await dest.withOpen("r", (s) => s.read("video/raw"));
    expect(sortedColumn(stored, "video_id")).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(sortedColumn(stored, "metaxy_materialization_id"))).toEqual(new Set(["copy-1"]));
  });

  it("counts failed rows instead of throwing, reports them, and refuses writes after close", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    const failures: [unknown, number][] = [];
    const sink = createSink(store, "video/raw", { onError: (error, rows) => failures.push([error, rows]) });
    await Promise.all([
      sink.write(videoRows([1, 2])),
      sink.write([{ video_id: 3 }, { video_id: 4 }, { video_id: 5 }]),
      sink.write(videoRows([6])),
    ]);
    expect(await sink.close()).toEqual({ rowsWritten: 3, rowsFailed: 3 });
    expect(failures).toHaveLength(1);
    expect(failures[0]![0]).toBeInstanceOf(MetadataSchemaError);
    expect(failures[0]![1]).toBe(3);
    await expect(sink.write(videoRows([7]))).rejects.toThrow(WriterStateError);
    await expect(sink.write(videoRows([7]))).rejects.toThrow('sink: write() after close() for "video/raw"');
    expect(sortedColumn(await store.withOpen("r", (s) => s.read("video/raw")), "video_id")).toEqual([
      1, 2, 6,
    ]);
  });

  it("reports failures as a process warning by default", async () => {
    const { graph } = videoGraph();
    const warned = new Promise<Error>((resolve) => {
      const listener = (warning: Error) => {
        if (warning.name !== "MetaxyWarning") return;
        process.off("warning", listener);
        resolve(warning);
      };
      process.on("warning", listener);
    });
    const sink = createSink(memoryStore(graph), "video/raw");
    await sink.write([{ video_id: 1 }, { video_id: 2 }]);
    expect((await warned).message).toBe(
      'sink: failed to write 2 row(s) of "video/raw": store: cannot write "video/raw": column "metaxy_provenance_by_field" is missing (columns: video_id)',
    );
    expect(await sink.close()).toEqual({ rowsWritten: 0, rowsFailed: 2 });
  });

  it("an onError that throws rejects that write only", async () => {
    const { graph } = videoGraph();
    const store = memoryStore(graph);
    const sink = createSink(store, "video/raw", {
      onError: () => {
        throw new Error("handler failed");
      },
    });
    await expect(sink.write([{ video_id: 1 }])).rejects.toThrow("handler failed");
    await sink.write(videoRows([2]));
    expect(await sink.close()).toEqual({ rowsWritten: 1, rowsFailed: 1 });
  });
});
