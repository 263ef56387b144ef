import { join } from "node:path";
import type { HashAlgorithm } from "../../src/kernels/kernels.js";
import type { ConfigName } from "./duckdb-sql.js";
import type { ScenarioName } from "./graphs.js";
import type { KernelKind } from "./store.js";

/**
 * `new`: roots written, leaf empty; `stale`: leaf materialised, 10% of root 0's audio bumped.
 *
 * @example
 * const phase: PhaseName = "stale";
 */
export type PhaseName = "new" | "stale";

/**
 * Every phase, in run order (the setup of `stale` continues from `new`).
 *
 * @example
 * for (const phase of PHASES) console.log(phase);
 */
export const PHASES: readonly PhaseName[] = ["new", "stale"];

/**
 * One round of one cell family: a fresh directory shared by both phases and both sides.
 *
 * @example
 * const round: RoundSpec = { scenario: "simple", n: 10_000, config: "exact", kernels: "native", dir };
 */
export interface RoundSpec {
  readonly scenario: ScenarioName;
  readonly n: number;
  readonly config: ConfigName;
  readonly kernels: KernelKind;
  readonly dir: string;
}

/**
 * What a child process is asked to do (passed as a JSON file).
 *
 * @example
 * const job: ChildJob = { kind: "ours", round, phase: "new" };
 */
export type ChildJob =
  | { readonly kind: "setup-new" | "setup-stale"; readonly round: RoundSpec }
  | { readonly kind: "profile-stages"; readonly round: RoundSpec; readonly projected: boolean }
  | {
      readonly kind: "ours";
      readonly round: RoundSpec;
      readonly phase: PhaseName;
      /** Write a CPU profile of the timed region here. */
      readonly cpuProfile?: string;
    }
  | {
      readonly kind: "duckdb";
      readonly config: ConfigName;
      readonly statements: readonly string[];
      readonly tables: { readonly new: string; readonly stale: string | null };
    };

/**
 * Row counts of an increment.
 *
 * @example
 * const counts: Counts = { new: 10, stale: 1, orphaned: 0 };
 */
export interface Counts {
  readonly new: number;
  readonly stale: number;
  readonly orphaned: number;
}

/**
 * One timed measurement reported by a child: wall and CPU time of the timed region, peak RSS of
 * the whole child (VmHWM, read right after the timed region) and RSS just before it, increment
 * counts and checksums (taken after the RSS reading).
 *
 * @example
 * const m: Measurement = JSON.parse(readFileSync(resultPath, "utf8"));
 */
export interface Measurement {
  readonly ms: number;
  /** User + system CPU time of the whole child (all threads) over the timed region. */
  readonly cpuMs: number;
  readonly peakRssKib: number;
  readonly startRssKib: number;
  readonly counts: Counts;
  readonly checksums: { readonly new: string; readonly stale: string };
}

/**
 * The record hash algorithm our side uses in a configuration.
 *
 * @example
 * ourAlgorithm("paper"); // "xxhash64"
 */
export function ourAlgorithm(config: ConfigName): HashAlgorithm {
  return config === "paper" ? "xxhash64" : "md5";
}

/**
 * Checksum kind of a configuration: provenance only matches in `exact`.
 *
 * @example
 * checksumKind("paper"); // "ids"
 */
export function checksumKind(config: ConfigName): "exact" | "ids" {
  return config === "exact" ? "exact" : "ids";
}

/**
 * Where a round's store lives.
 *
 * @example
 * storeDir(round); // "<os.tmpdir()>/metaxy-bench-x/store"
 */
export function storeDir(round: RoundSpec): string {
  return join(round.dir, "store");
}

/**
 * DuckDB's own leaf file (paper configuration, stale phase).
 *
 * @example
 * duckdbLeafPath(round); // "<os.tmpdir()>/metaxy-bench-x/duckdb-leaf/leaf.parquet"
 */
export function duckdbLeafPath(round: RoundSpec): string {
  return join(round.dir, "duckdb-leaf", "leaf.parquet");
}
