/**
 * A separate writer process for the store-level concurrency and crash tests. argv[2] is JSON
 * `{ mode, rootPath, storageOptions?, worker, count, rows }`:
 * - `write`: opens a DeltaMetadataStore in "w", prints `ready`, waits for `go <epoch ms>` on stdin,
 *   then makes `count` `write` calls of `rows` rows each (`sample_uid` = `w<worker>-<call>-<row>`)
 *   and prints `done`;
 * - `crash`: makes write calls of `rows` rows forever, printing `writing <call>` before and
 *   `wrote <call>` after each, until it is killed.
 */
import { once } from "node:events";
import { DeltaMetadataStore } from "../../../src/store/delta-store/delta-metadata-store.js";
import { concurrencyGraph } from "./concurrency-graph.js";

interface WriterConfig {
  readonly mode: "write" | "crash";
  readonly rootPath: string;
  readonly storageOptions?: Record<string, string>;
  readonly worker: number;
  readonly count: number;
  readonly rows: number;
}

function batch(worker: number, call: number, rows: number) {
  return Array.from({ length: rows }, (_, r) => ({
    sample_uid: `w${worker}-${call}-${r}`,
    worker,
    call,
    metaxy_provenance_by_field: { default: `p${worker}.${call}.${r}` },
  }));
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as WriterConfig;
  const { graph, samples } = concurrencyGraph();
  const store = new DeltaMetadataStore({
    graph,
    rootPath: config.rootPath,
    ...(config.storageOptions === undefined ? {} : { storageOptions: config.storageOptions }),
  });
  await store.open("w");
  if (config.mode === "crash") {
    for (let call = 0; ; call++) {
      process.stdout.write(`writing ${call}\n`);
      await store.write(samples, batch(config.worker, call, config.rows));
      process.stdout.write(`wrote ${call}\n`);
    }
  }
  process.stdout.write("ready\n");
  const [line] = (await once(process.stdin, "data")) as [Buffer];
  const startAt = Number(line.toString().split(" ")[1]);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  for (let call = 0; call < config.count; call++) {
    await store.write(samples, batch(config.worker, call, config.rows));
  }
  await store.close();
  process.stdout.write("done\n");
  process.stdin.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
