import { existsSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type ConfigLayer, configError } from "./config-sources.js";
import { expandEnvVars } from "./expand-env-vars.js";
import type { RawTable } from "./raw-table.js";
import { readTomlFile } from "./read-toml-file.js";

/**
 * Reads a config file and, recursively, the files it `extend`s (paths relative to the declaring
 * file). Returns the layers ancestor-first, each with `${VAR}` expanded and `extend` removed.
 * A cycle raises an error that spells the whole cycle.
 *
 * @example
 * readConfigChain("/repo/dev.toml", process.env).map((l) => l.file);
 * // ["/repo/base.toml", "/repo/dev.toml"]
 */
export function readConfigChain(
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): ConfigLayer[] {
  return visit(file, [], env);
}

function visit(
  file: string,
  seen: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ConfigLayer[] {
  const { extend, ...data }: RawTable = expandEnvVars(readTomlFile(file), env);
  const layer: ConfigLayer = { file, data };
  if (extend === undefined) return [layer];
  if (typeof extend !== "string" || extend === "") {
    throw configError(
      file,
      ["extend"],
      `must be the path of another config file, got ${JSON.stringify(extend)}`,
    );
  }
  const target = resolve(dirname(file), extend);
  if (!existsSync(target)) {
    throw configError(file, ["extend"], `the extended config file does not exist: ${target}`);
  }
  const real = realpathSync(target);
  const chain = [...seen, file];
  if (chain.includes(real)) {
    throw configError(file, ["extend"], `circular config inheritance: ${[...chain, real].join(" -> ")}`);
  }
  return [...visit(real, chain, env), layer];
}
