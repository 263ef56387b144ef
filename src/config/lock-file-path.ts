import { dirname, isAbsolute, resolve } from "node:path";

/**
 * Where `metaxy.lock` lives (Python's `MetaxyConfig.lock_file`): `metaxy_lock_path` when absolute,
 * else relative to the config file's directory; `metaxy.lock` next to the config file by default;
 * null when a relative location has no config file to anchor it.
 *
 * @example
 * lockFilePath("/repo/metaxy.toml", null);           // "/repo/metaxy.lock"
 * lockFilePath("/repo/metaxy.toml", "locks/x.lock"); // "/repo/locks/x.lock"
 */
export function lockFilePath(configFile: string | null, metaxyLockPath: string | null): string | null {
  if (metaxyLockPath !== null && isAbsolute(metaxyLockPath)) return resolve(metaxyLockPath);
  if (configFile === null) return null;
  return resolve(dirname(configFile), metaxyLockPath ?? "metaxy.lock");
}
