import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleEnv, REPO_ROOT, runProcess } from "./example-process.js";

const SCRIPT = join(REPO_ROOT, "scripts", "run-example.mjs");
// Without the source mapping the harness adds: --from-source must set it up itself.
const { TSX_TSCONFIG_PATH: _mapping, ...env } = exampleEnv({
  storeRoot: join(REPO_ROOT, ".metaxy", "unused"),
});

describe("npm run example (scripts/run-example.mjs)", () => {
  it("rejects an unknown example, listing the examples", async () => {
    const result = await runProcess([SCRIPT, "nope"], { cwd: REPO_ROOT, env });
    expect(result.returncode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'run-example: unknown example "nope"; available examples: aggregation, basic, expansion, overview, quickstart\n' +
        "usage: npm run example -- [--from-source] <name> [args...]\n",
    );
  });

  it("asks for a name when given none", async () => {
    const result = await runProcess([SCRIPT, "--from-source"], { cwd: REPO_ROOT, env });
    expect(result.returncode).toBe(2);
    expect(result.stderr).toContain(
      "run-example: missing example name; available examples: aggregation, basic,",
    );
  });

  it("runs the example's pipeline.ts from the example directory", async () => {
    // From an unrelated working directory: the script, not the caller, picks the cwd.
    const result = await runProcess([SCRIPT, "--from-source", "overview"], {
      cwd: join(REPO_ROOT, "test"),
      env,
    });
    expect(result.stderr).toBe("");
    expect(result.returncode).toBe(0);
    expect(result.stdout).toContain("Feature graph of project example_overview\n");
    expect(result.stdout).toContain("example/face_detection (f1526ee0) ← example/crop\n");
  });
});
