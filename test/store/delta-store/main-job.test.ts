/**
 * The main job: `npm start` runs the quickstart pipeline from the built package against a local Delta
 * store; a first run writes every sample, a second finds nothing to do. Run as real processes, with
 * METAXY_QUICKSTART_ROOT pointing at a temporary directory.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tableToRows } from "../../../src/arrow/table-to-rows.js";
import { METAXY_FEATURE_VERSION } from "../../../src/constants.js";
import { FeatureGraph } from "../../../src/models/feature-graph.js";
import { DeltaMetadataStore } from "../../../src/store/delta-store/delta-metadata-store.js";
import { SystemTableStorage } from "../../../src/store/system/system-table-storage.js";
import { REPO, tempDir } from "./helpers.js";

const run = promisify(execFile);

async function npmStart(root: string): Promise<string> {
  const { stdout } = await run("npm", ["start", "--silent"], {
    cwd: REPO,
    env: { ...process.env, METAXY_QUICKSTART_ROOT: root },
  });
  return stdout;
}

describe("npm start (the quickstart pipeline)", () => {
  it("writes 3 videos and 3 audios, then detects no changes", async () => {
    const root = await tempDir("metaxy-quickstart-");
    const first = await npmStart(root);
    const pushed = /^✓ Recorded feature graph: ([0-9a-f]{8})$/m.exec(first)?.[1];
    expect(pushed).toBeDefined();
    expect(first).toBe(
      [
        `Quickstart pipeline — DeltaMetadataStore(path=${root})`,
        `✓ Recorded feature graph: ${pushed}`,
        "",
        "[Video] 3 new, 0 stale",
        "[Video] Wrote 3 samples",
        "",
        "[Audio] 3 new, 0 stale",
        "[Audio] Wrote 3 samples",
        "",
        "✅ Pipeline complete!",
        "",
      ].join("\n"),
    );
    expect(await npmStart(root)).toBe(
      [
        `Quickstart pipeline — DeltaMetadataStore(path=${root})`,
        `✓ Snapshot already recorded (no changes): ${pushed}`,
        "",
        "[Video] 0 new, 0 stale",
        "",
        "[Audio] 0 new, 0 stale",
        "",
        "No changes detected (idempotent)",
        "",
        "✅ Pipeline complete!",
        "",
      ].join("\n"),
    );

    // The store holds the quickstart's rows at Python's golden feature versions.
    const graph = new FeatureGraph({ project: "quickstart" });
    const video = graph.feature({ key: "video", idColumns: ["id"] });
    graph.feature({ key: "audio", idColumns: ["id"], deps: [video] });
    const store = new DeltaMetadataStore({ rootPath: root, graph });
    await store.withOpen("r", async (s) => {
      for (const [key, version] of [
        ["video", "4c78e5e2"],
        ["audio", "9680125a"],
      ] as const) {
        const rows = tableToRows(await s.read(key, { columns: ["id", "path", METAXY_FEATURE_VERSION] }));
        expect(rows.map((r) => [r.id, r[METAXY_FEATURE_VERSION]]).sort()).toEqual([
          ["vid_001", version],
          ["vid_002", version],
          ["vid_003", version],
        ]);
        expect(rows.every((r) => String(r.path).startsWith("/data/processed/"))).toBe(true);
      }
      const snapshots = await new SystemTableStorage(s).readGraphSnapshots("quickstart");
      expect(snapshots.map((x) => [x.projectVersion, x.featureCount])).toEqual([[pushed, 2]]);
    });
  }, 60_000);
});
