/**
 * Child-process entry of the benchmark: `node --import tsx child.ts <job.json> <result.json>`.
 * Setup jobs write the round's data; measurement jobs write a `Measurement`. Each measurement runs
 * in its own process so that its time and peak RSS are its own; each job imports only what it
 * runs (a DuckDB child does not load our engine, ours does not load DuckDB).
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { ChildJob, Measurement } from "./jobs.js";
import type { StageTimes } from "./profile-stages.js";

async function run(job: ChildJob): Promise<Measurement | StageTimes | null> {
  switch (job.kind) {
    case "setup-new":
      await (await import("./setup.js")).setupNew(job.round);
      return null;
    case "setup-stale":
      await (await import("./setup.js")).setupStale(job.round);
      return null;
    case "profile-stages":
      return (await import("./profile-stages.js")).profileStages(job.round, job.projected);
    case "ours":
      return (await import("./measure-ours.js")).measureOurs(job.round, job.cpuProfile);
    case "duckdb":
      return (await import("./measure-duckdb.js")).measureDuckdb(job.config, job.statements, job.tables);
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
