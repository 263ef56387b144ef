import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const haveCargo = spawnSync("cargo", ["--version"], { stdio: "ignore" }).error === undefined;
const required = process.env.METAXY_REQUIRE_NATIVE === "1";

if (!haveCargo && !required) console.log("cargo.test.ts: cargo not found, skipping the Rust unit tests");

describe("metaxy-kernels (Rust)", () => {
  it.runIf(required)("has cargo on the PATH (METAXY_REQUIRE_NATIVE=1)", () => {
    expect(haveCargo).toBe(true);
  });

  it.runIf(haveCargo)(
    "passes `cargo test --offline --release -p metaxy-kernels`",
    () => {
      const run = spawnSync("cargo", ["test", "--offline", "--release", "-p", "metaxy-kernels"], {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).toBe(0);
      const results = [...output.matchAll(/test result: (\w+)\. (\d+) passed; (\d+) failed/g)];
      // Unit tests, the integration binary (tests/kernels), doc tests.
      expect(results.length).toBeGreaterThanOrEqual(3);
      expect(results.every((r) => r[1] === "ok" && r[3] === "0")).toBe(true);
      expect(results.reduce((n, r) => n + Number(r[2]), 0)).toBeGreaterThanOrEqual(35);
    },
    600_000,
  );
});
