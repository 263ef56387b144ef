import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { InvalidConfigError } from "../../src/errors.js";
import { tempProject, thrown } from "./temp-project.js";

/** Loads `toml` as metaxy.toml and returns the error's first line with the file path shortened to FILE. */
function problem(toml: string): string {
  const root = tempProject({ "metaxy.toml": toml });
  const error = thrown(() => loadConfig({ cwd: root, env: {}, emitWarnings: false }));
  expect(error).toBeInstanceOf(InvalidConfigError);
  expect((error as InvalidConfigError).code).toBe("INVALID_CONFIG");
  expect(
    error.message.endsWith("\nNote: METAXY_* environment variables can override config file settings."),
  ).toBe(true);
  return error.message.split("\n")[0]!.replace(join(root, "metaxy.toml"), "FILE");
}

describe("config validation errors", () => {
  it("project names follow Python's rules", () => {
    expect(problem('project = ""')).toBe("config: FILE: project: project name cannot be empty");
    expect(problem('project = "a/b"')).toBe(
      'config: FILE: project: project name "a/b" cannot contain forward slashes (/); they are reserved for feature key separation',
    );
    expect(problem('project = "a__b"')).toBe(
      'config: FILE: project: project name "a__b" cannot contain double underscores (__); they are reserved for table names',
    );
    expect(problem('project = "a b"')).toBe(
      'config: FILE: project: project name "a b" must contain only alphanumeric characters, underscores, and hyphens (^[a-zA-Z0-9_-]+$)',
    );
    expect(problem("project = 3")).toBe("config: FILE: project: must be a string, got 3");
  });

  it("unknown top-level keys are rejected (pydantic-settings forbids extras)", () => {
    expect(problem('projct = "x"')).toBe(
      'config: FILE: projct: unknown key "projct"; allowed: project, store, stores, entrypoints, theme, ext, ' +
        "hash_truncation_length, enable_map_datatype, auto_create_tables, locked, sync, extra_features, metaxy_lock_path",
    );
  });

  it("scalars have the right type and range", () => {
    expect(problem("hash_truncation_length = 7")).toBe(
      "config: FILE: hash_truncation_length: must be an integer >= 8, got 7",
    );
    expect(problem("hash_truncation_length = 8.5")).toBe(
      "config: FILE: hash_truncation_length: must be an integer, got 8.5",
    );
    expect(problem('hash_truncation_length = "ten"')).toBe(
      'config: FILE: hash_truncation_length: must be an integer, got "ten"',
    );
    expect(problem('sync = "maybe"')).toBe(
      'config: FILE: sync: must be a boolean (true/false, 1/0), got "maybe"',
    );
    expect(problem("locked = 2")).toBe("config: FILE: locked: must be a boolean (true/false, 1/0), got 2");
    expect(problem("theme = false")).toBe("config: FILE: theme: must be a string, got false");
    expect(problem('entrypoints = "a.b"')).toBe(
      'config: FILE: entrypoints: must be a list of strings, got "a.b"',
    );
    expect(problem('entrypoints = ["a.b", 1]')).toBe("config: FILE: entrypoints[1]: must be a string, got 1");
    expect(problem('metaxy_lock_path = ["x"]')).toBe(
      'config: FILE: metaxy_lock_path: must be a string, got ["x"]',
    );
  });

  it("store entries take only type and config, with a hint for settings put one level too high", () => {
    expect(problem('[stores.dev]\ntype = "delta"\nroot_path = "/srv/x"\n')).toBe(
      'config: FILE: stores.dev.root_path: unknown key "root_path"; allowed: type, config. ' +
        "Store settings go under [stores.dev.config], not directly under [stores.dev] (e.g. [stores.dev.config] root_path = ...)",
    );
    // The docs' form without type fails the same way instead of being dropped silently.
    expect(problem('[stores.dev]\nroot_path = "/srv/x"\nfallback_stores = ["prod"]\n')).toContain(
      'stores.dev.root_path: unknown keys "root_path", "fallback_stores"; allowed: type, config. Store settings go under [stores.dev.config]',
    );
    expect(problem('[stores.dev]\ntype = "delta"\nname = "x"\n')).toBe(
      'config: FILE: stores.dev.name: unknown key "name"; allowed: type, config',
    );
    expect(problem("[stores.dev]\ntype = 1\n")).toBe(
      "config: FILE: stores.dev.type: must be a string, got 1",
    );
    expect(problem('[stores.dev]\ntype = "delta"\nconfig = "x"\n')).toBe(
      'config: FILE: stores.dev.config: must be a table, got "x"',
    );
    expect(problem('stores = ["dev"]')).toBe('config: FILE: stores: must be a table, got ["dev"]');
    expect(problem('[stores]\ndev = "delta"\n')).toBe(
      'config: FILE: stores.dev: must be a table, got "delta"',
    );
  });

  it("ext entries are tables with a boolean enable", () => {
    expect(problem("ext = 1")).toBe("config: FILE: ext: must be a table, got 1");
    expect(problem('[ext.plugin]\nenable = "sometimes"\n')).toBe(
      'config: FILE: ext.plugin.enable: must be a boolean (true/false, 1/0), got "sometimes"',
    );
  });

  it("extra_features entries are FeatureSelections", () => {
    expect(problem('extra_features = "all"')).toBe(
      "config: FILE: extra_features: must be a list of tables ([[extra_features]] with projects, keys or all)",
    );
    expect(problem("[[extra_features]]\nprojects = []\n")).toBe(
      'config: FILE: extra_features[0]: at least one of "projects", "keys", or "all" must be specified',
    );
    expect(problem("[[extra_features]]\nall = false\n")).toBe(
      'config: FILE: extra_features[0]: at least one of "projects", "keys", or "all" must be specified',
    );
    expect(problem('[[extra_features]]\nproject = ["a"]\n')).toBe(
      'config: FILE: extra_features[0].project: unknown key "project"; allowed: projects, keys, all',
    );
    expect(problem('[[extra_features]]\nkeys = "a/b"\n')).toBe(
      'config: FILE: extra_features[0].keys: must be a list of strings, got "a/b"',
    );
  });

  it("accepts every field of Python's MetaxyConfig", () => {
    const root = tempProject({
      "metaxy.toml": [
        'project = "my-project_1"',
        'store = "prod"',
        'entrypoints = ["./features.ts"]',
        'theme = "dark"',
        "hash_truncation_length = 12",
        "enable_map_datatype = true",
        "auto_create_tables = true",
        "locked = false",
        "sync = false",
        'metaxy_lock_path = "locks/metaxy.lock"',
        "[ext.myplugin]",
        "enable = true",
        "level = 3",
        "[[extra_features]]",
        'projects = ["upstream"]',
        "[[extra_features]]",
        'keys = ["a/b", "c/d"]',
        "[[extra_features]]",
        "all = true",
        "",
      ].join("\n"),
    });
    const config = loadConfig({ cwd: root, env: {}, emitWarnings: false });
    expect({
      project: config.project,
      store: config.store,
      entrypoints: config.entrypoints,
      theme: config.theme,
      hashTruncationLength: config.hashTruncationLength,
      enableMapDatatype: config.enableMapDatatype,
      autoCreateTables: config.autoCreateTables,
      locked: config.locked,
      sync: config.sync,
      metaxyLockPath: config.metaxyLockPath,
      lockFile: config.lockFile,
      ext: config.ext,
      extraFeatures: config.extraFeatures,
    }).toEqual({
      project: "my-project_1",
      store: "prod",
      entrypoints: ["./features.ts"],
      theme: "dark",
      hashTruncationLength: 12,
      enableMapDatatype: true,
      autoCreateTables: true,
      locked: false,
      sync: false,
      metaxyLockPath: "locks/metaxy.lock",
      lockFile: join(root, "locks/metaxy.lock"),
      ext: { myplugin: { enable: true, level: 3 } },
      extraFeatures: [
        { projects: ["upstream"], keys: null, all: null },
        { projects: null, keys: ["a/b", "c/d"], all: null },
        { projects: null, keys: null, all: true },
      ],
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.extraFeatures[0])).toBe(true);
  });

  it("reports overrides as the source of a bad override", () => {
    const error = thrown(() =>
      loadConfig({ configFile: null, env: {}, overrides: { project: "x/y" }, emitWarnings: false }),
    );
    expect(error.message.split("\n")[0]).toBe(
      'config: overrides: project: project name "x/y" cannot contain forward slashes (/); they are reserved for feature key separation',
    );
  });
});
