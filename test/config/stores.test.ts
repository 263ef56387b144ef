import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { STORE_TYPES, storeKindOf } from "../../src/config/store-kinds.js";
import type { ConfigOverrides } from "../../src/config/types.js";
import { InvalidConfigError } from "../../src/errors.js";
import { QUICKSTART_TOML, tempProject, thrown } from "./temp-project.js";

const quiet = { emitWarnings: false } as const;

/** A config with only the given stores (no file), resolved against cwd /srv/app. */
function withStores(stores: ConfigOverrides["stores"], extra: ConfigOverrides = {}) {
  return loadConfig({
    configFile: null,
    cwd: "/srv/app",
    env: { HOME: "/home/me" },
    overrides: { stores, ...extra },
    ...quiet,
  });
}

function firstLine(fn: () => unknown): string {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(InvalidConfigError);
  expect((error as InvalidConfigError).code).toBe("INVALID_CONFIG");
  return error.message.split("\n")[0]!;
}

describe("stores", () => {
  it("Python's quickstart metaxy.toml works unchanged and resolves to a delta store", () => {
    const root = tempProject({ "metaxy.toml": QUICKSTART_TOML });
    const config = loadConfig({ cwd: root, env: {}, ...quiet });
    expect(config.project).toBe("example_quickstart");
    expect(config.autoCreateTables).toBe(true);
    expect(config.store).toBe("dev");
    expect(config.storeNames()).toEqual(["dev"]);
    expect(config.resolveStore()).toEqual({
      name: "dev",
      type: "metaxy.ext.polars.handlers.delta.DeltaMetadataStore",
      kind: "delta",
      options: {
        rootPath: "/tmp/example_quickstart",
        layout: "nested",
        fallbackStores: [],
        enableMapDatatype: false,
      },
    });
    expect(config.tsEntrypoints).toEqual([]);
  });

  it("maps Python class paths and short names to kinds", () => {
    for (const type of [
      "delta",
      "metaxy.ext.polars.handlers.delta.DeltaMetadataStore",
      "metaxy.ext.polars.DeltaMetadataStore",
      "metaxy.ext.metadata_stores.delta.DeltaMetadataStore",
    ]) {
      expect(storeKindOf(type)).toBe("delta");
      expect(withStores({ s: { type, config: { root_path: "/m" } } }).resolveStore("s").kind).toBe("delta");
    }
    for (const type of [
      "memory",
      "metaxy.InMemoryMetadataStore",
      "metaxy.metadata_store.memory.InMemoryMetadataStore",
    ]) {
      expect(storeKindOf(type)).toBe("memory");
      expect(withStores({ s: { type } }).resolveStore("s")).toEqual({
        name: "s",
        type,
        kind: "memory",
        options: { fallbackStores: [], enableMapDatatype: false },
      });
    }
    expect(storeKindOf("metaxy.ext.duckdb.DuckDBMetadataStore")).toBeNull();
    expect(storeKindOf("Delta")).toBeNull();
  });

  it("rejects store types this port does not implement, naming the file, store, type and supported kinds", () => {
    const root = tempProject({
      "metaxy.toml":
        '[stores.dev]\ntype = "delta"\nconfig = { root_path = "/m" }\n[stores.warehouse]\ntype = "metaxy.ext.duckdb.DuckDBMetadataStore"\n[stores.warehouse.config]\ndatabase = "x.duckdb"\n',
    });
    // Loading works (Python also imports store classes lazily); only resolving the DuckDB store fails.
    const config = loadConfig({ cwd: root, env: {}, ...quiet });
    expect(config.resolveStore().kind).toBe("delta");
    const message = thrown(() => config.resolveStore("warehouse")).message;
    expect(message).toBe(
      `config: ${join(root, "metaxy.toml")}: stores.warehouse.type: store "warehouse" has type ` +
        '"metaxy.ext.duckdb.DuckDBMetadataStore", which this TypeScript port does not implement; supported kinds: ' +
        `delta (${STORE_TYPES.delta.map((t) => `"${t}"`).join(", ")}); memory (${STORE_TYPES.memory.map((t) => `"${t}"`).join(", ")})\n` +
        "Note: METAXY_* environment variables can override config file settings.",
    );
  });

  it("resolves root paths like Python: cwd-relative, ~ expanded, file:// stripped, remote URIs kept", () => {
    const root = (root_path: string) =>
      withStores({ s: { type: "delta", config: { root_path } } }).resolveStore("s").options;
    expect(root("./metadata")).toMatchObject({ rootPath: "/srv/app/metadata" });
    expect(root("metadata/../m")).toMatchObject({ rootPath: "/srv/app/m" });
    expect(root("~/metaxy")).toMatchObject({ rootPath: "/home/me/metaxy" });
    expect(root("file:///data/m/")).toMatchObject({ rootPath: "/data/m" });
    expect(root("local://rel")).toMatchObject({ rootPath: "/srv/app/rel" });
    expect(root("s3://bucket/prefix//")).toMatchObject({ rootPath: "s3://bucket/prefix" });
    expect(root("az://container/p")).toMatchObject({ rootPath: "az://container/p" });
    const defaultHome = loadConfig({
      configFile: null,
      cwd: "/",
      env: {},
      overrides: { stores: { s: { type: "delta", config: { root_path: "~" } } } },
      ...quiet,
    });
    expect(defaultHome.resolveStore("s").options).toMatchObject({ rootPath: homedir() });
  });

  it("passes every delta option through in camelCase", () => {
    const storageOptions = { AWS_REGION: "us-west-2", AWS_ALLOW_HTTP: true, nested: { a: 1 } };
    const resolved = withStores(
      {
        dev: {
          type: "delta",
          config: {
            root_path: "s3://b/m",
            layout: "flat",
            storage_options: storageOptions,
            delta_write_options: { max_workers: 4 },
            hash_algorithm: "sha256",
            versioning_engine: "polars",
            fallback_stores: ["prod"],
            enable_map_datatype: true,
          },
        },
        prod: { type: "delta", config: { root_path: "s3://b/prod", hash_algorithm: "sha256" } },
      },
      { store: "dev" },
    ).resolveStore(undefined, { materializationId: "run-42" });
    expect(resolved).toEqual({
      name: "dev",
      type: "delta",
      kind: "delta",
      options: {
        rootPath: "s3://b/m",
        layout: "flat",
        storageOptions,
        deltaWriteOptions: { max_workers: 4 },
        hashAlgorithm: "sha256",
        versioningEngine: "polars",
        fallbackStores: ["prod"],
        enableMapDatatype: true,
        materializationId: "run-42",
      },
    });
  });

  it("takes enable_map_datatype from the global flag unless the store sets it", () => {
    const config = withStores(
      { a: { type: "memory" }, b: { type: "memory", config: { enable_map_datatype: false } } },
      { enableMapDatatype: true },
    );
    expect(config.resolveStore("a").options.enableMapDatatype).toBe(true);
    expect(config.resolveStore("b").options.enableMapDatatype).toBe(false);
  });

  it("validates store options", () => {
    const delta = (config: Record<string, unknown>) => () =>
      withStores({ dev: { type: "delta", config } }).resolveStore();
    expect(firstLine(delta({}))).toBe(
      "config: overrides: stores.dev.config.root_path: is required for a delta store (a local path or a URI such as s3://bucket/prefix)",
    );
    expect(firstLine(delta({ root_path: "" }))).toBe(
      "config: overrides: stores.dev.config.root_path: must not be empty",
    );
    expect(firstLine(delta({ root_path: "/m", layout: "deep" }))).toBe(
      'config: overrides: stores.dev.config.layout: must be "nested" or "flat", got "deep"',
    );
    expect(firstLine(delta({ root_path: "/m", hash_algorithm: "farmhash" }))).toBe(
      'config: overrides: stores.dev.config.hash_algorithm: hash algorithm "farmhash" is not supported (Python offers it for BigQuery only); ' +
        "use one of xxhash64, xxhash32, wyhash, sha256, md5",
    );
    expect(firstLine(delta({ root_path: "/m", hash_algorithm: "crc32" }))).toBe(
      'config: overrides: stores.dev.config.hash_algorithm: unknown hash algorithm "crc32"; supported: xxhash64, xxhash32, wyhash, sha256, md5',
    );
    expect(firstLine(delta({ root_path: "/m", versioning_engine: "ibis" }))).toBe(
      'config: overrides: stores.dev.config.versioning_engine: must be one of "auto", "native", "polars", got "ibis"',
    );
    expect(firstLine(delta({ root_path: "/m", storage_options: "AWS_REGION=x" }))).toBe(
      'config: overrides: stores.dev.config.storage_options: must be a table, got "AWS_REGION=x"',
    );
    expect(firstLine(delta({ root_path: "/m", database: "x.duckdb" }))).toBe(
      'config: overrides: stores.dev.config.database: unknown key "database"; allowed: root_path, storage_options, layout, ' +
        "delta_write_options, fallback_stores, hash_algorithm, versioning_engine, enable_map_datatype (for a delta store)",
    );
    expect(
      firstLine(() => withStores({ m: { type: "memory", config: { root_path: "/m" } } }).resolveStore("m")),
    ).toBe(
      'config: overrides: stores.m.config.root_path: unknown key "root_path"; allowed: fallback_stores, hash_algorithm, ' +
        "versioning_engine, enable_map_datatype (for a memory store)",
    );
  });

  it("reports missing stores", () => {
    expect(firstLine(() => loadConfig({ configFile: null, env: {}, ...quiet }).resolveStore())).toBe(
      "config: defaults: stores: no stores configured; add [stores.<name>] with type and [stores.<name>.config] to metaxy.toml, or set METAXY_STORES__<NAME>__TYPE",
    );
    expect(firstLine(() => withStores({ dev: { type: "memory" } }).resolveStore("staging"))).toBe(
      'config: overrides: stores: store "staging" is not configured; available stores: dev',
    );
    expect(firstLine(() => withStores({}).resolveStore())).toBe(
      "config: overrides: stores: no stores configured; add [stores.<name>] with type and [stores.<name>.config] to metaxy.toml, or set METAXY_STORES__<NAME>__TYPE",
    );
    expect(
      firstLine(() => withStores({ prod: { type: "memory" }, ci: { type: "memory" } }).resolveStore()),
    ).toBe('config: defaults: store: store "dev" is not configured; available stores: prod, ci');
  });

  it("validates fallback stores: configured, not itself, no cycles, same explicit hash algorithm", () => {
    const mem = (config: Record<string, unknown>) => ({ type: "memory", config });
    expect(
      withStores({
        dev: mem({ fallback_stores: ["a", "b"] }),
        a: mem({ fallback_stores: ["b"] }),
        b: mem({}),
      }).resolveStore().options.fallbackStores,
    ).toEqual(["a", "b"]);
    expect(firstLine(() => withStores({ dev: mem({ fallback_stores: ["prod"] }) }).resolveStore())).toBe(
      'config: overrides: stores.dev.config.fallback_stores[0]: fallback store "prod" of "dev" is not configured; available stores: dev',
    );
    expect(firstLine(() => withStores({ dev: mem({ fallback_stores: ["dev"] }) }).resolveStore())).toBe(
      'config: overrides: stores.dev.config.fallback_stores[0]: store "dev" lists itself as a fallback store',
    );
    expect(
      firstLine(() =>
        withStores({
          dev: mem({ fallback_stores: ["a"] }),
          a: mem({ fallback_stores: ["b"] }),
          b: mem({ fallback_stores: ["dev"] }),
        }).resolveStore(),
      ),
    ).toBe(
      "config: overrides: stores.b.config.fallback_stores[0]: fallback stores form a cycle: dev -> a -> b -> dev",
    );
    expect(
      firstLine(() =>
        withStores({
          dev: mem({ fallback_stores: ["a"], hash_algorithm: "md5" }),
          a: mem({ hash_algorithm: "xxhash64" }),
        }).resolveStore(),
      ),
    ).toBe(
      'config: overrides: stores.dev.config.fallback_stores[0]: all stores of a fallback chain must use the same hash algorithm: "dev" uses md5, its fallback "a" uses xxhash64',
    );
    expect(
      firstLine(() =>
        withStores({
          dev: mem({ fallback_stores: ["w"] }),
          w: { type: "metaxy.ext.clickhouse.ClickHouseMetadataStore" },
        }).resolveStore(),
      ),
    ).toMatch(
      /^config: overrides: stores\.w\.type: store "w" has type "metaxy\.ext\.clickhouse\.ClickHouseMetadataStore", which this TypeScript port does not implement/,
    );
  });
});
