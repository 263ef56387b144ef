/**
 * Where our time goes: `node --import tsx bench/resolve-update/profile.ts [--n 1M] [--scenario
 * simple|wide] [--config paper|exact] [--rounds 3] [--kernels native|portable]`. For each phase it
 * sets up one round (as the benchmark does), runs the staged copy of resolveUpdate
 * (profile-stages.ts) `rounds` times in fresh processes (median per stage), one DuckDB
 * measurement, and one real measurement with the V8 profiler on around its timed region, whose self
 * time it groups by area and function. Prints markdown and writes it to bench/results/profile-<scenario>-<n>.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, Option } from "commander";
import { getKernels } from "../../src/kernels/index.js";
import { compileClosure } from "./compile.js";
import { summarizeCpuProfile } from "./cpu-profile-summary.js";
import { CONFIGS, type ConfigName, duckdbJob } from "./duckdb-sql.js";
import { buildScenario, SCENARIOS, type ScenarioName } from "./graphs.js";
import {
  duckdbLeafPath,
  type Measurement,
  PHASES,
  type PhaseName,
  type RoundSpec,
  storeDir,
} from "./jobs.js";
import type { StageTimes } from "./profile-stages.js";
import { type ChildRunner, childRunner } from "./spawn-child.js";
import { summarize } from "./stats.js";
import { activeFiles, type KernelKind } from "./store.js";

interface ProfileOptions {
  readonly n: number;
  readonly scenario: ScenarioName;
  readonly config: ConfigName;
  readonly rounds: number;
  readonly kernels: KernelKind;
  readonly out: string;
}

async function main(o: ProfileOptions): Promise<void> {
  const run = childRunner(
    compileClosure("bench/resolve-update/child.ts", "node_modules/.cache/metaxy-bench"),
  );
  const dir = mkdtempSync(join(tmpdir(), "metaxy-profile-"));
  const round: RoundSpec = { scenario: o.scenario, n: o.n, config: o.config, kernels: o.kernels, dir };
  const out: string[] = [
    `# Profile: ${o.scenario}, N = ${o.n.toLocaleString("en-US")}, ${o.config} config, ${o.kernels} kernels`,
    "",
  ];
  try {
    for (const phase of PHASES) {
      await run({ kind: phase === "new" ? "setup-new" : "setup-stale", round }, dir, `setup-${phase}`);
      out.push(...(await profilePhase(run, round, phase, o.rounds)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const text = `${out.join("\n")}\n`;
  mkdirSync(o.out, { recursive: true });
  const path = join(o.out, `profile-${o.scenario}-${o.n}.md`);
  writeFileSync(path, text);
  process.stdout.write(`${text}\nwrote ${path}\n`);
}

async function profilePhase(
  run: ChildRunner,
  round: RoundSpec,
  phase: PhaseName,
  rounds: number,
): Promise<string[]> {
  const stages: StageTimes[] = [];
  const projected: StageTimes[] = [];
  for (let r = 0; r < rounds; r++) {
    stages.push(
      await run<StageTimes>(
        { kind: "profile-stages", round, projected: false },
        round.dir,
        `stages-${phase}-${r}`,
      ),
    );
    projected.push(
      await run<StageTimes>(
        { kind: "profile-stages", round, projected: true },
        round.dir,
        `projected-${phase}-${r}`,
      ),
    );
  }
  const real: Measurement[] = [];
  const duck: Measurement[] = [];
  const job = duckdbJob(buildScenario(round.scenario), round.config, await peerFiles(round));
  for (let r = 0; r < rounds; r++) {
    real.push(await run<Measurement>({ kind: "ours", round, phase }, round.dir, `ours-${phase}-${r}`));
    duck.push(
      await run<Measurement>(
        { kind: "duckdb", config: round.config, statements: job.timed, tables: job.tables },
        round.dir,
        `duckdb-${phase}-${r}`,
      ),
    );
  }
  const profile = join(round.dir, `ours-${phase}.cpuprofile`);
  await run({ kind: "ours", round, phase, cpuProfile: profile }, round.dir, `prof-${phase}`);
  const cpu = summarizeCpuProfile(profile, 25);
  const median = (xs: readonly number[]) => summarize(xs).median;
  const ours = median(real.map((m) => m.ms));
  const peer = median(duck.map((m) => m.ms));
  const lines = [
    `## ${phase} phase`,
    "",
    `resolveUpdate as measured (median of ${rounds}): ours ${ours.toFixed(0)} ms (CPU ${median(real.map((m) => m.cpuMs)).toFixed(0)} ms), ` +
      `DuckDB ${peer.toFixed(0)} ms (CPU ${median(duck.map((m) => m.cpuMs)).toFixed(0)} ms): ratio ${(ours / peer).toFixed(2)}×`,
    "",
    "| stage (staged copy of resolveUpdate) | median ms | share | with projected reads, ms |",
    "|---|---:|---:|---:|",
  ];
  const names = Object.keys(stages[0]!);
  const total = median(stages.map((s) => s.total ?? 0));
  for (const name of names) {
    const ms = median(stages.map((s) => s[name] ?? 0));
    const alt = median(projected.map((s) => s[name] ?? 0));
    const share = name === "total" ? "" : `${((ms / total) * 100).toFixed(0)}%`;
    lines.push(`| ${name} | ${ms.toFixed(1)} | ${share} | ${alt.toFixed(1)} |`);
  }
  lines.push(
    "",
    `CPU profile of the timed region of one real run (${cpu.totalMs.toFixed(0)} ms sampled, self time):`,
    "",
  );
  lines.push("| area | ms | share |", "|---|---:|---:|");
  for (const a of cpu.areas)
    lines.push(`| ${a.name} | ${a.ms.toFixed(0)} | ${(a.share * 100).toFixed(1)}% |`);
  lines.push("", "| function | ms | share |", "|---|---:|---:|");
  for (const f of cpu.functions) {
    lines.push(`| \`${f.name}\` | ${f.ms.toFixed(0)} | ${(f.share * 100).toFixed(1)}% |`);
  }
  lines.push("");
  return lines;
}

async function peerFiles(round: RoundSpec) {
  const scenario = buildScenario(round.scenario);
  const roots: Record<string, readonly string[]> = {};
  for (const r of scenario.roots) {
    roots[r.feature.key.toString()] = (await activeFiles(storeDir(round), r.feature.key))!;
  }
  const ourLeaf = await activeFiles(storeDir(round), scenario.leaf.key);
  const leaf = ourLeaf === null ? null : round.config === "paper" ? [duckdbLeafPath(round)] : ourLeaf;
  return { roots, leaf };
}

function parse(argv: readonly string[]): ProfileOptions {
  const o = new Command("profile")
    .option("--n <rows>", "rows per root", "1000000")
    .addOption(new Option("--scenario <name>").choices([...SCENARIOS]).default("simple"))
    .addOption(new Option("--config <name>").choices([...CONFIGS]).default("paper"))
    .option("--rounds <k>", "rounds per stage measurement", "3")
    .addOption(new Option("--kernels <kind>").choices(["native", "portable"]))
    .option("--out <dir>", "output directory", "bench/results")
    .parse([...argv], { from: "user" })
    .opts<{
      n: string;
      scenario: ScenarioName;
      config: ConfigName;
      rounds: string;
      kernels?: KernelKind;
      out: string;
    }>();
  return {
    n: Number(o.n.replace(/[kK]$/, "000").replace(/[mM]$/, "000000")),
    scenario: o.scenario,
    config: o.config,
    rounds: Number(o.rounds),
    kernels: o.kernels ?? getKernels().kind,
    out: o.out,
  };
}

main(parse(process.argv.slice(2))).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
