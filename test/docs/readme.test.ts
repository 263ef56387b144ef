/**
 * The README's library snippet is real code: extract it, run it twice as a process against a temp
 * Delta store (importing "metaxy" through the package's self-reference to dist/), check its output.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "../..");
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const run = promisify(execFile);

function readmeSnippet(): string {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Use it from Node"));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (match === null) throw new Error("README: no ts snippet under 'Use it from Node'");
  return match[1]!;
}

describe("README library snippet", () => {
  // Inside the repo, so `import "metaxy"` resolves to this package (dist/ is built before tests).
  const script = join(REPO, `.scratch-readme-${process.pid}.mts`);
  const store = mkdtempSync(join(tmpdir(), "metaxy-readme-"));
  afterAll(() => {
    rmSync(script, { force: true });
    rmSync(store, { recursive: true, force: true });
  });

  it("runs and is idempotent", async () => {
    expect(existsSync(join(REPO, "dist/index.js")), "run `npm run build` first").toBe(true);
    writeFileSync(script, readmeSnippet());
    const once = await run(process.execPath, ["--import", TSX, script, store], { cwd: REPO });
    // Python Metaxy 0.1.10 gives the same versions for this graph (python-reference/metaxy_ref.py).
    expect(once.stdout).toBe("360f64a1 { faces: '781b68fb' }\nvideo: 2 new, 0 stale\nfaces: 2 new\n");
    const twice = await run(process.execPath, ["--import", TSX, script, store], { cwd: REPO });
    expect(twice.stdout).toBe("360f64a1 { faces: '781b68fb' }\nvideo: 0 new, 0 stale\nfaces: 0 new\n");
  }, 60_000);
});
