import type { ConfigName } from "./duckdb-sql.js";
import type { ScenarioName } from "./graphs.js";
import type { Measurement, PhaseName } from "./jobs.js";
import { type Summary, summarize } from "./stats.js";
import type { KernelKind } from "./store.js";

/**
 * Median/IQR of one side of one cell: wall time, CPU time (ms) and peak RSS (MiB).
 *
 * @example
 * side.ms.median; // 812.4
 */
export interface SideSummary {
  readonly ms: Summary;
  readonly cpuMs: Summary;
  readonly peakRssMib: Summary;
}

/**
 * Every round of one (scenario, N, phase, config) cell, both sides, and their summaries.
 *
 * @example
 * const ratio = cell.ours.ms.median / cell.duckdb.ms.median;
 */
export interface CellResult {
  readonly scenario: ScenarioName;
  readonly n: number;
  readonly phase: PhaseName;
  readonly config: ConfigName;
  readonly rounds: { readonly ours: readonly Measurement[]; readonly duckdb: readonly Measurement[] };
  readonly ours: SideSummary;
  readonly duckdb: SideSummary;
}

/**
 * The whole run: where and how it ran, and every cell.
 *
 * @example
 * writeFileSync("bench/results/resolve-update.json", JSON.stringify(run, null, 2));
 */
export interface BenchRun {
  readonly meta: {
    readonly date: string;
    readonly commit: string;
    readonly node: string;
    readonly duckdb: string;
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGib: number;
    readonly kernels: KernelKind;
    readonly loadAverage: { readonly start: readonly number[]; readonly end: readonly number[] };
    readonly durationS: number;
  };
  readonly cells: readonly CellResult[];
}

/**
 * Summaries of one side's rounds.
 *
 * @example
 * const side = summarizeSide(measurements);
 */
export function summarizeSide(rounds: readonly Measurement[]): SideSummary {
  return {
    ms: summarize(rounds.map((m) => m.ms)),
    cpuMs: summarize(rounds.map((m) => m.cpuMs)),
    peakRssMib: summarize(rounds.map((m) => m.peakRssKib / 1024)),
  };
}
