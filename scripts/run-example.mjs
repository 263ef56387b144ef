#!/usr/bin/env node
/**
 * Runs one of the examples: `npm run example -- <name> [args...]` runs examples/<name>/pipeline.ts
 * through tsx with the example directory as working directory, passing `args` on.
 *
 * `import ... from "metaxy"` in the examples resolves through the package's self-reference to dist/
 * (build it with `npm run build`). With `--from-source` (before the name) it resolves to src/ instead,
 * through examples/tsconfig.source.json; no build needed.
 *
 * @example
 * // npm run example -- expansion
 * // npm run example -- --from-source basic
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLES = join(ROOT, "examples");
const USAGE = "usage: npm run example -- [--from-source] <name> [args...]";

/** Example directories: those holding a pipeline.ts. */
function exampleNames() {
  return readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(EXAMPLES, entry.name, "pipeline.ts")))
    .map((entry) => entry.name)
    .sort();
}

/** Modification time of the newest file under `dir` (0 when there is none). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const args = process.argv.slice(2);
const fromSource = args[0] === "--from-source";
if (fromSource) args.shift();
const [name, ...rest] = args;
const names = exampleNames();
if (name === undefined || !names.includes(name)) {
  const problem = name === undefined ? "missing example name" : `unknown example "${name}"`;
  console.error(`run-example: ${problem}; available examples: ${names.join(", ")}\n${USAGE}`);
  process.exit(2);
}
const distIndex = join(ROOT, "dist", "index.js");
if (!fromSource && !existsSync(distIndex)) {
  console.error("run-example: dist/ is not built; run `npm run build` first, or pass --from-source");
  process.exit(2);
}

const env = { ...process.env };
if (fromSource) env.TSX_TSCONFIG_PATH = join(EXAMPLES, "tsconfig.source.json");
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const child = spawn(process.execPath, ["--import", tsx, "pipeline.ts", ...rest], {
  cwd: join(EXAMPLES, name),
  env,
  stdio: "inherit",
});
child.on("close", (code, signal) => {
  if (code !== 0 && !fromSource && statSync(distIndex).mtimeMs < newestMtime(join(ROOT, "src"))) {
    console.error("run-example: hint: dist/ is older than src/; run `npm run build`, or pass --from-source");
  }
  process.exitCode = code ?? (signal === null ? 1 : 128);
});
