import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import type { ConfigOverrides } from "../../src/config/types.js";
import { tempProject } from "./temp-project.js";

const overrides: ConfigOverrides = {
  project: "demo",
  locked: true,
  entrypoints: ["./f.ts"],
  stores: {
    dev: {
      type: "metaxy.ext.polars.handlers.delta.DeltaMetadataStore",
      config: { root_path: "/srv/m", storage_options: { AWS_REGION: "x" }, fallback_stores: ["prod"] },
    },
    prod: { type: "memory" },
  },
  ext: { p: { level: 3 } },
  extraFeatures: [{ projects: ["a"] }],
};

describe("config print forms", () => {
  const config = loadConfig({ configFile: null, env: {}, overrides, emitWarnings: false });

  it("toJSON is Python's model_dump(mode='json'): snake_case, field order, nulls", () => {
    expect(JSON.stringify(config)).toBe(
      JSON.stringify({
        store: "dev",
        stores: {
          dev: {
            type: "metaxy.ext.polars.handlers.delta.DeltaMetadataStore",
            config: { root_path: "/srv/m", storage_options: { AWS_REGION: "x" }, fallback_stores: ["prod"] },
          },
          prod: { type: "memory", config: {} },
        },
        extend: null,
        entrypoints: ["./f.ts"],
        theme: "default",
        ext: { p: { enable: false, level: 3 } },
        hash_truncation_length: 8,
        enable_map_datatype: false,
        auto_create_tables: false,
        project: "demo",
        locked: true,
        sync: true,
        extra_features: [{ projects: ["a"], keys: null, all: null }],
        metaxy_lock_path: null,
      }),
    );
  });

  it("toTOML is the same data without nulls", () => {
    expect(config.toTOML()).toBe(
      [
        'store = "dev"',
        'entrypoints = [ "./f.ts" ]',
        'theme = "default"',
        "hash_truncation_length = 8",
        "enable_map_datatype = false",
        "auto_create_tables = false",
        'project = "demo"',
        "locked = true",
        "sync = true",
        "",
        "[stores.dev]",
        'type = "metaxy.ext.polars.handlers.delta.DeltaMetadataStore"',
        "",
        "[stores.dev.config]",
        'root_path = "/srv/m"',
        'fallback_stores = [ "prod" ]',
        "",
        "[stores.dev.config.storage_options]",
        'AWS_REGION = "x"',
        "",
        "[stores.prod]",
        'type = "memory"',
        "",
        "[stores.prod.config]",
        "[ext.p]",
        "enable = false",
        "level = 3",
        "",
        "[[extra_features]]",
        'projects = [ "a" ]',
        "",
      ].join("\n"),
    );
  });

  it("toTOML output loads back to the same configuration, big integers included", () => {
    const root = tempProject({
      "metaxy.toml": `${config.toTOML()}\n`,
    });
    const reloaded = loadConfig({ cwd: root, env: {}, emitWarnings: false });
    expect(reloaded.toJSON()).toEqual(config.toJSON());

    const big = tempProject({
      "metaxy.toml":
        '[stores.dev]\ntype = "delta"\n[stores.dev.config]\nroot_path = "/m"\nstorage_options = { n = 12345678901234567890 }\n',
    });
    const withBig = loadConfig({ cwd: big, env: {}, emitWarnings: false });
    expect(withBig.stores.dev!.config.storage_options).toEqual({ n: 12345678901234567890n });
    expect(withBig.toTOML()).toContain("n = 12345678901234567890\n");
    expect(
      (withBig.toJSON().stores as Record<string, { config: { storage_options: unknown } }>).dev!.config
        .storage_options,
    ).toEqual({
      n: "12345678901234567890",
    });
  });
});
