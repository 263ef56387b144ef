import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { configError } from "./config-sources.js";
import { pyprojectHasMetaxy } from "./read-toml-file.js";

/**
 * Finds the config file in `dir`: `metaxy.toml`, else a `pyproject.toml` with a `[tool.metaxy]` table.
 *
 * @example
 * configFileIn("/repo"); // "/repo/metaxy.toml" or "/repo/pyproject.toml" or null
 */
export function configFileIn(dir: string): string | null {
  const metaxyToml = join(dir, "metaxy.toml");
  if (isFile(metaxyToml)) return metaxyToml;
  const pyproject = join(dir, "pyproject.toml");
  if (isFile(pyproject) && pyprojectHasMetaxy(pyproject)) return pyproject;
  return null;
}

/**
 * Picks the config file, first match wins: the explicit `configFile` (`null` = none at all), the
 * `METAXY_CONFIG` variable, then discovery from `cwd` (and its parents when `searchParents`).
 * Returns the real absolute path, or null when there is no file (defaults apply).
 *
 * @example
 * locateConfigFile({ cwd: "/repo/sub", searchParents: true, env: {} }); // "/repo/metaxy.toml"
 */
export function locateConfigFile(options: {
  readonly configFile?: string | null;
  readonly cwd: string;
  readonly searchParents: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}): string | null {
  const { configFile, cwd, env } = options;
  if (configFile === null) return null;
  if (configFile !== undefined) return existing(resolve(cwd, configFile), "the configFile option");
  const fromEnv = env.METAXY_CONFIG;
  if (fromEnv !== undefined && fromEnv !== "") return existing(resolve(cwd, fromEnv), "METAXY_CONFIG");
  let dir = cwd;
  for (;;) {
    const found = configFileIn(dir);
    if (found !== null) return realpathSync(found);
    const parent = dirname(dir);
    if (!options.searchParents || parent === dir) return null;
    dir = parent;
  }
}

function existing(file: string, origin: string): string {
  if (!existsSync(file)) throw configError(file, [], `config file not found (set by ${origin})`);
  if (!isFile(file)) throw configError(file, [], `not a file (set by ${origin})`);
  return realpathSync(file);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
