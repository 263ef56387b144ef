import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (holds package.json and dist/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The built CLI the tests run as a real process. */
export const CLI_MAIN = join(REPO_ROOT, "dist/cli/main.js");

/** Fails with a clear message when the CLI has not been built (`npm run build` precedes `npm test`). */
export function requireBuiltCli(): void {
  if (!existsSync(CLI_MAIN) || !existsSync(join(REPO_ROOT, "dist/index.js"))) {
    throw new Error(
      `CLI tests run the built binary, but ${CLI_MAIN} is missing: run \`npm run build\` first`,
    );
  }
}

/** Result of one CLI run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli/main.js ...args` in `cwd`; never rejects. */
export function metaxy(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI_MAIN, ...args],
      {
        cwd,
        env: { PATH: process.env.PATH ?? "", HOME: cwd, NO_COLOR: "1", ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** A JSON stdout, parsed. */
export function json(run: CliRun): unknown {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

/**
 * A temporary project: `files` written relative to its root, `node_modules/metaxy` linked to this
 * repository (so entrypoints `import "metaxy"` as an installed package).
 */
export function tempProject(files: Readonly<Record<string, string>>): {
  readonly dir: string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), "metaxy-cli-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(REPO_ROOT, join(dir, "node_modules/metaxy"), "dir");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The overview example's features (metaxy-features §7.1 "exact specs"), as the body of a module that
 * has `FeatureGraph` in scope and defines `graph`.
 */
export const OVERVIEW_BODY = `
const graph = new FeatureGraph();
const video = graph.feature({ key: "example/video", idColumns: ["sample_uid"],
  fields: [{ key: "audio", codeVersion: "1" }, { key: "frames", codeVersion: "1" }] });
const crop = graph.feature({ key: "example/crop", idColumns: ["sample_uid"], deps: [video],
  fields: [{ key: "audio", codeVersion: "1" }, { key: "frames", codeVersion: "1" }] });
graph.feature({ key: "example/face_detection", idColumns: ["sample_uid"], deps: [crop],
  fields: [{ key: "faces", codeVersion: "1", deps: [{ feature: "example/crop", fields: ["frames"] }] }] });
graph.feature({ key: "example/stt", idColumns: ["sample_uid"], deps: [video],
  fields: [{ key: "transcription", codeVersion: "1", deps: [{ feature: "example/video", fields: ["audio"] }] }] });
`;

/** Feature and field versions of the overview example (metaxy-features §7.1, Python 0.1.10). */
export const OVERVIEW_VERSIONS = {
  "example/video": { version: "c2ac395f", fields: { audio: "22742381", frames: "794116a9" } },
  "example/crop": { version: "34d75856", fields: { audio: "4c726c4b", frames: "2419e09d" } },
  "example/face_detection": { version: "f1526ee0", fields: { faces: "006efeef" } },
  "example/stt": { version: "d953dea4", fields: { transcription: "3ec3826d" } },
} as const;

/** An ESM overview project with the given metaxy.toml lines after `project`/`entrypoints`. */
export function overviewProject(extraToml = "", project = "example_overview") {
  return tempProject({
    "package.json": JSON.stringify({ name: "overview", type: "module" }),
    "metaxy.toml": `project = "${project}"\nentrypoints = ["./features.mjs"]\n${extraToml}`,
    "features.mjs": `import { FeatureGraph } from "metaxy";\n${OVERVIEW_BODY}\nexport default graph;\n`,
  });
}

/**
 * Writes `example/video` rows (ids 1..n, provenance from `tag`) and then the increment of each feature
 * of `downstream` in order, through the project's default store, in a separate process (the library's
 * built copy), as a pipeline would.
 */
export function seedOverview(
  dir: string,
  n: number,
  downstream: readonly string[],
  tag = "v1",
): Promise<CliRun> {
  const script = `
import { loadConfig } from ${JSON.stringify(join(REPO_ROOT, "dist/index.js"))};
import { loadFeatures } from ${JSON.stringify(join(REPO_ROOT, "dist/discovery/index.js"))};
import { createStore } from ${JSON.stringify(join(REPO_ROOT, "dist/config/create-store.js"))};
const config = loadConfig();
const graph = await loadFeatures(config);
const store = await createStore(config, graph);
await store.withOpen("w", async (s) => {
  const rows = Array.from({ length: ${n} }, (_, i) => ({ sample_uid: i + 1,
    metaxy_provenance_by_field: { audio: "a" + (i + 1) + ${JSON.stringify(tag)}, frames: "f" + (i + 1) } }));
  await s.write("example/video", rows);
  for (const key of ${JSON.stringify(downstream)}) await s.write(key, (await s.resolveUpdate(key)).new);
});
`;
  writeFileSync(join(dir, "seed.mjs"), script);
  return new Promise((done) => {
    execFile(process.execPath, ["seed.mjs"], { cwd: dir }, (error, stdout, stderr) =>
      done({ code: error === null ? 0 : 1, stdout, stderr }),
    );
  });
}
