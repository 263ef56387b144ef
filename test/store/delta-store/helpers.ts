/**
 * Shared set-up of the Delta store tests: fresh store locations (temporary directories, S3 prefixes on
 * the project's conditional-PUT server), the kernel sets to run (native skipped with a printed reason
 * unless METAXY_REQUIRE_NATIVE=1), and the capabilities a Delta store declares.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { getKernels } from "../../../src/kernels/index.js";
import type { Kernels } from "../../../src/kernels/kernels.js";
import type { StoreCapabilities } from "../../../src/store/metadata-store.js";

/** The repository root (cwd for child processes). */
export const REPO = fileURLToPath(new URL("../../..", import.meta.url));

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
});

/** A fresh temporary directory, removed after the test file. */
export async function tempDir(prefix = "metaxy-delta-store-"): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  roots.push(root);
  return root;
}

let counter = 0;
/** A prefix no other store of this process uses. */
export function uniquePrefix(label: string): string {
  counter += 1;
  return `${label}-${process.pid}-${counter}`;
}

/** What a Delta store declares (remote for s3://). */
export function deltaCapabilities(remote: boolean): StoreCapabilities {
  return {
    hardDelete: true,
    persistent: true,
    remote,
    mapDatatype: true,
    systemTables: true,
    concurrentWriters: true,
    dropKeepsTable: true,
  };
}

/** Storage options for the project's S3 test server (unsigned, plain HTTP). */
export function testServerOptions(endpoint: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ALLOW_HTTP: "true",
    AWS_SKIP_SIGNATURE: "true",
    AWS_REGION: "us-east-1",
  };
}

/**
 * Calls `register` with the portable kernels, or with the native ones when they load; when they do
 * not, prints why (or fails, with METAXY_REQUIRE_NATIVE=1).
 */
export function withKernels(
  kind: "portable" | "native",
  label: string,
  register: (kernels: Kernels) => void,
): void {
  if (kind === "portable") {
    register(getKernels("portable"));
    return;
  }
  let native: Kernels | null = null;
  let reason = "";
  try {
    native = getKernels("native");
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (native === null && process.env.METAXY_REQUIRE_NATIVE === "1") {
    describe(label, () => {
      it("loads the native kernels (METAXY_REQUIRE_NATIVE=1)", () => {
        expect.fail(`native kernels required but unavailable: ${reason}`);
      });
    });
    return;
  }
  if (native === null) console.log(`${label}: not run — native kernels unavailable: ${reason}`);
  // Without the module the packs are still collected (with the portable set) and reported as skipped,
  // with the reason in the suite name.
  describe.skipIf(native === null)(
    native === null ? `${label}: native kernels unavailable (${reason})` : label,
    () => register(native ?? getKernels("portable")),
  );
}
