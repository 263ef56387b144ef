/**
 * A separate writer process for the crash and concurrency tests. argv[2] is JSON
 * `{ mode, table, worker, count, localRoot?, s3? }`:
 * - `crash`: stages one batch (the data file is written, no log entry), prints `staged <key>` and
 *   waits to be killed;
 * - `append`: prints `ready`, waits for `go <epoch ms>` on stdin, then appends `count` one-row
 *   batches `{ writer, seq }` and prints the committed versions as JSON.
 */
import { once } from "node:events";
import { Int32, Table, vectorFromArray } from "apache-arrow";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { LocalObjectStore } from "../../../src/store/io/local.js";
import type { ObjectStore } from "../../../src/store/io/object-store.js";
import { S3ObjectStore } from "../../../src/store/io/s3.js";
import type { S3Options } from "../../../src/store/io/s3-options.js";

interface WriterConfig {
  readonly mode: "crash" | "append";
  readonly table: string;
  readonly worker: number;
  readonly count: number;
  readonly localRoot?: string;
  readonly s3?: S3Options;
}

function rows(worker: number, seqs: number[]): Table {
  return new Table({
    writer: vectorFromArray(
      seqs.map(() => worker),
      new Int32(),
    ),
    seq: vectorFromArray(seqs, new Int32()),
  });
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as WriterConfig;
  const store: ObjectStore =
    config.s3 !== undefined ? new S3ObjectStore(config.s3) : new LocalObjectStore(config.localRoot!);
  const table = await DeltaTable.open(store, config.table);
  if (table === null) throw new Error(`no table ${config.table}`);

  if (config.mode === "crash") {
    const staged = await table.stage(
      rows(
        config.worker,
        Array.from({ length: 1000 }, (_, i) => i),
      ),
    );
    process.stdout.write(`staged ${staged.adds[0]!.path}\n`);
    setInterval(() => {}, 1000);
    return;
  }

  process.stdout.write("ready\n");
  const [line] = (await once(process.stdin, "data")) as [Buffer];
  const startAt = Number(line.toString().split(" ")[1]);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const versions: number[] = [];
  for (let i = 0; i < config.count; i++) {
    const result = await table.append(rows(config.worker, [i]));
    versions.push(result!.version);
  }
  process.stdout.write(`${JSON.stringify({ versions })}\n`);
  process.stdin.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
