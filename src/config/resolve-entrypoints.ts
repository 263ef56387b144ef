import { existsSync } from "node:fs";
import { isAbsolute, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** File extensions Node (with tsx) can import. */
const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

/**
 * One declared entrypoint list and where it came from.
 *
 * @example
 * const decl: EntrypointDeclaration = { source: "/repo/metaxy.toml", baseDir: "/repo", entries: ["./f.ts"], pythonAware: true };
 */
export interface EntrypointDeclaration {
  /** A file path or a variable name, for the warning. */
  readonly source: string;
  /** Relative paths resolve against this directory (the declaring file's). */
  readonly baseDir: string;
  readonly entries: readonly string[];
  /**
   * Whether the list is shared with Python (metaxy.toml, `METAXY_ENTRYPOINT*`), so that dotted module
   * names are Python modules to skip; package.json lists are TypeScript-only.
   */
  readonly pythonAware: boolean;
}

/**
 * Whether an entry is a Python module name (`example.features`): no path separator, no script
 * extension, not a relative path nor a scoped package.
 *
 * @example
 * isPythonModuleName("example_quickstart.features"); // true
 * isPythonModuleName("./features.ts");               // false
 */
export function isPythonModuleName(entry: string): boolean {
  return (
    !entry.includes("/") &&
    !entry.includes("\\") &&
    !SCRIPT_EXTENSION.test(entry) &&
    !entry.startsWith(".") &&
    !entry.startsWith("@") &&
    !entry.startsWith("file:")
  );
}

/**
 * Turns the declared entrypoints into what `import()` takes: absolute file paths, or package
 * specifiers (`@scope/pkg`, a bare package name from package.json, `pkg/sub` when `pkg` is not a
 * directory next to the declaring file). Python module names from shared lists are collected in
 * `skipped`. Duplicates keep their first position.
 *
 * @example
 * resolveEntrypoints([{ source: "/r/metaxy.toml", baseDir: "/r", entries: ["a.b", "./f.ts"], pythonAware: true }]);
 * // { entrypoints: ["/r/f.ts"], skipped: [{ entry: "a.b", source: "/r/metaxy.toml" }] }
 */
export function resolveEntrypoints(declarations: readonly EntrypointDeclaration[]): {
  readonly entrypoints: readonly string[];
  readonly skipped: readonly { readonly entry: string; readonly source: string }[];
} {
  const entrypoints: string[] = [];
  const skipped: { entry: string; source: string }[] = [];
  for (const { source, baseDir, entries, pythonAware } of declarations) {
    for (const entry of entries) {
      if (pythonAware && isPythonModuleName(entry)) {
        skipped.push({ entry, source });
        continue;
      }
      const target = resolveEntry(entry, baseDir);
      if (!entrypoints.includes(target)) entrypoints.push(target);
    }
  }
  return { entrypoints: Object.freeze(entrypoints), skipped: Object.freeze(skipped) };
}

function resolveEntry(entry: string, baseDir: string): string {
  if (entry.startsWith("file:")) return fileURLToPath(entry);
  if (isAbsolute(entry)) return normalize(entry);
  if (entry.startsWith("@")) return entry;
  if (entry.startsWith(".") || SCRIPT_EXTENSION.test(entry)) return resolve(baseDir, entry);
  const firstSegment = entry.split(/[\\/]/)[0]!;
  if (entry !== firstSegment && existsSync(resolve(baseDir, firstSegment))) return resolve(baseDir, entry);
  return entry;
}
