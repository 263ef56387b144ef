import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { InvalidConfigError } from "../../src/errors.js";
import { tempProject, thrown } from "./temp-project.js";

const quiet = { emitWarnings: false } as const;

describe("config file discovery", () => {
  it("finds metaxy.toml in a parent directory", () => {
    const root = tempProject({ "metaxy.toml": 'project = "up"\n', "a/b/c/.keep": "" });
    const config = loadConfig({ cwd: join(root, "a/b/c"), env: {}, ...quiet });
    expect(config.configFile).toBe(join(root, "metaxy.toml"));
    expect(config.project).toBe("up");
  });

  it("takes the nearest file when several directories have one", () => {
    const root = tempProject({
      "metaxy.toml": 'project = "outer"\n',
      "inner/metaxy.toml": 'project = "inner"\n',
    });
    expect(loadConfig({ cwd: join(root, "inner"), env: {}, ...quiet }).project).toBe("inner");
  });

  it("reads [tool.metaxy] from pyproject.toml", () => {
    const root = tempProject({
      "pyproject.toml":
        '[project]\nname = "x"\n\n[tool.metaxy]\nproject = "from_pyproject"\nstore = "prod"\n',
    });
    const config = loadConfig({ cwd: root, env: {}, ...quiet });
    expect(config.configFile).toBe(join(root, "pyproject.toml"));
    expect(config.project).toBe("from_pyproject");
    expect(config.store).toBe("prod");
  });

  it("prefers metaxy.toml over pyproject.toml in the same directory", () => {
    const root = tempProject({
      "metaxy.toml": 'project = "toml"\n',
      "pyproject.toml": '[tool.metaxy]\nproject = "pyproject"\n',
    });
    expect(loadConfig({ cwd: root, env: {}, ...quiet }).project).toBe("toml");
  });

  it("skips a pyproject.toml without [tool.metaxy] and keeps searching upwards", () => {
    const root = tempProject({
      "metaxy.toml": 'project = "parent"\n',
      "sub/pyproject.toml": '[project]\nname = "sub"\n[tool.other]\nx = 1\n',
    });
    const config = loadConfig({ cwd: join(root, "sub"), env: {}, ...quiet });
    expect(config.configFile).toBe(join(root, "metaxy.toml"));
  });

  it("uses METAXY_CONFIG (relative to cwd) instead of discovery", () => {
    const root = tempProject({
      "metaxy.toml": 'project = "discovered"\n',
      "conf/other.toml": 'project = "forced"\n',
    });
    const config = loadConfig({ cwd: root, env: { METAXY_CONFIG: "conf/other.toml" }, ...quiet });
    expect(config.configFile).toBe(join(root, "conf/other.toml"));
    expect(config.project).toBe("forced");
  });

  it("lets the configFile option win over METAXY_CONFIG", () => {
    const root = tempProject({ "a.toml": 'project = "a"\n', "b.toml": 'project = "b"\n' });
    const config = loadConfig({
      cwd: root,
      configFile: "a.toml",
      env: { METAXY_CONFIG: "b.toml" },
      ...quiet,
    });
    expect(config.project).toBe("a");
  });

  it("reports a METAXY_CONFIG file that does not exist", () => {
    const root = tempProject();
    const error = thrown(() => loadConfig({ cwd: root, env: { METAXY_CONFIG: "missing.toml" }, ...quiet }));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).code).toBe("INVALID_CONFIG");
    expect(error.message).toBe(
      `config: ${join(root, "missing.toml")}: config file not found (set by METAXY_CONFIG)\n` +
        "Note: METAXY_* environment variables can override config file settings.",
    );
  });

  it("returns defaults when there is no file", () => {
    const root = tempProject({ "empty/.keep": "" });
    const config = loadConfig({ cwd: join(root, "empty"), searchParents: false, env: {}, ...quiet });
    expect(config.configFile).toBeNull();
    expect(config.lockFile).toBeNull();
    expect(config.extendedFiles).toEqual([]);
    expect(config.toJSON()).toEqual({
      store: "dev",
      stores: {},
      extend: null,
      entrypoints: [],
      theme: "default",
      ext: {},
      hash_truncation_length: 8,
      enable_map_datatype: false,
      auto_create_tables: false,
      project: null,
      locked: null,
      sync: true,
      extra_features: [],
      metaxy_lock_path: null,
    });
  });

  it("searchParents: false looks in cwd only", () => {
    const root = tempProject({ "metaxy.toml": 'project = "parent"\n', "sub/.keep": "" });
    expect(
      loadConfig({ cwd: join(root, "sub"), searchParents: false, env: {}, ...quiet }).configFile,
    ).toBeNull();
    expect(loadConfig({ cwd: root, searchParents: false, env: {}, ...quiet }).project).toBe("parent");
  });

  it("configFile: null loads no file even when one is discoverable", () => {
    const root = tempProject({ "metaxy.toml": 'project = "ignored"\n' });
    const config = loadConfig({ cwd: root, configFile: null, env: { METAXY_PROJECT: "env_only" }, ...quiet });
    expect(config.configFile).toBeNull();
    expect(config.project).toBe("env_only");
  });

  it("names the file and the position of a TOML syntax error", () => {
    const root = tempProject({ "metaxy.toml": 'project = "a"\nstore = \n' });
    const error = thrown(() => loadConfig({ cwd: root, env: {}, ...quiet }));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message.startsWith(`config: ${join(root, "metaxy.toml")}: invalid TOML at line 2`)).toBe(
      true,
    );
    expect(error.message).toContain(
      'invalid TOML at line 2, column 9: invalid value\n1:  project = "a"\n2:  store =',
    );
  });

  it("puts metaxy.lock next to the config file unless metaxy_lock_path says otherwise", () => {
    const root = tempProject({
      "metaxy.toml": "",
      "rel/metaxy.toml": 'metaxy_lock_path = "locks/my.lock"\n',
      "abs/metaxy.toml": 'metaxy_lock_path = "/var/x.lock"\n',
    });
    expect(loadConfig({ cwd: root, env: {}, ...quiet }).lockFile).toBe(join(root, "metaxy.lock"));
    expect(loadConfig({ cwd: join(root, "rel"), env: {}, ...quiet }).lockFile).toBe(
      join(root, "rel/locks/my.lock"),
    );
    expect(loadConfig({ cwd: join(root, "abs"), env: {}, ...quiet }).lockFile).toBe("/var/x.lock");
    expect(
      loadConfig({ configFile: null, env: {}, overrides: { metaxyLockPath: "x.lock" }, ...quiet }).lockFile,
    ).toBeNull();
  });
});
