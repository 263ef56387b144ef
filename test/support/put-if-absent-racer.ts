/**
 * A separate process that races `putIfAbsent` on the same keys as its siblings, for the concurrency
 * test. argv[2] is JSON `{ worker, keys, localRoot, s3 }`. It prints `ready`, waits for
 * `go <epoch ms>` on stdin and starts at that moment, like its siblings, then prints
 * `{"local":[…],"s3":[…]}`: the key numbers it won.
 */
import { once } from "node:events";
import { LocalObjectStore } from "../../src/store/io/local.js";
import type { ObjectStore } from "../../src/store/io/object-store.js";
import { S3ObjectStore } from "../../src/store/io/s3.js";
import type { S3Options } from "../../src/store/io/s3-options.js";

interface RacerConfig {
  readonly worker: number;
  readonly keys: number;
  readonly localRoot: string;
  readonly s3: S3Options;
}

// Per key, local then S3: the S3 round trip paces the loop, so the racers' local attempts overlap too.
async function race(stores: readonly ObjectStore[], config: RacerConfig): Promise<number[][]> {
  const body = new TextEncoder().encode(`worker ${config.worker}`);
  const won: number[][] = stores.map(() => []);
  for (let i = 0; i < config.keys; i++) {
    const key = `race/${String(i).padStart(3, "0")}.json`;
    for (const [s, store] of stores.entries()) {
      if (await store.putIfAbsent(key, body)) won[s]!.push(i);
    }
  }
  return won;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as RacerConfig;
  const local = new LocalObjectStore(config.localRoot);
  const s3 = new S3ObjectStore(config.s3);
  process.stdout.write("ready\n");
  const [line] = (await once(process.stdin, "data")) as [Buffer];
  // "go <epoch ms>": sleep most of the way, then spin, so all racers leave the gate together.
  const startAt = Number(line.toString().split(" ")[1]);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now() - 20)));
  while (Date.now() < startAt) {
    // spin
  }
  const [localWins, s3Wins] = await race([local, s3], config);
  process.stdout.write(`${JSON.stringify({ local: localWins, s3: s3Wins })}\n`);
  process.stdin.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
