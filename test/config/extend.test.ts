import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { InvalidConfigError } from "../../src/errors.js";
import { tempProject, thrown } from "./temp-project.js";

const quiet = { emitWarnings: false } as const;

describe("extend", () => {
  it("merges like Python: child scalars win, tables one level deep, lists concatenated", () => {
    const root = tempProject({
      "base/base.toml": [
        'project = "base"',
        "hash_truncation_length = 16",
        'entrypoints = ["./base_features.ts"]',
        "[stores.dev]",
        'type = "delta"',
        "[stores.dev.config]",
        'root_path = "/base/dev"',
        'layout = "flat"',
        "[stores.prod]",
        'type = "delta"',
        "[stores.prod.config]",
        'root_path = "s3://bucket/prod"',
        "",
      ].join("\n"),
      "app/metaxy.toml": [
        'extend = "../base/base.toml"',
        'project = "app"',
        'entrypoints = ["./app_features.ts"]',
        "[stores.dev]",
        'type = "delta"',
        "[stores.dev.config]",
        'root_path = "/app/dev"',
        "",
      ].join("\n"),
    });
    const config = loadConfig({ cwd: join(root, "app"), env: {}, ...quiet });
    expect(config.project).toBe("app");
    expect(config.hashTruncationLength).toBe(16);
    expect(config.entrypoints).toEqual(["./base_features.ts", "./app_features.ts"]);
    // The child's [stores.dev] replaces the parent's whole entry: layout = "flat" is gone.
    expect(config.stores).toEqual({
      dev: { type: "delta", config: { root_path: "/app/dev" } },
      prod: { type: "delta", config: { root_path: "s3://bucket/prod" } },
    });
    // Each file's relative entrypoints resolve against that file's directory.
    expect(config.tsEntrypoints).toEqual([
      join(root, "base/base_features.ts"),
      join(root, "app/app_features.ts"),
    ]);
    expect(config.extendedFiles).toEqual([join(root, "base/base.toml"), join(root, "app/metaxy.toml")]);
    expect(config.toJSON().extend).toBeNull();
  });

  it("follows chains recursively, each path relative to the file that declares it", () => {
    const root = tempProject({
      "a/grand.toml": 'theme = "grand"\nentrypoints = ["./g.ts"]\n',
      "a/b/parent.toml": 'extend = "../grand.toml"\nproject = "parent"\nentrypoints = ["./p.ts"]\n',
      "a/b/c/metaxy.toml": 'extend = "../parent.toml"\nentrypoints = ["./c.ts"]\n',
    });
    const config = loadConfig({ cwd: join(root, "a/b/c"), env: {}, ...quiet });
    expect(config.theme).toBe("grand");
    expect(config.project).toBe("parent");
    expect(config.entrypoints).toEqual(["./g.ts", "./p.ts", "./c.ts"]);
    expect(config.extendedFiles).toEqual([
      join(root, "a/grand.toml"),
      join(root, "a/b/parent.toml"),
      join(root, "a/b/c/metaxy.toml"),
    ]);
  });

  it("can extend a pyproject.toml's [tool.metaxy]", () => {
    const root = tempProject({
      "pyproject.toml": '[tool.metaxy]\nproject = "py"\nstore = "prod"\n',
      "sub/metaxy.toml": 'extend = "../pyproject.toml"\nstore = "dev"\n',
    });
    const config = loadConfig({ cwd: join(root, "sub"), env: {}, ...quiet });
    expect([config.project, config.store]).toEqual(["py", "dev"]);
  });

  it("names the whole cycle", () => {
    const root = tempProject({
      "metaxy.toml": 'extend = "b.toml"\n',
      "b.toml": 'extend = "c.toml"\n',
      "c.toml": 'extend = "metaxy.toml"\n',
    });
    const error = thrown(() => loadConfig({ cwd: root, env: {}, ...quiet }));
    expect(error).toBeInstanceOf(InvalidConfigError);
    const [a, b, c] = ["metaxy.toml", "b.toml", "c.toml"].map((f) => join(root, f));
    expect(error.message).toBe(
      `config: ${c}: extend: circular config inheritance: ${a} -> ${b} -> ${c} -> ${a}\n` +
        "Note: METAXY_* environment variables can override config file settings.",
    );
  });

  it("rejects a file that extends itself and a missing parent", () => {
    const self = tempProject({ "metaxy.toml": 'extend = "./metaxy.toml"\n' });
    expect(thrown(() => loadConfig({ cwd: self, env: {}, ...quiet })).message.split("\n")[0]).toBe(
      `config: ${join(self, "metaxy.toml")}: extend: circular config inheritance: ${join(self, "metaxy.toml")} -> ${join(self, "metaxy.toml")}`,
    );
    const missing = tempProject({ "metaxy.toml": 'extend = "../nowhere/base.toml"\n' });
    expect(thrown(() => loadConfig({ cwd: missing, env: {}, ...quiet })).message.split("\n")[0]).toBe(
      `config: ${join(missing, "metaxy.toml")}: extend: the extended config file does not exist: ${join(missing, "../nowhere/base.toml")}`,
    );
  });

  it("blames the parent file for an invalid value it contributed", () => {
    const root = tempProject({
      "base.toml": "hash_truncation_length = 4\n[[extra_features]]\nall = true\n",
      "metaxy.toml": 'extend = "base.toml"\n[[extra_features]]\nbogus = 1\n',
    });
    const error = thrown(() =>
      loadConfig({ cwd: root, env: {}, overrides: { hashTruncationLength: 9 }, ...quiet }),
    );
    expect(error.message).toBe(
      `config: ${join(root, "metaxy.toml")}: extra_features[1].bogus: unknown key "bogus"; allowed: projects, keys, all\n` +
        "Note: METAXY_* environment variables can override config file settings.",
    );
    const fromParent = thrown(() =>
      loadConfig({ cwd: root, env: {}, overrides: { extraFeatures: [] }, ...quiet }),
    );
    expect(fromParent.message).toBe(
      `config: ${join(root, "base.toml")}: hash_truncation_length: must be an integer >= 8, got 4\n` +
        `Config file: ${join(root, "metaxy.toml")}\n` +
        "Note: METAXY_* environment variables can override config file settings.",
    );
  });
});
