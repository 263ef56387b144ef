/**
 * Basic example pipeline: runs the parent step, then the child step, each as its own process (as
 * separate jobs of an orchestrator would), and reports whether anything had to be recomputed.
 *
 * Run from the repository root: `npm run example -- basic`.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const EXAMPLE_DIR = dirname(fileURLToPath(import.meta.url));

/** Runs one step script with the same Node flags (the TypeScript loader) as this process. */
function runStep(script: string, captureOutput: boolean) {
  return spawnSync(process.execPath, [...process.execArgv, join(EXAMPLE_DIR, script)], {
    stdio: captureOutput ? ["inherit", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
  });
}

console.log("Pipeline");
console.log("=".repeat(60));

console.log("\n[1/2] Computing parent feature...");
const parentStep = runStep("compute-parent.ts", false);
if (parentStep.status !== 0) {
  console.log("✗ Parent computation failed");
  process.exit(1);
}

console.log("\n[2/2] Computing child feature...");
const childStep = runStep("compute-child.ts", true);
if (childStep.status !== 0) {
  console.log("✗ Child computation failed");
  console.log(childStep.stderr);
  process.exit(1);
}
console.log(childStep.stdout);

if (childStep.stdout.includes("Identified: 0 new samples, 0 samples with new provenance_by_field")) {
  console.log("No changes detected (idempotent)");
}
if (childStep.stdout.includes("changed samples")) {
  console.log("Note: Recomputation occurred due to algorithm change");
}

console.log("\n✅ Pipeline complete!");
