/**
 * Store-level concurrency with real processes: several writer processes calling `write` on one
 * feature at once (local disk, and S3 through the project's conditional-PUT server), and a writer
 * killed in the middle of its writes.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableToRows } from "../../../src/arrow/table-to-rows.js";
import { DeltaMetadataStore } from "../../../src/store/delta-store/delta-metadata-store.js";
import { type S3Server, startS3Server } from "../../support/s3-server.js";
import { concurrencyGraph } from "./concurrency-graph.js";
import { REPO, tempDir, testServerOptions, uniquePrefix } from "./helpers.js";

const WRITER = fileURLToPath(new URL("./store-writer.ts", import.meta.url));
const WORKERS = 4;
const CALLS = 20;

interface Writer {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with stdout once the process exited with status 0. */
  readonly done: Promise<string>;
  /** Resolves when stdout contains `marker`. */
  waitFor(marker: string): Promise<void>;
}

function startWriter(config: object): Writer {
  const child = spawn(process.execPath, ["--import", "tsx", WRITER, JSON.stringify(config)], { cwd: REPO });
  let stdout = "";
  let stderr = "";
  const waiters: Array<{ marker: string; resolve: () => void }> = [];
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
    for (const w of waiters.splice(0)) {
      if (stdout.includes(w.marker)) w.resolve();
      else waiters.push(w);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  const done = new Promise<string>((resolve, reject) => {
    child.on("exit", (code, signal) =>
      code === 0 ? resolve(stdout) : reject(new Error(`writer exited with ${code ?? signal}: ${stderr}`)),
    );
  });
  return {
    child,
    done,
    waitFor: (marker) =>
      Promise.race([
        new Promise<void>((resolve) => {
          if (stdout.includes(marker)) resolve();
          else waiters.push({ marker, resolve });
        }),
        done.then(() => {
          throw new Error(`writer exited before printing ${marker}`);
        }),
      ]),
  };
}

/** WORKERS processes × CALLS writes of 2 rows; then every row is stored exactly once. */
async function concurrentWrites(rootPath: string, storageOptions?: Record<string, string>) {
  const writers = Array.from({ length: WORKERS }, (_, worker) =>
    startWriter({ mode: "write", rootPath, storageOptions, worker, count: CALLS, rows: 2 }),
  );
  await Promise.all(writers.map((w) => w.waitFor("ready\n")));
  const go = `go ${Date.now() + 200}\n`;
  for (const w of writers) w.child.stdin.write(go);
  await Promise.all(writers.map((w) => w.done));

  const { graph, samples } = concurrencyGraph();
  const store = new DeltaMetadataStore({ graph, rootPath, ...(storageOptions ? { storageOptions } : {}) });
  const table = await store.withOpen("r", (s) => s.read(samples, { withSampleHistory: true }));
  const ids = tableToRows(table).map((r) => r.sample_uid as string);
  const expected = Array.from({ length: WORKERS }, (_, w) =>
    Array.from({ length: CALLS }, (_, c) => [`w${w}-${c}-0`, `w${w}-${c}-1`]),
  ).flat(2);
  expect(ids.sort()).toEqual(expected.sort());
}

describe("concurrent writer processes", () => {
  it(`${WORKERS} processes × ${CALLS} writes on a local store: every row exactly once`, async () => {
    await concurrentWrites(await tempDir());
  }, 180_000);

  describe("on S3 (the project's conditional-PUT server)", () => {
    let server: S3Server;
    beforeAll(async () => {
      server = await startS3Server({ buckets: ["metaxy"] });
    });
    afterAll(async () => {
      await server.close();
    });

    it(`${WORKERS} processes × ${CALLS} writes: every row exactly once`, async () => {
      await concurrentWrites(`s3://metaxy/${uniquePrefix("processes")}`, testServerOptions(server.endpoint));
    }, 180_000);
  });

  it("a writer killed in the middle of its writes leaves whole writes only, and the store writable", async () => {
    const rootPath = await tempDir();
    const rows = 20_000;
    const writer = startWriter({ mode: "crash", rootPath, worker: 7, count: 0, rows });
    await writer.waitFor("writing 3\n");
    // Encoding and committing 20k rows takes a while: the kill lands inside write #3 (or just after).
    await new Promise((resolve) => setTimeout(resolve, 40));
    writer.child.kill("SIGKILL");
    await expect(writer.done).rejects.toThrow("writer exited with SIGKILL");

    const { graph, samples } = concurrencyGraph();
    const store = new DeltaMetadataStore({ graph, rootPath });
    await store.withOpen("w", async (s) => {
      const stored = tableToRows(await s.read(samples, { withSampleHistory: true, columns: ["call"] }));
      const perCall = new Map<number, number>();
      for (const r of stored) perCall.set(r.call as number, (perCall.get(r.call as number) ?? 0) + 1);
      const calls = [...perCall.keys()].sort((a, b) => a - b);
      // Writes 0..2 completed before "writing 3"; the interrupted write is there whole or not at all.
      expect(calls.length).toBeGreaterThanOrEqual(3);
      expect(calls).toEqual(Array.from({ length: calls.length }, (_, i) => i));
      for (const count of perCall.values()) expect(count).toBe(rows);
      // The store stays writable after the crash.
      await s.write(samples, [
        { sample_uid: "after", worker: 0, call: 99, metaxy_provenance_by_field: { default: "x" } },
      ]);
      expect((await s.read(samples, { filters: ["call = 99"] })).numRows).toBe(1);
    });
  }, 120_000);
});
