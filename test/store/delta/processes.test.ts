import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Int32, Table, vectorFromArray } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { commitKey } from "../../../src/store/delta/log-files.js";
import type { ObjectStore } from "../../../src/store/io/object-store.js";
import { S3ObjectStore } from "../../../src/store/io/s3.js";
import type { S3Options } from "../../../src/store/io/s3-options.js";
import { type S3Server, startS3Server } from "../../support/s3-server.js";
import { REPO, tempStore } from "./helpers.js";

const WRITER = fileURLToPath(new URL("./delta-writer.ts", import.meta.url));
// Four processes on a two-core machine: these two tests take seconds, more when the machine is busy.
const WORKERS = 4;
const APPENDS = 20;

const schema = new Table({
  writer: vectorFromArray([0], new Int32()),
  seq: vectorFromArray([0], new Int32()),
}).schema;

interface Writer {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the process printed, once it has exited with status 0. */
  readonly done: Promise<string>;
  /** Resolves with stdout so far when it contains `marker`. */
  waitFor(marker: string): Promise<string>;
}

function startWriter(config: object): Writer {
  const child = spawn(process.execPath, ["--import", "tsx", WRITER, JSON.stringify(config)], { cwd: REPO });
  let stdout = "";
  let stderr = "";
  const waiters: Array<{ marker: string; resolve: (s: string) => void }> = [];
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
    for (const w of waiters.splice(0)) {
      if (stdout.includes(w.marker)) w.resolve(stdout);
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
        new Promise<string>((resolve) => {
          if (stdout.includes(marker)) resolve(stdout);
          else waiters.push({ marker, resolve });
        }),
        done.then(() => {
          throw new Error(`writer exited before printing ${marker}`);
        }),
      ]),
  };
}

/** Runs WORKERS processes × APPENDS appends against one table and checks the log and the rows. */
async function concurrentAppends(store: ObjectStore, target: { localRoot?: string; s3?: S3Options }) {
  await DeltaTable.create(store, "t", schema);
  const writers = Array.from({ length: WORKERS }, (_, worker) =>
    startWriter({ mode: "append", table: "t", worker, count: APPENDS, ...target }),
  );
  await Promise.all(writers.map((w) => w.waitFor("ready\n")));
  const go = `go ${Date.now() + 200}\n`;
  for (const w of writers) w.child.stdin.write(go);
  const outputs = await Promise.all(writers.map((w) => w.done));

  const versions = outputs.flatMap((o) => (JSON.parse(o.split("\n")[1]!) as { versions: number[] }).versions);
  const total = WORKERS * APPENDS;
  expect(versions.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  for (let v = 0; v <= total; v++) expect(await store.head(commitKey("t", v))).not.toBeNull();
  expect(await store.head(commitKey("t", total + 1))).toBeNull();

  const table = (await DeltaTable.open(store, "t"))!;
  expect(table.version).toBe(total);
  const data = await table.read();
  const pairs = data.toArray().map((r) => `${r.writer}/${r.seq}`);
  expect(pairs.sort()).toEqual(
    Array.from({ length: WORKERS }, (_, w) => Array.from({ length: APPENDS }, (_, i) => `${w}/${i}`))
      .flat()
      .sort(),
  );
  // Whoever committed a multiple of 10 also checkpointed it.
  const last = JSON.parse(new TextDecoder().decode((await store.get("t/_delta_log/_last_checkpoint"))!));
  expect(last.version % 10).toBe(0);
  expect(last.version).toBeGreaterThanOrEqual(10);
  for (let v = 10; v <= total; v += 10) {
    expect(await store.head(`t/_delta_log/${String(v).padStart(20, "0")}.checkpoint.parquet`)).not.toBeNull();
  }
}

describe("real processes", () => {
  it("a writer killed between its data file and its log entry leaves no partial rows", async () => {
    const { root, store } = await tempStore();
    const table = await DeltaTable.create(store, "t", schema);
    await table.append(
      new Table({ writer: vectorFromArray([9], new Int32()), seq: vectorFromArray([1], new Int32()) }),
    );
    const writer = startWriter({ mode: "crash", table: "t", worker: 1, count: 0, localRoot: root });
    const out = await writer.waitFor("\n");
    const staged = /^staged (\S+)\n/.exec(out)![1]!;
    writer.child.kill("SIGKILL");
    await expect(writer.done).rejects.toThrow("writer exited with SIGKILL");

    // The orphan file is on disk, but no log entry names it.
    expect(await readdir(join(root, "t"))).toContain(staged);
    const after = (await DeltaTable.open(store, "t"))!;
    expect(after.version).toBe(1);
    expect(after.snapshot.files.map((f) => f.path)).not.toContain(staged);
    const data = await after.read();
    expect(data.toArray().map((r) => r.toJSON())).toEqual([{ writer: 9, seq: 1 }]);
    // Writers carry on from there.
    const next = await after.append(
      new Table({ writer: vectorFromArray([9], new Int32()), seq: vectorFromArray([2], new Int32()) }),
    );
    expect(next?.version).toBe(2);
  });

  it(`${WORKERS} processes × ${APPENDS} appends on a local table: every row once, versions contiguous`, async () => {
    const { root, store } = await tempStore();
    await concurrentAppends(store, { localRoot: root });
  }, 180_000);

  describe("on S3 (the project's conditional-PUT server)", () => {
    let server: S3Server;
    beforeAll(async () => {
      server = await startS3Server({ buckets: ["delta"] });
    });
    afterAll(async () => {
      await server.close();
    });

    it(`${WORKERS} processes × ${APPENDS} appends: every row once, versions contiguous`, async () => {
      const s3: S3Options = {
        bucket: "delta",
        prefix: "lake",
        endpoint: server.endpoint,
        allowHttp: true,
        skipSignature: true,
      };
      await concurrentAppends(new S3ObjectStore(s3), { s3 });
    }, 180_000);
  });
});
