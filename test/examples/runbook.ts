import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { applyPatch } from "./apply-patch.js";
import { EXAMPLES_DIR, exampleEnv, type ProcessResult, runProcess } from "./example-process.js";

/**
 * What a run's output must satisfy (Python runbooks' `assert_output`), checked against stdout.
 *
 * @example
 * const expect: OutputExpectation = { returncode: 0, contains: ["✅ Pipeline complete!"] };
 */
export interface OutputExpectation {
  /** Default 0. */
  readonly returncode?: number;
  readonly contains?: readonly string[];
  readonly notContains?: readonly string[];
  readonly matches?: readonly RegExp[];
  /** Checked against stderr. */
  readonly stderrContains?: readonly string[];
}

/**
 * Runs a command in the scenario's copy of the example and checks its output.
 *
 * @example
 * const step: RunStep = { name: "initial run", run: ["pipeline.ts"], expect: { contains: ["Found 3 new videos"] } };
 */
export interface RunStep {
  readonly name: string;
  /** `["pipeline.ts"]`, `["metaxy", "push"]`, ... (see `runProcess`). */
  readonly run: readonly string[];
  /** Extra environment variables for this run (e.g. another RANDOM_SEED). */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  readonly expect?: OutputExpectation;
}

/**
 * Applies a patch (a unified diff under the example's `patches/`) to the scenario's copy; it stays
 * applied until the scenario ends, as in Python's runbooks.
 *
 * @example
 * const step: PatchStep = { patch: "patches/01_update_parent_algorithm.patch", push: false };
 */
export interface PatchStep {
  readonly patch: string;
  /**
   * Push the graph after the patch when the runbook auto-pushes (Python's `push_graph`). Default
   * true; false leaves the recorded graph one change behind the code, e.g. to diff the two.
   */
  readonly push?: boolean;
}

/**
 * One step of a scenario.
 *
 * @example
 * const steps: Step[] = [{ patch: "patches/01.patch" }, { name: "rerun", run: ["pipeline.ts"] }];
 */
export type Step = RunStep | PatchStep;

/**
 * A scenario: a sequence of steps run against a fresh copy of the example and an empty store.
 *
 * @example
 * const scenario: Scenario = { name: "first run and rerun", steps: [] };
 */
export interface Scenario {
  readonly name: string;
  readonly steps: readonly Step[];
}

/**
 * An example's runbook (Python's `.example.yaml`).
 *
 * @example
 * const runbook: Runbook = { example: "quickstart", autoPush: true, scenarios: [] };
 */
export interface Runbook {
  /** Directory name under examples/. */
  readonly example: string;
  /** Run `metaxy push` before the first step and after every patch, as Python's runner does. */
  readonly autoPush: boolean;
  readonly scenarios: readonly Scenario[];
}

/**
 * What a scenario ran: the output of every run step, in order (auto pushes included).
 *
 * @example
 * const { runs } = await runScenario(runbook, runbook.scenarios[0]);
 * runs.find((r) => r.name === "initial run")?.result.stdout;
 */
export interface ScenarioOutcome {
  readonly runs: readonly { readonly name: string; readonly result: ProcessResult }[];
}

/**
 * Runs one scenario: copies the example into a new temporary directory (with a `package.json` that
 * makes its `.ts` files ES modules), points the `dev` store at an empty directory beside it through
 * METAXY_STORES__DEV__CONFIG__ROOT_PATH, then runs the steps in order, each command as a real
 * process. Throws on the first failed expectation, with the command's output. The directory is
 * removed afterwards unless METAXY_KEEP_EXAMPLE_DIRS=1.
 *
 * @example
 * await runScenario(quickstartRunbook, quickstartRunbook.scenarios[0]);
 */
