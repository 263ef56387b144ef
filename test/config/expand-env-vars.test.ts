// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these are ${VAR} placeholders for the config expander.
import { describe, expect, it } from "vitest";
import { expandEnvVars } from "../../src/config/expand-env-vars.js";
import { loadConfig } from "../../src/config/load-config.js";
import { tempProject } from "./temp-project.js";

const quiet = { emitWarnings: false } as const;

describe("expandEnvVars", () => {
  it("replaces ${VAR} and ${VAR:-default} in strings at any depth, never in keys", () => {
    const env = { A: "1", EMPTY: "" };
    expect(
      expandEnvVars(
        { "${A}": "${A}-${B:-two}-${C}", list: ["${A}", 3, { deep: "${EMPTY:-unused}" }], n: 5, flag: true },
        env,
      ),
    ).toEqual({ "${A}": "1-two-", list: ["1", 3, { deep: "" }], n: 5, flag: true });
    expect(expandEnvVars({ s: "${A:default} ${A:-x:-y} $A ${}" }, env)).toEqual({
      s: "${A:default} 1 $A ${}",
    });
  });
});

describe("${VAR} expansion", () => {
  it("expands ${VAR} and ${VAR:-default} in every string, after extend and before validation", () => {
    const root = tempProject({
      "base.toml": 'theme = "${THEME:-plain}"\n',
      "metaxy.toml": [
        'extend = "${BASE_FILE:-base.toml}"',
        'project = "${PROJECT}"',
        'store = "${STORE:-dev}"',
        'entrypoints = ["./${FEATURES_DIR:-src}/features.ts", "${UNSET_VAR}x"]',
        "hash_truncation_length = 8",
        "[stores.dev]",
        'type = "delta"',
        "[stores.dev.config]",
        'root_path = "${DATA_ROOT:-/srv/data}/metaxy"',
        'storage_options = { AWS_REGION = "${REGION:-us-east-1}", literal = "$${NOT:-x}", partial = "${oops" }',
        "",
      ].join("\n"),
    });
    const env = { PROJECT: "expanded", STORE: "", FEATURES_DIR: "lib", REGION: "eu-central-1" };
    const config = loadConfig({ cwd: root, env, ...quiet });
    expect(config.project).toBe("expanded");
    expect(config.store).toBe(""); // a set-but-empty variable wins over the default
    expect(config.theme).toBe("plain");
    expect(config.entrypoints).toEqual(["./lib/features.ts", "x"]);
    expect(config.stores.dev!.config).toEqual({
      root_path: "/srv/data/metaxy",
      storage_options: { AWS_REGION: "eu-central-1", literal: "$x", partial: "${oops" },
    });
  });

  it("does not expand values that come from METAXY_* variables (as Python)", () => {
    const config = loadConfig({
      configFile: null,
      env: {
        METAXY_STORES__DEV__TYPE: "delta",
        METAXY_STORES__DEV__CONFIG__ROOT_PATH: "s3://${X:-y}/m",
        X: "z",
      },
      ...quiet,
    });
    expect(config.stores.dev!.config.root_path).toBe("s3://${X:-y}/m");
  });
});
