import { Command, InvalidArgumentError, Option } from "commander";
import { CONFIGS, type ConfigName } from "./duckdb-sql.js";
import { SCENARIOS, type ScenarioName } from "./graphs.js";
import type { KernelKind } from "./store.js";

/**
 * What to run. `rounds` null means the quick-set default: 5 rounds below 1M rows, 3 from 1M up.
 *
 * @example
 * const o = parseOptions(["--n", "10k,100k", "--config", "exact"]);
 */
export interface BenchOptions {
  readonly ns: readonly number[];
  readonly rounds: number | null;
  readonly scenarios: readonly ScenarioName[];
  readonly configs: readonly ConfigName[];
  readonly kernels: KernelKind | null;
  readonly out: string;
  readonly keep: boolean;
  /** Re-render the markdown and SVG from this results JSON instead of running. */
  readonly render: string | null;
}

/**
 * The quick set's sizes; `--large` adds 10M.
 *
 * @example
 * QUICK_NS; // [10000, 100000, 1000000]
 */
export const QUICK_NS: readonly number[] = [10_000, 100_000, 1_000_000];
const LARGE_N = 10_000_000;

/**
 * Parses the command line of `npm run bench -- …`.
 *
 * @example
 * parseOptions(["--large", "--rounds", "10"]).ns; // [10000, 100000, 1000000, 10000000]
 */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const program = new Command("bench")
    .description("resolveUpdate benchmark (the paper's simple and wide graphs) against DuckDB")
    .option("--n <sizes>", "comma-separated row counts per root, e.g. 10k,100k,1M", parseSizes)
    .option("--large", "also run N = 10M", false)
    .option("--rounds <k>", "rounds per cell (default: 5 below 1M, 3 from 1M)", parsePositive)
    .addOption(new Option("--scenario <name>", "only this graph").choices([...SCENARIOS]))
    .addOption(new Option("--config <name>", "only this configuration").choices([...CONFIGS]))
    .addOption(
      new Option("--kernels <kind>", "our kernel set (default: native when built)").choices([
        "native",
        "portable",
      ]),
    )
    .option("--out <dir>", "output directory", "bench/results")
    .option("--keep", "keep the round directories under the OS temp dir", false)
    .option("--render <json>", "only re-render the markdown and SVG from a results JSON")
    .exitOverride();
  program.parse([...argv], { from: "user" });
  const o = program.opts<{
    n?: number[];
    large: boolean;
    rounds?: number;
    scenario?: ScenarioName;
    config?: ConfigName;
    kernels?: KernelKind;
    out: string;
    keep: boolean;
    render?: string;
  }>();
  const ns = [...new Set([...(o.n ?? QUICK_NS), ...(o.large ? [LARGE_N] : [])])].sort((a, b) => a - b);
  return {
    ns,
    rounds: o.rounds ?? null,
    scenarios: o.scenario === undefined ? SCENARIOS : [o.scenario],
    configs: o.config === undefined ? CONFIGS : [o.config],
    kernels: o.kernels ?? null,
    out: o.out,
    keep: o.keep,
    render: o.render ?? null,
  };
}

/**
 * Rounds of a cell of size `n`.
 *
 * @example
 * roundsFor(parseOptions([]), 1_000_000); // 3
 */
export function roundsFor(options: BenchOptions, n: number): number {
  return options.rounds ?? (n >= 1_000_000 ? 3 : 5);
}

function parseSizes(text: string): number[] {
  return text.split(",").map((part) => {
    const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(part.trim());
    if (m === null) throw new InvalidArgumentError(`"${part}" is not a size like 10000, 100k or 1M`);
    const scale = m[2]!.toLowerCase() === "k" ? 1e3 : m[2]!.toLowerCase() === "m" ? 1e6 : 1;
    const n = Math.round(Number(m[1]) * scale);
    if (n < 1) throw new InvalidArgumentError(`size must be at least 1, got "${part}"`);
    return n;
  });
}

function parsePositive(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a positive integer, got "${text}"`);
  return n;
}
