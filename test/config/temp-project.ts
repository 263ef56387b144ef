import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A real temporary directory with the given files (paths relative to it). It holds a `package.json`
 * (`{}` unless given) so package lookups never leave it. Removed after each test.
 */
export function tempProject(files: Record<string, string> = {}): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "metaxy-config-")));
  created.push(root);
  for (const [path, content] of Object.entries({ "package.json": "{}", ...files })) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** Python Metaxy's quickstart metaxy.toml, verbatim. */
export const QUICKSTART_TOML = `project = "example_quickstart"
entrypoints = ["example_quickstart.features"]
auto_create_tables = true
[stores.dev]
type = "metaxy.ext.polars.handlers.delta.DeltaMetadataStore"
[stores.dev.config]
root_path = "/tmp/example_quickstart"
`;

/** Runs `fn` and returns the error it throws (fails the test if it does not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to throw");
}
