import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The repository root.
 *
 * @example
 * join(REPO_ROOT, "package.json");
 */
export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/**
 * Where the examples live.
 *
 * @example
 * join(EXAMPLES_DIR, "quickstart", "pipeline.ts");
 */
export const EXAMPLES_DIR = join(REPO_ROOT, "examples");

/**
 * The tsconfig that maps `import "metaxy"` to the repository's sources (tsx reads it through
 * TSX_TSCONFIG_PATH), so the examples run against the working tree without `npm run build`.
 *
 * @example
 * spawn(process.execPath, ["--import", TSX_LOADER, "pipeline.ts"], { env: { ...process.env, TSX_TSCONFIG_PATH: SOURCE_TSCONFIG } });
 */
export const SOURCE_TSCONFIG = join(EXAMPLES_DIR, "tsconfig.source.json");

/**
 * tsx's loader as an absolute URL: `--import tsx` would resolve from the cwd, a temp dir here.
 *
 * @example
 * spawn(process.execPath, ["--import", TSX_LOADER, "pipeline.ts"], { cwd });
 */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * The module the `metaxy` executable runs: package.json's `bin.metaxy` mapped from `dist/*.js` back
 * to its source `src/*.ts` (run through tsx like the examples).
 *
 * @example
 * cliEntry(); // "/repo/src/cli/main.ts"
 */
export function cliEntry(): string {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.metaxy;
  if (bin === undefined) return join(REPO_ROOT, "src", "cli", "main.ts");
  const source = bin.replace(/^(\.\/)?dist\//, "src/").replace(/\.js$/, ".ts");
  return join(REPO_ROOT, source);
}

/**
 * What a finished process left behind.
 *
 * @example
 * const { returncode, stdout } = await runProcess(["pipeline.ts"], { cwd, env });
 */
export interface ProcessResult {
  readonly command: string;
  readonly returncode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the process was killed for running longer than its timeout. */
  readonly timedOut: boolean;
}

/**
 * Options of {@link runProcess}.
 *
 * @example
 * const options: RunProcessOptions = { cwd: "/srv/x/quickstart", env: process.env, timeoutMs: 60_000 };
 */
export interface RunProcessOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/**
 * Runs a command as a real process and collects its output. `argv[0]` is a TypeScript file (run with
 * Node and tsx), `metaxy` (the CLI, see {@link cliEntry}), or a JavaScript file (run with Node).
 *
 * @example
 * await runProcess(["metaxy", "push"], { cwd, env });
 */
export function runProcess(argv: readonly string[], options: RunProcessOptions): Promise<ProcessResult> {
  const [program, ...args] = argv;
  if (program === undefined) throw new Error("example-process: empty command");
  const nodeArgs =
    program === "metaxy"
      ? ["--import", TSX_LOADER, cliEntry(), ...args]
      : /\.[cm]?ts$/.test(program)
        ? ["--import", TSX_LOADER, program, ...args]
        : [program, ...args];
  const command = argv.join(" ");
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ command, returncode: code, stdout, stderr, timedOut });
    });
  });
}

/**
 * The environment of an example process: the caller's, without any `METAXY_*`, `TSX_*` or colour
 * settings that would leak in, plus the store root, the seed and the source mapping.
 *
 * @example
 * exampleEnv({ storeRoot: "/srv/x/store" }).METAXY_STORES__DEV__CONFIG__ROOT_PATH; // "/srv/x/store"
 */
export function exampleEnv(options: {
  readonly storeRoot: string;
  readonly extra?: Readonly<Record<string, string>>;
}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(METAXY_|TSX_)/i.test(name) || name === "FORCE_COLOR" || name === "NODE_OPTIONS") continue;
    env[name] = value;
  }
  return {
    ...env,
    NO_COLOR: "1",
    RANDOM_SEED: "42",
    TSX_TSCONFIG_PATH: SOURCE_TSCONFIG,
    METAXY_STORES__DEV__CONFIG__ROOT_PATH: options.storeRoot,
    ...options.extra,
  };
}
