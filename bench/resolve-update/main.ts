/**
 * The paper's resolveUpdate benchmark (metaxy-features §8) against DuckDB; see
 * bench/resolve-update/README.md. `npm run bench -- [--n 10k,1M] [--large] [--rounds k]
 * [--scenario simple|wide] [--config paper|exact] [--kernels native|portable]`.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { getKernels } from "../../src/kernels/index.js";
import { compileClosure } from "./compile.js";
import type { ConfigName } from "./duckdb-sql.js";
import type { ScenarioName } from "./graphs.js";
import { type Measurement, PHASES, type PhaseName } from "./jobs.js";
import { type BenchOptions, parseOptions, roundsFor } from "./options.js";
import { plotSvg } from "./plot-svg.js";
import { markdownReport } from "./report-markdown.js";
import { type BenchRun, type CellResult, summarizeSide } from "./results.js";
import { measurePhase, prepareTemplates } from "./run-round.js";
import { type ChildRunner, childRunner } from "./spawn-child.js";
import type { KernelKind } from "./store.js";

/** Where the children's JavaScript is compiled to (see compile.ts). */
const CHILD_BUILD_DIR = "node_modules/.cache/metaxy-bench";

interface Family {
  readonly scenario: ScenarioName;
  readonly n: number;
  readonly config: ConfigName;
}

async function main(options: BenchOptions): Promise<void> {
  if (options.render !== null) {
    writeOutputs(JSON.parse(readFileSync(options.render, "utf8")) as BenchRun, options.out);
    return;
  }
  const kernels: KernelKind = options.kernels ?? getKernels().kind;
  const started = performance.now();
  const loadStart = loadavg();
  const families: Family[] = options.ns.flatMap((n) =>
    options.scenarios.flatMap((scenario) => options.configs.map((config) => ({ scenario, n, config }))),
  );
  const runner = childRunner(compileClosure("bench/resolve-update/child.ts", CHILD_BUILD_DIR));
  const cells: CellResult[] = [];
  for (const family of families) cells.push(...(await runFamily(family, kernels, options, runner)));
  cells.sort(
    (a, b) =>
      a.scenario.localeCompare(b.scenario) ||
      a.n - b.n ||
      a.phase.localeCompare(b.phase) ||
      b.config.localeCompare(a.config),
  );
  const run: BenchRun = {
    meta: {
      date: new Date().toISOString(),
      commit: gitCommit(),
      node: process.versions.node,
      duckdb: duckdbVersion(),
      cpu: cpus()[0]?.model.trim() ?? "unknown",
      cores: cpus().length,
      memoryGib: Math.round(totalmem() / 2 ** 30),
      kernels,
      loadAverage: { start: loadStart, end: loadavg() },
      durationS: (performance.now() - started) / 1000,
    },
    cells,
  };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, "resolve-update.json"), `${JSON.stringify(run, null, 2)}\n`);
  writeOutputs(run, options.out);
}

function writeOutputs(run: BenchRun, out: string): void {
  mkdirSync(out, { recursive: true });
  const markdown = markdownReport(run);
  writeFileSync(join(out, "resolve-update.md"), markdown);
  writeFileSync(join(out, "resolve-update.svg"), plotSvg(run));
  process.stdout.write(`${markdown}\nwrote ${out}/resolve-update.{md,svg}\n`);
}

async function runFamily(
  family: Family,
  kernels: KernelKind,
  options: BenchOptions,
  runner: ChildRunner,
): Promise<CellResult[]> {
  const rounds = roundsFor(options, family.n);
  const byPhase = new Map<PhaseName, { ours: Measurement[]; duckdb: Measurement[] }>();
  const template = mkdtempSync(join(tmpdir(), "metaxy-bench-template-"));
  const cleanup = [template, `${template}-new`];
  try {
    const t0 = performance.now();
    const templates = await prepareTemplates({ ...family, kernels, dir: template }, runner);
    process.stderr.write(
      `${family.scenario} n=${family.n} ${family.config}: setup ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    for (let r = 0; r < rounds; r++) {
      for (const phase of PHASES) {
        const dir = mkdtempSync(join(tmpdir(), "metaxy-bench-"));
        cleanup.push(dir);
        cpSync(templates[phase], dir, { recursive: true });
        const { ours, duckdb } = await measurePhase({ ...family, kernels, dir }, phase, r, runner);
        const slot = byPhase.get(phase) ?? { ours: [], duckdb: [] };
        slot.ours.push(ours);
        slot.duckdb.push(duckdb);
        byPhase.set(phase, slot);
        process.stderr.write(
          `${family.scenario} n=${family.n} ${phase} ${family.config} round ${r + 1}/${rounds}: ` +
            `ours ${ours.ms.toFixed(0)} ms, DuckDB ${duckdb.ms.toFixed(0)} ms\n`,
        );
        if (!options.keep) rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    if (!options.keep) for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }
  return [...byPhase].map(([phase, slot]) => ({
    ...family,
    phase,
    rounds: slot,
    ours: summarizeSide(slot.ours),
    duckdb: summarizeSide(slot.duckdb),
  }));
}

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src"], { encoding: "utf8" }).trim();
    return dirty === "" ? head : `${head} (src modified)`;
  } catch {
    return "unknown";
  }
}

function duckdbVersion(): string {
  try {
    const pkg = execFileSync(process.execPath, ["-p", "require('@duckdb/node-api/package.json').version"], {
      encoding: "utf8",
    });
    return pkg.trim();
  } catch {
    return "unknown";
  }
}

main(parseOptions(process.argv.slice(2))).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