export async function runScenario(runbook: Runbook, scenario: Scenario): Promise<ScenarioOutcome> {
  const root = mkdtempSync(join(tmpdir(), `metaxy-example-${runbook.example}-`));
  const cwd = join(root, runbook.example);
  const runs: { name: string; result: ProcessResult }[] = [];
  try {
    writeFileSync(join(root, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
    cpSync(join(EXAMPLES_DIR, runbook.example), cwd, {
      recursive: true,
      filter: (source) => basename(source) !== ".metaxy",
    });
    const env = exampleEnv({ storeRoot: join(root, "store") });
    const run = async (step: RunStep) => {
      const result = await runProcess(step.run, {
        cwd,
        env: { ...env, ...step.env },
        timeoutMs: step.timeoutMs ?? PROCESS_TIMEOUT_MS,
      });
      runs.push({ name: step.name, result });
      checkOutput(`${runbook.example} / ${scenario.name} / ${step.name}`, result, step.expect ?? {});
    };
    const push = (when: string) => run({ name: `metaxy push (${when})`, run: ["metaxy", "push"] });

    if (runbook.autoPush) await push("before the first step");
    for (const step of scenario.steps) {
      if ("patch" in step) {
        applyPatch(cwd, readFileSync(join(cwd, step.patch), "utf8"));
        if (runbook.autoPush && step.push !== false) await push(`after ${step.patch}`);
      } else {
        await run(step);
      }
    }
    return { runs };
  } finally {
    if (process.env.METAXY_KEEP_EXAMPLE_DIRS !== "1") rmSync(root, { recursive: true, force: true });
  }
}

/**
 * How long one process may run before it is killed, unless its step says otherwise.
 *
 * @example
 * const step: RunStep = { name: "slow run", run: ["pipeline.ts"], timeoutMs: 2 * PROCESS_TIMEOUT_MS };
 */
export const PROCESS_TIMEOUT_MS = 60_000;

/**
 * A vitest timeout for a scenario: the sum of its processes' timeouts (auto pushes included), so
 * the test itself never gives up before a slow but healthy process on a loaded machine does.
 *
 * @example
 * it(scenario.name, () => runScenario(runbook, scenario), scenarioTimeout(runbook, scenario));
 */
export function scenarioTimeout(runbook: Runbook, scenario: Scenario): number {
  let total = runbook.autoPush ? PROCESS_TIMEOUT_MS : 0;
  for (const step of scenario.steps) {
    if (!("patch" in step)) total += step.timeoutMs ?? PROCESS_TIMEOUT_MS;
    else if (runbook.autoPush && step.push !== false) total += PROCESS_TIMEOUT_MS;
  }
  return total;
}

/**
 * Throws an error describing every unmet expectation, with the process output.
 *
 * @example
 * checkOutput("quickstart / rerun", result, { contains: ["No changes detected (idempotent)"] });
 */
export function checkOutput(where: string, result: ProcessResult, expect: OutputExpectation): void {
  const problems: string[] = [];
  const returncode = expect.returncode ?? 0;
  if (result.timedOut) problems.push("the process timed out");
  if (result.returncode !== returncode)
    problems.push(`exit code ${result.returncode}, expected ${returncode}`);
  for (const text of expect.contains ?? []) {
    if (!result.stdout.includes(text)) problems.push(`stdout lacks ${JSON.stringify(text)}`);
  }
  for (const text of expect.notContains ?? []) {
    if (result.stdout.includes(text)) problems.push(`stdout contains ${JSON.stringify(text)}`);
  }
  for (const pattern of expect.matches ?? []) {
    if (!pattern.test(result.stdout)) problems.push(`stdout does not match ${pattern}`);
  }
  for (const text of expect.stderrContains ?? []) {
    if (!result.stderr.includes(text)) problems.push(`stderr lacks ${JSON.stringify(text)}`);
  }
  if (problems.length === 0) return;
  throw new Error(
    [
      `${where}: \`${result.command}\`: ${problems.join("; ")}`,
      "--- stdout ---",
      result.stdout,
      "--- stderr ---",
      result.stderr,
    ].join("\n"),
  );
}
