import { cpSync } from "node:fs";
import { duckdbJob, type PeerFiles } from "./duckdb-sql.js";
import { buildScenario } from "./graphs.js";
import {
  checksumKind,
  duckdbLeafPath,
  type Measurement,
  type PhaseName,
  type RoundSpec,
  storeDir,
} from "./jobs.js";
import type { ChildRunner } from "./spawn-child.js";
import { activeFiles } from "./store.js";

/**
 * Both sides' measurements of one phase of one round.
 *
 * @example
 * const { ours, duckdb }: PhaseResult = await measurePhase(round, "new", 0, runChild);
 */
export interface PhaseResult {
  readonly phase: PhaseName;
  readonly ours: Measurement;
  readonly duckdb: Measurement;
}

/**
 * The two store states a family's rounds start from, set up once (untimed) in `family.dir`:
 * `new` (roots written) is copied aside to `<dir>-new`, then the setup continues into `stale` (leaf
 * written, DuckDB's own leaf in the paper configuration, root 0 mutated) in `dir` itself. The
 * timed regions only read, so a round that copies a template into a fresh directory measures the
 * same thing as one that rebuilt it.
 *
 * @example
 * const templates = await prepareTemplates(family, childRunner(childScript));
 * cpSync(templates.new, roundDir, { recursive: true });
 */
export async function prepareTemplates(
  family: RoundSpec,
  runChild: ChildRunner,
): Promise<Readonly<Record<PhaseName, string>>> {
  await runChild({ kind: "setup-new", round: family }, family.dir, "setup-new");
  const fresh = `${family.dir}-new`;
  cpSync(family.dir, fresh, { recursive: true });
  await runChild({ kind: "setup-stale", round: family }, family.dir, "setup-stale");
  return { new: fresh, stale: family.dir };
}

/**
 * Measures one phase of one round whose directory holds the phase's store state: both sides, each
 * in its own child process, in an order that alternates with the round number so neither always
 * runs on a warmer machine. The pair is checked — the increments must agree in counts and
 * checksums (ids + provenance in `exact`, ids in `paper`) and have the expected sizes — else this
 * throws.
 *
 * @example
 * const { ours, duckdb } = await measurePhase(round, "stale", 0, runChild);
 */
export async function measurePhase(
  round: RoundSpec,
  phase: PhaseName,
  index: number,
  runChild: ChildRunner,
): Promise<PhaseResult> {
  const scenario = buildScenario(round.scenario);
  const root = storeDir(round);
  const roots: Record<string, readonly string[]> = {};
  for (const r of scenario.roots) {
    const files = await activeFiles(root, r.feature.key);
    if (files === null) throw new Error(`bench: root "${r.feature.key}" has no table in ${root}`);
    roots[r.feature.key.toString()] = files;
  }
  const ourLeaf = await activeFiles(root, scenario.leaf.key);
  const leaf = ourLeaf === null ? null : round.config === "paper" ? [duckdbLeafPath(round)] : ourLeaf;
  const files: PeerFiles = { roots, leaf };
  const job = duckdbJob(scenario, round.config, files);
  const runOurs = async () => (await runChild({ kind: "ours", round, phase }, round.dir, `ours-${phase}`))!;
  const runDuckdb = async () =>
    (await runChild(
      { kind: "duckdb", config: round.config, statements: job.timed, tables: job.tables },
      round.dir,
      `duckdb-${phase}`,
    ))!;
  let ours: Measurement;
  let duckdb: Measurement;
  if (index % 2 === 0) {
    ours = await runOurs();
    duckdb = await runDuckdb();
  } else {
    duckdb = await runDuckdb();
    ours = await runOurs();
  }
  check(round, phase, ours, duckdb);
  return { phase, ours, duckdb };
}

function check(round: RoundSpec, phase: PhaseName, ours: Measurement, duckdb: Measurement): void {
  const where = `${round.scenario} n=${round.n} ${phase} ${round.config}`;
  const problems: string[] = [];
  for (const part of ["new", "stale", "orphaned"] as const) {
    if (ours.counts[part] !== duckdb.counts[part]) {
      problems.push(`${part}: ours ${ours.counts[part]} rows, DuckDB ${duckdb.counts[part]}`);
    }
  }
  for (const part of ["new", "stale"] as const) {
    if (ours.checksums[part] !== duckdb.checksums[part]) {
      problems.push(
        `${part}: ${checksumKind(round.config)} checksum differs (ours ${ours.checksums[part]}, DuckDB ${duckdb.checksums[part]})`,
      );
    }
  }
  const expectNew = phase === "new" ? round.n : 0;
  if (ours.counts.new !== expectNew) problems.push(`new: ${ours.counts.new} rows, expected ${expectNew}`);
  if (phase === "new" && ours.counts.stale !== 0)
    problems.push(`stale: ${ours.counts.stale} rows in the new phase`);
  if (phase === "stale" && ours.counts.stale === 0 && round.n >= 100)
    problems.push("stale: no stale rows found");
  if (problems.length > 0)
    throw new Error(`bench: increments disagree (${where}):\n  ${problems.join("\n  ")}`);
}
