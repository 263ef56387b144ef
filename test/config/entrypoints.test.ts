import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_WARNING_TYPE, loadConfig } from "../../src/config/load-config.js";
import { isPythonModuleName } from "../../src/config/resolve-entrypoints.js";
import { InvalidConfigError } from "../../src/errors.js";
import { QUICKSTART_TOML, tempProject, thrown } from "./temp-project.js";

/** Collects the warnings `fn` emits through process.emitWarning. */
async function emitted(fn: () => void): Promise<Error[]> {
  const seen: Error[] = [];
  const listener = (warning: Error) => seen.push(warning);
  process.on("warning", listener);
  try {
    fn();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", listener);
  }
  return seen;
}

describe("entrypoints", () => {
  it("tells Python modules from TypeScript entries", () => {
    for (const entry of ["example.features", "features", "a.b.c"])
      expect(isPythonModuleName(entry)).toBe(true);
    for (const entry of [
      "./f.ts",
      "src/f",
      "f.ts",
      "f.mjs",
      "@acme/features",
      "../x",
      "/abs/f.js",
      "file:///x.ts",
    ]) {
      expect(isPythonModuleName(entry)).toBe(false);
    }
  });

  it("skips Python module entrypoints with ONE warning naming all of them", async () => {
    const root = tempProject({
      "metaxy.toml": `${QUICKSTART_TOML.replace('["example_quickstart.features"]', '["example_quickstart.features", "./src/features.ts", "other.mod"]')}`,
    });
    const env = { METAXY_ENTRYPOINT: "env.features" };
    let config = loadConfig({ cwd: root, env, emitWarnings: false });
    const warnings = await emitted(() => {
      config = loadConfig({ cwd: root, env });
    });
    const expected =
      `config: skipped 3 Python entrypoints "example_quickstart.features" (${join(root, "metaxy.toml")}), ` +
      `"other.mod" (${join(root, "metaxy.toml")}), "env.features" (METAXY_ENTRYPOINT): Python modules cannot be ` +
      'imported from TypeScript. Declare TypeScript entrypoints as paths ("./src/features.ts") or in package.json ' +
      '"metaxy": { "entrypoints": [...] }.';
    expect(config.warnings).toEqual([expected]);
    expect(warnings.map((w) => [w.name, w.message])).toEqual([[CONFIG_WARNING_TYPE, expected]]);
    expect(config.entrypoints).toEqual(["example_quickstart.features", "./src/features.ts", "other.mod"]);
    expect(config.tsEntrypoints).toEqual([join(root, "src/features.ts")]);
  });

  it("emits nothing when emitWarnings is false", async () => {
    const root = tempProject({ "metaxy.toml": 'entrypoints = ["a.b"]\n' });
    const warnings = await emitted(() => loadConfig({ cwd: root, env: {}, emitWarnings: false }));
    expect(warnings).toEqual([]);
  });

  it("reads package.json metaxy.entrypoints next to or above the config file, relative to package.json", () => {
    const root = tempProject({
      "package.json": JSON.stringify({
        name: "app",
        metaxy: { entrypoints: ["./src/features.ts", "@acme/shared-features", "plain-pkg"] },
      }),
      "pipeline/metaxy.toml": 'entrypoints = ["../lib/extra.ts"]\n',
      "lib/.keep": "",
    });
    const config = loadConfig({
      cwd: join(root, "pipeline"),
      env: { METAXY_ENTRYPOINT_B: "./b.ts", METAXY_ENTRYPOINT_A: '["./a.ts", "lib/x"]' },
      emitWarnings: false,
    });
    expect(config.tsEntrypoints).toEqual([
      join(root, "lib/extra.ts"),
      join(root, "src/features.ts"),
      "@acme/shared-features",
      "plain-pkg",
      join(root, "pipeline/a.ts"),
      "lib/x", // no lib/ directory next to cwd: a package subpath
      join(root, "pipeline/b.ts"),
    ]);
    expect(config.warnings).toEqual([]);
  });

  it("resolves a slash path against the declaring directory when its first segment exists there", () => {
    const root = tempProject({
      "metaxy.toml": 'entrypoints = ["src/features", "pkg/sub"]\n',
      "src/features.ts": "",
    });
    expect(loadConfig({ cwd: root, env: {}, emitWarnings: false }).tsEntrypoints).toEqual([
      join(root, "src/features"),
      "pkg/sub",
    ]);
  });

  it("uses override entrypoints instead of the file's, relative to cwd, and drops duplicates", () => {
    const root = tempProject({ "metaxy.toml": 'entrypoints = ["./file.ts"]\n' });
    const config = loadConfig({
      cwd: root,
      env: { METAXY_ENTRYPOINT: "./o.ts" },
      overrides: { entrypoints: ["./o.ts", "py.mod"] },
      emitWarnings: false,
    });
    expect(config.entrypoints).toEqual(["./o.ts", "py.mod"]);
    expect(config.tsEntrypoints).toEqual([join(root, "o.ts")]);
    expect(config.warnings).toHaveLength(1);
  });

  it("rejects a malformed package.json metaxy field", () => {
    const root = tempProject({ "package.json": '{"metaxy": {"entrypoints": "./f.ts"}}', "metaxy.toml": "" });
    const error = thrown(() => loadConfig({ cwd: root, env: {}, emitWarnings: false }));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message.split("\n")[0]).toBe(
      `config: ${join(root, "package.json")}: metaxy.entrypoints: must be a list of non-empty strings`,
    );
  });
});
