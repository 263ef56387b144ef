import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const REPO = resolve(new URL("../..", import.meta.url).pathname);
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*"(\.{1,2}\/[^"]+\.js)"/g;

/**
 * Transpiles `entry` (a .ts file of this repo) and every .ts file it reaches by relative import
 * into `outDir` (mirroring repo paths; type-only code erased, no type check) and returns the
 * entry's .js path. Children then start in plain Node instead of paying tsx's per-module loader
 * cost (about a second for our import graph), which would otherwise dominate the harness's wall
 * time. `outDir` sits under node_modules/.cache so packages resolve from the repo; it gets a
 * `{"type":"module"}` package.json and a `native` link so the kernel loader finds the addon.
 *
 * @example
 * const childJs = compileClosure("bench/resolve-update/child.ts", "node_modules/.cache/metaxy-bench");
 */
export function compileClosure(entry: string, outDir: string): string {
  const out = resolve(REPO, outDir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(REPO, "native"), join(out, "native"), "dir");
  const seen = new Set<string>();
  const queue = [resolve(REPO, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(RELATIVE_IMPORT)) {
      queue.push(resolve(dirname(file), match[1]!.replace(/\.js$/, ".ts")));
    }
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        verbatimModuleSyntax: true,
        sourceMap: false,
      },
    });
    const target = join(out, relative(REPO, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return join(out, relative(REPO, resolve(REPO, entry))).replace(/\.ts$/, ".js");
}
