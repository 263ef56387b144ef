import { createRequire } from "node:module";
import { isAbsolute, join } from "node:path";
import { pathToFileURL } from "node:url";

const TYPESCRIPT_FILE = /\.(?:[cm]?ts|tsx)$/i;

let typescriptHooks: Promise<void> | undefined;

/**
 * Installs tsx's loader hooks once per process (ESM `register()` and the CommonJS one), so `.ts`
 * entrypoints and the TypeScript files they import load like JavaScript.
 *
 * @example
 * await registerTypeScript();
 * await import(pathToFileURL("/repo/src/features.ts").href);
 */
export function registerTypeScript(): Promise<void> {
  typescriptHooks ??= (async () => {
    const esm = await import("tsx/esm/api");
    esm.register();
    const cjs = await import("tsx/cjs/api");
    cjs.register();
  })();
  return typescriptHooks;
}

/**
 * Imports one entrypoint and resolves to its module namespace. `entry` is an absolute file path or a
 * package specifier, which resolves from `baseDir` (the user's project, not this library's folder).
 * TypeScript files (`.ts`, `.mts`, `.cts`, `.tsx`) load through tsx; JavaScript (ESM or CommonJS)
 * through plain `import()`.
 *
 * @example
 * const ns = await importEntrypoint("/repo/src/features.ts", "/repo");
 * ns.default; // what the module exports
 */
export async function importEntrypoint(entry: string, baseDir: string): Promise<Record<string, unknown>> {
  const file = isAbsolute(entry) ? entry : resolvePackage(entry, baseDir);
  if (file === null) return (await import(entry)) as Record<string, unknown>;
  if (TYPESCRIPT_FILE.test(file)) await registerTypeScript();
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

/** The file a package specifier names, seen from `baseDir`; null when only `import()` can tell. */
function resolvePackage(specifier: string, baseDir: string): string | null {
  try {
    return createRequire(join(baseDir, "__entrypoint_resolver__.js")).resolve(specifier);
  } catch {
    // ESM-only packages (no "require"/"default" export condition) resolve only through import().
    return null;
  }
}
