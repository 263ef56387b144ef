import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { configError } from "./config-sources.js";
import { isTable } from "./raw-table.js";

/**
 * Finds the nearest `package.json` at or above `startDir` and returns its
 * `"metaxy": { "entrypoints": [...] }` list (empty when the field is absent). The search stops at
 * the first `package.json`: a package's settings never come from an enclosing package.
 *
 * @example
 * readPackageEntrypoints("/repo/pipeline");
 * // { file: "/repo/package.json", entries: ["./src/features.ts"] }
 */
export function readPackageEntrypoints(
  startDir: string,
  configFile: string | null,
): { readonly file: string; readonly entries: readonly string[] } | null {
  const file = nearestPackageJson(startDir);
  if (file === null) return null;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw configError(file, [], `cannot read package.json: ${(cause as Error).message}`, {
      configFile,
      cause,
    });
  }
  const metaxy = isTable(manifest) && Object.hasOwn(manifest, "metaxy") ? manifest.metaxy : undefined;
  if (metaxy === undefined) return { file, entries: [] };
  if (!isTable(metaxy)) throw configError(file, ["metaxy"], "must be an object", { configFile });
  const entries = Object.hasOwn(metaxy, "entrypoints") ? metaxy.entrypoints : undefined;
  if (entries === undefined) return { file, entries: [] };
  if (!Array.isArray(entries) || !entries.every((entry) => typeof entry === "string" && entry !== "")) {
    throw configError(file, ["metaxy", "entrypoints"], "must be a list of non-empty strings", { configFile });
  }
  return { file, entries };
}

function nearestPackageJson(startDir: string): string | null {
  let dir = startDir;
  for (;;) {
    const candidate = join(dir, "package.json");
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here; look one level up.
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
