import { resolve } from "node:path";

/** `scheme://...`; a Windows drive (`C:\`) has no `//` and stays local. */
const URI = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;

/**
 * Normalises a Delta `root_path` as Python's `DeltaMetadataStore` does: remote URIs (`s3://`,
 * `gs://`, `az://`, ...) lose trailing slashes; `file://` and `local://` prefixes are stripped; local
 * paths get `~` expanded and are made absolute against `cwd` (Python: `expanduser().resolve()` from
 * the process working directory, not the config file's directory).
 *
 * @example
 * resolveRootPath("s3://bucket/metaxy/", "/repo", "/home/me"); // "s3://bucket/metaxy"
 * resolveRootPath("./metadata", "/repo", "/home/me");          // "/repo/metadata"
 * resolveRootPath("~/m", "/repo", "/home/me");                 // "/home/me/m"
 */
export function resolveRootPath(rootPath: string, cwd: string, home: string): string {
  const match = URI.exec(rootPath);
  let local = rootPath;
  if (match !== null) {
    const scheme = match[1]!.toLowerCase();
    if (scheme !== "file" && scheme !== "local") return rootPath.replace(/\/+$/, "");
    local = rootPath.slice(match[0].length);
  }
  if (local === "~" || local.startsWith("~/")) local = home + local.slice(1);
  return resolve(cwd, local);
}
