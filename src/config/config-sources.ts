import { InvalidConfigError } from "../errors.js";
import { covers, formatKeyPath, isTable, type KeyPath, own, type RawTable } from "./raw-table.js";

/** The closing line of every config error, as in Python's `InvalidConfigError`. */
const ENV_NOTE = "Note: METAXY_* environment variables can override config file settings.";

/**
 * Builds the `InvalidConfigError` every config problem raises: `config: <source>: <key path>: <problem>`,
 * then the config file when the source is another one, then Python's note on `METAXY_*` variables.
 *
 * @example
 * configError("/repo/metaxy.toml", ["store"], "must be a string, got 3");
 * // config: /repo/metaxy.toml: store: must be a string, got 3
 * // Note: METAXY_* environment variables can override config file settings.
 */
export function configError(
  where: string,
  path: KeyPath,
  problem: string,
  options: { readonly configFile?: string | null; readonly cause?: unknown } = {},
): InvalidConfigError {
  const lines = [`config: ${where}: ${path.length > 0 ? `${formatKeyPath(path)}: ` : ""}${problem}`];
  const configFile = options.configFile ?? null;
  if (configFile !== null && where !== configFile) lines.push(`Config file: ${configFile}`);
  lines.push(ENV_NOTE);
  return new InvalidConfigError(
    lines.join("\n"),
    options.cause === undefined ? undefined : { cause: options.cause },
  );
}

/**
 * One file of an `extend` chain after `${VAR}` expansion, with `extend` removed.
 *
 * @example
 * const layer: ConfigLayer = { file: "/repo/metaxy.toml", data: { project: "demo" } };
 */
export interface ConfigLayer {
  readonly file: string;
  readonly data: RawTable;
}

/**
 * Settings read from `METAXY_*` variables, and which variable set which key path.
 *
 * @example
 * const env: EnvLayer = { data: { store: "prod" }, origins: [{ path: ["store"], name: "METAXY_STORE" }] };
 */
export interface EnvLayer {
  readonly data: RawTable;
  readonly origins: readonly { readonly path: KeyPath; readonly name: string }[];
}

/**
 * Remembers where every setting came from (overrides, a `METAXY_*` variable, or one file of the
 * `extend` chain) so an error can name the place the user has to edit.
 *
 * @example
 * const sources = new ConfigSources("/repo/metaxy.toml", layers, env, {});
 * throw sources.error(["hash_truncation_length"], "must be an integer >= 8, got 4");
 */
export class ConfigSources {
  readonly configFile: string | null;
  private readonly layers: readonly ConfigLayer[];
  private readonly env: EnvLayer;
  private readonly overrides: RawTable;

  /** `layers` are ancestor-first: the last one is the config file itself. */
  constructor(configFile: string | null, layers: readonly ConfigLayer[], env: EnvLayer, overrides: RawTable) {
    this.configFile = configFile;
    this.layers = layers;
    this.env = env;
    this.overrides = overrides;
  }

  /**
   * The source that set `path` (or its nearest existing parent): `"overrides"`, a variable name, a
   * file path, or `"defaults"`.
   */
  describe(path: KeyPath): string {
    for (let len = path.length; len >= 1; len--) {
      const prefix = path.slice(0, len);
      if (covers(this.overrides, prefix)) return "overrides";
      if (covers(this.env.data, prefix)) return this.envVariableFor(prefix);
      const file = this.fileFor(prefix);
      if (file !== null) return file;
    }
    return this.configFile ?? "defaults";
  }

  /** An `InvalidConfigError` naming the source, the key path and the problem. */
  error(path: KeyPath, problem: string, cause?: unknown): InvalidConfigError {
    return this.errorAt(this.describe(path), path, problem, cause);
  }

  /** Like `error`, with the source given explicitly (e.g. a file that failed to parse). */
  errorAt(where: string, path: KeyPath, problem: string, cause?: unknown): InvalidConfigError {
    return configError(where, path, problem, { configFile: this.configFile, cause });
  }

  private envVariableFor(path: KeyPath): string {
    const startsWith = (long: KeyPath, short: KeyPath) =>
      short.length <= long.length && short.every((segment, i) => segment === long[i]);
    let best: { path: KeyPath; name: string } | undefined;
    for (const origin of this.env.origins) {
      if (startsWith(path, origin.path) && (best === undefined || origin.path.length > best.path.length))
        best = origin;
    }
    if (best !== undefined) return `environment variable ${best.name}`;
    // A table the variables created: name the variables that filled it.
    const inside = this.env.origins
      .filter((origin) => startsWith(origin.path, path))
      .map((origin) => origin.name);
    return inside.length === 1
      ? `environment variable ${inside[0]}`
      : `environment variables ${inside.join(", ")}`;
  }

  /** The file of the chain whose value survived the merge at `path`, or null. */
  private fileFor(path: KeyPath): string | null {
    const [head, index] = path;
    if (typeof head === "string" && typeof index === "number") {
      // Lists are concatenated along the chain: find the layer that contributed this element.
      let parts: { file: string; length: number }[] = [];
      for (const layer of this.layers) {
        const value = own(layer.data, head);
        if (Array.isArray(value)) parts.push({ file: layer.file, length: value.length });
        else if (value !== undefined) parts = [];
      }
      let start = 0;
      for (const part of parts) {
        if (index < start + part.length) return part.file;
        start += part.length;
      }
      return null;
    }
    let sawTable = false;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i]!;
      const value = own(layer.data, String(head));
      if (value === undefined) continue;
      if (path.length === 1) return layer.file;
      if (!isTable(value)) return sawTable ? null : covers(layer.data, path) ? layer.file : null;
      sawTable = true;
      // Top-level tables merge one level deep: the nearest file holding the second key owns the rest.
      if (covers(layer.data, path.slice(0, 2))) return covers(layer.data, path) ? layer.file : null;
    }
    return null;
  }
}
