import { homedir } from "node:os";
import { dirname, resolve } from "node:path";
import { applyConfigDefaults } from "./apply-config-defaults.js";
import { type ConfigLayer, ConfigSources } from "./config-sources.js";
import { locateConfigFile } from "./locate-config-file.js";
import { deepMerge, mergeExtended } from "./merge-config.js";
import { MetaxyConfig } from "./metaxy-config.js";
import { overridesToRaw } from "./overrides-to-raw.js";
import type { RawTable } from "./raw-table.js";
import { readConfigChain } from "./read-config-chain.js";
import { readEnvConfig, readEnvEntrypoints } from "./read-env-config.js";
import { readPackageEntrypoints } from "./read-package-entrypoints.js";
import { type EntrypointDeclaration, resolveEntrypoints } from "./resolve-entrypoints.js";
import type { LoadConfigOptions } from "./types.js";
import { validateConfig } from "./validate-config.js";

/**
 * The `process.emitWarning` type of every config warning.
 *
 * @example
 * process.on("warning", (w) => { if (w.name === CONFIG_WARNING_TYPE) console.error(w.message); });
 */
export const CONFIG_WARNING_TYPE = "MetaxyConfigWarning";

/**
 * Loads the Metaxy configuration like Python's `MetaxyConfig.load()`: finds the file (`configFile`,
 * else `METAXY_CONFIG`, else `metaxy.toml` / `pyproject.toml [tool.metaxy]` from `cwd` upwards),
 * follows `extend`, expands `${VAR:-default}`, layers `METAXY_*` variables and `overrides` on top
 * (overrides > variables > file), validates everything, and applies the global defaults (hash
 * truncation length). Without a file, defaults apply. Throws `InvalidConfigError`.
 *
 * @example
 * const config = loadConfig({ cwd: "/repo/pipeline" });
 * const { kind, options } = config.resolveStore(); // { kind: "delta", options: { rootPath: ... } }
 */
export function loadConfig(options: LoadConfigOptions = {}): MetaxyConfig {
  const env = options.env ?? process.env;
  const cwd = resolve(options.cwd ?? process.cwd());
  const configFile = locateConfigFile({
    configFile: options.configFile,
    cwd,
    searchParents: options.searchParents ?? true,
    env,
  });
  const layers = configFile === null ? [] : readConfigChain(configFile, env);
  const fileData = layers.reduce<RawTable>((merged, layer) => mergeExtended(merged, layer.data), {});
  const envLayer = readEnvConfig(env);
  const overrides = overridesToRaw(options.overrides);
  const sources = new ConfigSources(configFile, layers, envLayer, overrides);
  const warnings: string[] = [];
  const fields = validateConfig(deepMerge(deepMerge(fileData, envLayer.data), overrides), sources, warnings);

  const declarations: EntrypointDeclaration[] = Object.hasOwn(overrides, "entrypoints")
    ? [{ source: "overrides", baseDir: cwd, entries: fields.entrypoints, pythonAware: true }]
    : fileEntrypoints(layers);
  const manifest = readPackageEntrypoints(configFile === null ? cwd : dirname(configFile), configFile);
  if (manifest !== null && manifest.entries.length > 0) {
    declarations.push({
      source: manifest.file,
      baseDir: dirname(manifest.file),
      entries: manifest.entries,
      pythonAware: false,
    });
  }
  for (const { name, entries } of readEnvEntrypoints(env)) {
    declarations.push({ source: name, baseDir: cwd, entries, pythonAware: true });
  }
  const { entrypoints, skipped } = resolveEntrypoints(declarations);
  if (skipped.length > 0) {
    const list = skipped.map(({ entry, source }) => `"${entry}" (${source})`).join(", ");
    warnings.push(
      `config: skipped ${skipped.length} Python entrypoint${skipped.length > 1 ? "s" : ""} ${list}: ` +
        "Python modules cannot be imported from TypeScript. Declare TypeScript entrypoints as paths " +
        '("./src/features.ts") or in package.json "metaxy": { "entrypoints": [...] }.',
    );
  }

  const config = new MetaxyConfig({
    fields,
    sources,
    extendedFiles: Object.freeze(layers.map((layer) => layer.file)),
    tsEntrypoints: entrypoints,
    warnings: Object.freeze(warnings),
    cwd,
    home: env.HOME ?? homedir(),
  });
  if (options.emitWarnings ?? true) {
    for (const warning of warnings) process.emitWarning(warning, { type: CONFIG_WARNING_TYPE });
  }
  applyConfigDefaults(config);
  return config;
}

/** Each file's `entrypoints`, relative to that file, in the order the `extend` merge concatenates them. */
function fileEntrypoints(layers: readonly ConfigLayer[]): EntrypointDeclaration[] {
  let declarations: EntrypointDeclaration[] = [];
  for (const { file, data } of layers) {
    const entries = Object.hasOwn(data, "entrypoints") ? data.entrypoints : undefined;
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) {
      declarations = [];
      continue;
    }
    const strings = entries.filter((entry): entry is string => typeof entry === "string");
    declarations.push({ source: file, baseDir: dirname(file), entries: strings, pythonAware: true });
  }
  return declarations;
}
