import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChildJob, Measurement } from "./jobs.js";

/**
 * Runs one job in a fresh child process (see {@link childRunner}).
 *
 * @example
 * const run: ChildRunner = childRunner(script);
 */
export type ChildRunner = <T = Measurement | null>(
  job: ChildJob,
  dir: string,
  name: string,
  nodeArgs?: readonly string[],
) => Promise<T>;

/**
 * A runner of `script` (child.js from `compileClosure`, or child.ts, which then runs under
 * tsx): each call starts a fresh Node process, passes the job and gets the result as JSON files in
 * `dir`, and rejects with the child's stderr when it fails. `nodeArgs` go before the script (e.g.
 * `--cpu-prof`).
 *
 * @example
 * const run = childRunner(compiledChild);
 * const m = await run({ kind: "ours", round, phase: "new" }, round.dir, "ours-new");
 */
export function childRunner(script: string): ChildRunner {
  const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
  return (job, dir, name, nodeArgs = []) => {
    const jobPath = join(dir, `${name}.job.json`);
    const resultPath = join(dir, `${name}.result.json`);
    writeFileSync(jobPath, JSON.stringify(job));
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeArgs, ...loader, script, jobPath, resultPath], {
        stdio: ["ignore", "inherit", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on("error", reject);
      child.on("close", (code, signal) => {
        if (code !== 0) {
          reject(new Error(`bench: child ${name} failed (${signal ?? `exit ${code}`}):\n${stderr.trim()}`));
          return;
        }
        resolve(JSON.parse(readFileSync(resultPath, "utf8")));
      });
    });
  };
}
