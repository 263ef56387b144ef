import type { BenchRun, CellResult } from "./results.js";
import type { Summary } from "./stats.js";

/**
 * The markdown report: one row per cell (scenario, N, phase, config) with both medians and IQRs,
 * the wall-time ratio ours/DuckDB (below 1 = we are faster), the CPU-time ratio (steadier on a
 * shared machine) and the peak-RSS ratio; then the run's metadata.
 *
 * @example
 * writeFileSync("bench/results/resolve-update.md", markdownReport(run));
 */
export function markdownReport(run: BenchRun): string {
  const m = run.meta;
  const lines = [
    "# resolveUpdate: Metaxy-TS (Delta store) vs DuckDB",
    "",
    `Run ${m.date} at ${m.commit}; ${m.cpu}, ${m.cores} cores, ${m.memoryGib} GiB; Node ${m.node}, DuckDB ${m.duckdb};`,
    `kernels: ${m.kernels}; load average ${fmtLoad(m.loadAverage.start)} at start, ${fmtLoad(m.loadAverage.end)} at end; ${Math.round(m.durationS)} s.`,
    "",
    "Timed: open store + `resolveUpdate(leaf)` + materialise the increments (ours), create an in-memory DuckDB + the",
    "same semantics in SQL over the same Parquet files, materialised as DuckDB tables (`SET threads = 2`). Each",
    "measurement is its own process. Median [IQR] in ms; ratio = ours / DuckDB (< 1: ours is faster). `paper`: ours",
    "xxhash64 vs DuckDB `hash()`; `exact`: md5 on both sides, increments checked equal row for row.",
    "",
    "| scenario | N | phase | config | rounds | ours ms | DuckDB ms | ratio | CPU ratio | ours RSS MiB | DuckDB RSS MiB | RSS ratio |",
    "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...run.cells.map(row),
    "",
  ];
  return lines.join("\n");
}

function row(c: CellResult): string {
  return [
    "",
    c.scenario,
    c.n.toLocaleString("en-US"),
    c.phase,
    c.config,
    String(c.ours.ms.n),
    fmtSummary(c.ours.ms),
    fmtSummary(c.duckdb.ms),
    `${(c.ours.ms.median / c.duckdb.ms.median).toFixed(2)}×`,
    `${(c.ours.cpuMs.median / c.duckdb.cpuMs.median).toFixed(2)}×`,
    c.ours.peakRssMib.median.toFixed(0),
    c.duckdb.peakRssMib.median.toFixed(0),
    `${(c.ours.peakRssMib.median / c.duckdb.peakRssMib.median).toFixed(2)}×`,
    "",
  ]
    .join(" | ")
    .trim();
}

function fmtSummary(s: Summary): string {
  return `${fmt(s.median)} [${fmt(s.q1)}, ${fmt(s.q3)}]`;
}

function fmt(ms: number): string {
  return ms >= 100 ? Math.round(ms).toLocaleString("en-US") : ms.toFixed(1);
}

function fmtLoad(load: readonly number[]): string {
  return load.map((l) => l.toFixed(1)).join("/");
}
