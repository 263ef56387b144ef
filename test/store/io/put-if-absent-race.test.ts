import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalObjectStore } from "../../../src/store/io/local.js";
import type { ObjectStore } from "../../../src/store/io/object-store.js";
import { S3ObjectStore } from "../../../src/store/io/s3.js";
import type { S3Options } from "../../../src/store/io/s3-options.js";
import { type S3Server, startS3Server } from "../../support/s3-server.js";

const RACER = fileURLToPath(new URL("../../support/put-if-absent-racer.ts", import.meta.url));
const WORKERS = 4;
const KEYS = 50;
const CREDENTIALS = { accessKeyId: "AKIARACETEST", secretAccessKey: "race/secret" };

let server: S3Server;
let localRoot: string;
beforeAll(async () => {
  server = await startS3Server({ buckets: ["race"], credentials: CREDENTIALS });
  localRoot = await mkdtemp(join(tmpdir(), "metaxy-race-"));
});
afterAll(async () => {
  await server.close();
  await rm(localRoot, { recursive: true, force: true });
});

/** Spawns a racer and resolves once it has loaded and said `ready`. */
function startRacer(
  config: object,
): Promise<{ child: ChildProcessWithoutNullStreams; output: Promise<string> }> {
  const child = spawn(process.execPath, ["--import", "tsx", RACER, JSON.stringify(config)], {
    cwd: fileURLToPath(new URL("../../..", import.meta.url)),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  const output = new Promise<string>((resolve, reject) => {
    child.on("exit", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`racer exited with ${code}: ${stderr}`)),
    );
  });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", () => {
      if (stdout.startsWith("ready\n")) resolve({ child, output });
    });
    output.catch(reject);
  });
}

async function winnersOf(store: ObjectStore): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < KEYS; i++) {
    const body = await store.get(`race/${String(i).padStart(3, "0")}.json`);
    out.push(new TextDecoder().decode(body!));
  }
  return out;
}

describe("putIfAbsent across processes", () => {
  it(`${WORKERS} processes racing on ${KEYS} keys: exactly one winner per key, local and S3`, async () => {
    const s3: S3Options = { bucket: "race", endpoint: server.endpoint, allowHttp: true, ...CREDENTIALS };
    const racers = await Promise.all(
      Array.from({ length: WORKERS }, (_, worker) => startRacer({ worker, keys: KEYS, localRoot, s3 })),
    );
    const startAt = Date.now() + 300;
    for (const { child } of racers) child.stdin.write(`go ${startAt}\n`);
    const results = (await Promise.all(racers.map((r) => r.output))).map(
      (out) => JSON.parse(out.slice("ready\n".length)) as { local: number[]; s3: number[] },
    );

    for (const [backend, store] of [
      ["local", new LocalObjectStore(localRoot)],
      ["s3", new S3ObjectStore(s3)],
    ] as const) {
      const wins = results.map((r) => r[backend]);
      // Every key won exactly once overall…
      expect(wins.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: KEYS }, (_, i) => i));
      // …and the stored body is the winner's.
      const expected = Array.from(
        { length: KEYS },
        (_, i) => `worker ${wins.findIndex((w) => w.includes(i))}`,
      );
      expect(await winnersOf(store)).toEqual(expected);
      expect(await store.list("race/")).toHaveLength(KEYS);
    }
  });
});
