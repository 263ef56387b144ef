/**
 * Child-process entry of the benchmark: `node --import tsx child.ts <job.json> <result.json>`.
 * Setup jobs write the round's data; measurement jobs write a `Measurement`. Each measurement runs
 * in its own process so that its time and peak RSS are its own.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { ChildJob, Measurement } from "./jobs.js";
import { measureDuckdb } from "./measure-duckdb.js";
import { measureOurs } from "./measure-ours.js";
import { setupNew, setupStale } from "./setup.js";

async function run(job: ChildJob): Promise<Measurement | null> {
  switch (job.kind) {
    case "setup-new":
      await setupNew(job.round);
      return null;
    case "setup-stale":
      await setupStale(job.round);
      return null;
    case "ours":
      return measureOurs(job.round);
    case "duckdb":
      return measureDuckdb(job.config, job.statements, job.tables);
  }
}

const [jobPath, resultPath] = process.argv.slice(2);
if (jobPath === undefined || resultPath === undefined) {
  process.stderr.write("usage: child.ts <job.json> <result.json>\n");
  process.exit(2);
}
run(JSON.parse(readFileSync(jobPath, "utf8")) as ChildJob).then(
  (result) => writeFileSync(resultPath, JSON.stringify(result)),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
