import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { InvalidConfigError } from "../../src/errors.js";
import { QUICKSTART_TOML, tempProject, thrown } from "./temp-project.js";

const quiet = { emitWarnings: false } as const;

describe("METAXY_* environment variables", () => {
  it("win over the file, and overrides win over both", () => {
    const root = tempProject({
      "metaxy.toml": 'project = "file"\nstore = "file_store"\nhash_truncation_length = 10\ntheme = "dark"\n',
    });
    const env = { METAXY_PROJECT: "env", METAXY_STORE: "env_store", METAXY_HASH_TRUNCATION_LENGTH: "12" };
    const config = loadConfig({ cwd: root, env, overrides: { store: "override_store" }, ...quiet });
    expect(config.project).toBe("env");
    expect(config.store).toBe("override_store");
    expect(config.hashTruncationLength).toBe(12);
    expect(config.theme).toBe("dark");
  });

  it("parse booleans the way pydantic does", () => {
    const read = (value: string) =>
      loadConfig({
        configFile: null,
        env: { METAXY_AUTO_CREATE_TABLES: value, METAXY_LOCKED: value },
        ...quiet,
      });
    for (const value of ["1", "true", "TRUE", "yes", "on"]) {
      expect(read(value).autoCreateTables).toBe(true);
      expect(read(value).locked).toBe(true);
    }
    for (const value of ["0", "false", "False", "no", "off"])
      expect(read(value).autoCreateTables).toBe(false);
    expect(loadConfig({ configFile: null, env: { METAXY_SYNC: "0" }, ...quiet }).sync).toBe(false);
    expect(
      loadConfig({ configFile: null, env: { METAXY_ENABLE_MAP_DATATYPE: "1" }, ...quiet }).enableMapDatatype,
    ).toBe(true);
  });

  it("set nested store settings with __ (the Python example harness's METAXY_STORES__DEV__CONFIG__ROOT_PATH)", () => {
    const root = tempProject({ "metaxy.toml": QUICKSTART_TOML });
    const env = {
      METAXY_STORES__DEV__CONFIG__ROOT_PATH: "s3://bucket/prefix/",
      METAXY_STORES__DEV__CONFIG__LAYOUT: "flat",
    };
    const config = loadConfig({ cwd: root, env, ...quiet });
    expect(config.stores.dev).toEqual({
      type: "metaxy.ext.polars.handlers.delta.DeltaMetadataStore",
      config: { root_path: "s3://bucket/prefix/", layout: "flat" },
    });
    expect(config.resolveStore().options).toEqual({
      rootPath: "s3://bucket/prefix",
      layout: "flat",
      fallbackStores: [],
      enableMapDatatype: false,
    });
  });

  it("define whole stores from variables, lower-casing names and parsing JSON values", () => {
    const env = {
      METAXY_STORE: "prod",
      METAXY_STORES__PROD__TYPE: "delta",
      METAXY_STORES__PROD__CONFIG__ROOT_PATH: "/data/prod",
      METAXY_STORES__PROD__CONFIG__FALLBACK_STORES: '["base"]',
      METAXY_STORES__PROD__CONFIG__STORAGE_OPTIONS: '{"AWS_REGION": "eu-west-1"}',
      METAXY_STORES: '{"base": {"type": "memory"}}',
    };
    const config = loadConfig({ configFile: null, env, ...quiet });
    expect(config.storeNames()).toEqual(["base", "prod"]);
    expect(config.resolveStore()).toEqual({
      name: "prod",
      type: "delta",
      kind: "delta",
      options: {
        rootPath: "/data/prod",
        layout: "nested",
        storageOptions: { AWS_REGION: "eu-west-1" },
        fallbackStores: ["base"],
        enableMapDatatype: false,
      },
    });
  });

  it("ignore variables that name no setting, and METAXY_ENTRYPOINT* (entrypoints, not a field)", () => {
    const config = loadConfig({
      configFile: null,
      env: {
        METAXY_LOG_LEVEL: "DEBUG",
        METAXY_KERNELS: "portable",
        METAXY_ENTRYPOINTS__0: "./x.ts",
        OTHER: "1",
      },
      ...quiet,
    });
    expect(config.entrypoints).toEqual([]);
    expect(config.toJSON().project).toBeNull();
  });

  it("drop an incomplete store (no type) with a warning, as Python does", () => {
    const root = tempProject({ "metaxy.toml": 'project = "p"\n' });
    const config = loadConfig({
      cwd: root,
      env: { METAXY_STORES__STRAY__CONFIG__CONNECTION_STRING: "duckdb:///x" },
      ...quiet,
    });
    expect(config.storeNames()).toEqual([]);
    expect(config.warnings).toEqual([
      'config: ignoring incomplete store config "stray": missing required "type" field ' +
        "(has fields: config, config.connection_string). This is typically caused by environment variables.",
    ]);
  });

  it("name the variable in validation errors", () => {
    const root = tempProject({ "metaxy.toml": 'project = "p"\n' });
    const error = thrown(() =>
      loadConfig({ cwd: root, env: { METAXY_HASH_TRUNCATION_LENGTH: "4" }, ...quiet }),
    );
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message).toBe(
      "config: environment variable METAXY_HASH_TRUNCATION_LENGTH: hash_truncation_length: must be an integer >= 8, got 4\n" +
        `Config file: ${join(root, "metaxy.toml")}\n` +
        "Note: METAXY_* environment variables can override config file settings.",
    );
    const nested = thrown(() =>
      loadConfig({
        cwd: root,
        env: { METAXY_STORES__DEV__TYPE: "delta", METAXY_STORES__DEV__CONFIG__LAYOUT: "wide" },
        ...quiet,
      }).resolveStore(),
    );
    expect(nested.message.split("\n")[0]).toBe(
      "config: environment variable METAXY_STORES__DEV__CONFIG__LAYOUT: stores.dev.config.root_path: is required for a delta store (a local path or a URI such as s3://bucket/prefix)",
    );
    const layout = thrown(() =>
      loadConfig({
        cwd: root,
        env: {
          METAXY_STORES__DEV__TYPE: "delta",
          METAXY_STORES__DEV__CONFIG__ROOT_PATH: "/x",
          METAXY_STORES__DEV__CONFIG__LAYOUT: "wide",
        },
        ...quiet,
      }).resolveStore(),
    );
    expect(layout.message.split("\n")[0]).toBe(
      'config: environment variable METAXY_STORES__DEV__CONFIG__LAYOUT: stores.dev.config.layout: must be "nested" or "flat", got "wide"',
    );
  });

  it("reject a whole-field variable that is not JSON", () => {
    const error = thrown(() => loadConfig({ configFile: null, env: { METAXY_STORES: "dev" }, ...quiet }));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message.split("\n")[0]).toBe(
      'config: environment variable METAXY_STORES: stores: must be JSON, got "dev"',
    );
  });

  it("override a list from the file instead of appending to it", () => {
    const root = tempProject({ "metaxy.toml": '[[extra_features]]\nprojects = ["a"]\n' });
    const config = loadConfig({ cwd: root, env: { METAXY_EXTRA_FEATURES: '[{"keys": ["x/y"]}]' }, ...quiet });
    expect(config.extraFeatures).toEqual([{ projects: null, keys: ["x/y"], all: null }]);
  });
});
