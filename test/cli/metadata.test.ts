import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, metaxy, overviewProject, requireBuiltCli, seedOverview } from "./cli-harness.js";

const STORES = `store = "dev"
[stores.dev]
type = "delta"
[stores.dev.config]
root_path = "./metadata"
[stores.backup]
type = "delta"
[stores.backup.config]
root_path = "./backup"
`;

const project = overviewProject(STORES);
const dir = project.dir;
afterAll(() => project.cleanup());

interface StatusReport {
  readonly features: Record<
    string,
    {
      status: string;
      store_rows: number;
      missing: number | null;
      stale: number | null;
      orphaned: number | null;
      needs_update: boolean;
    }
  >;
  readonly needs_update: boolean;
  readonly warnings?: { missing_in_graph: string[]; errors: unknown[] };
}

function summary(report: StatusReport) {
  return Object.fromEntries(
    Object.entries(report.features).map(([k, f]) => [
      k,
      [f.status, f.store_rows, f.missing, f.stale, f.orphaned],
    ]),
  );
}

beforeAll(async () => {
  requireBuiltCli();
  // video: 3 samples; crop computed from them; face_detection and stt not yet.
  const seeded = await seedOverview(dir, 3, ["example/crop"]);
  expect(seeded.code, seeded.stderr).toBe(0);
});

describe("metaxy metadata status", () => {
  it("reports stored, missing, stale and orphaned rows per feature", async () => {
    const [all, filtered, staleIf, assert, unknown] = await Promise.all([
      metaxy(dir, ["metadata", "status", "--all-features", "--format", "json"]),
      metaxy(dir, ["metadata", "status", "example/crop", "--filter", "sample_uid < 3", "--format", "json"]),
      metaxy(dir, ["metadata", "status", "example/crop", "--stale-if", "sample_uid = 1", "-f", "json"]),
      metaxy(dir, ["metadata", "status", "--all-features", "--assert-in-sync"]),
      metaxy(dir, ["metadata", "status", "example/stt", "nope/x", "-f", "json"]),
    ]);
    expect(all.code, all.stderr).toBe(0);
    const report = json(all) as StatusReport;
    expect(summary(report)).toEqual({
      "example/video": ["root_feature", 3, null, null, null],
      "example/crop": ["up_to_date", 3, 0, 0, 0],
      "example/face_detection": ["missing", 0, 3, 0, 0],
      "example/stt": ["missing", 0, 3, 0, 0],
    });
    expect(report.needs_update).toBe(true);
    expect(report.features["example/crop"]).toMatchObject({
      target_version: "34d75856",
      is_root_feature: false,
      metadata_exists: true,
      store_metadata: {
        display: `[dev] DeltaMetadataStore(path=${join(dir, "metadata")})`,
        uri: join(dir, "metadata/example/crop.delta"),
      },
    });
    // As in Python, --filter narrows the stored rows only; expected rows come from the whole upstream.
    expect(summary(json(filtered) as StatusReport)).toEqual({ "example/crop": ["needs_update", 2, 1, 0, 0] });
    expect(summary(json(staleIf) as StatusReport)).toEqual({ "example/crop": ["needs_update", 3, 0, 1, 0] });
    expect(assert.code).toBe(1);
    expect(assert.stdout).toContain(
      "│ ✓      │ example/crop           │            3 │       0 │     0 │        0 │",
    );
    expect(assert.stdout).toContain(
      "│ ○      │ example/video          │            3 │       - │     - │        - │",
    );
    expect(assert.stderr).toBe(
      "Checking [1/4] example/video\nChecking [2/4] example/crop\nChecking [3/4] example/face_detection\nChecking [4/4] example/stt\n",
    );
    expect(unknown.code).toBe(0);
    expect((json(unknown) as StatusReport).warnings).toEqual({ missing_in_graph: ["nope/x"], errors: [] });
  });

  it("needs feature keys or --all-features, and valid filters", async () => {
    const [neither, both, strict, badFilter, progress, noFeatures] = await Promise.all([
      metaxy(dir, ["metadata", "status", "--format", "json"]),
      metaxy(dir, ["metadata", "status", "example/crop", "--all-features", "--format", "json"]),
      metaxy(dir, ["metadata", "status", "nope/x", "--assert-in-sync", "--format", "json"]),
      metaxy(dir, ["metadata", "status", "example/crop", "--filter", "sample_uid <"]),
      metaxy(dir, ["metadata", "status", "example/stt", "--progress"]),
      metaxy(dir, ["--project", "nobody", "metadata", "status", "--all-features", "--format", "json"]),
    ]);
    expect(json(neither)).toEqual({
      error: "MISSING_REQUIRED_FLAG",
      message: "metadata status: give feature keys or --all-features",
    });
    expect(json(both)).toEqual({
      error: "CONFLICTING_FLAGS",
      message: "metadata status: give feature keys or --all-features, not both",
    });
    expect(json(strict)).toMatchObject({ error: "FEATURES_NOT_FOUND", missing_features: ["nope/x"] });
    expect(json(noFeatures)).toEqual({
      error: "NO_FEATURES",
      message: 'metadata status: no features found in project "nobody"',
    });
    for (const run of [neither, both, strict, badFilter, noFeatures]) expect(run.code).toBe(1);
    expect(badFilter.stderr).toMatch(/^Error: --filter "sample_uid <": /);
    expect(progress.stdout).toContain("│ ✗ (0%) │ example/stt │            0 │       3 │");
  });
});

describe("metaxy metadata delete, copy and rebase", () => {
  it("soft-deletes filtered rows, and guards hard deletes", async () => {
    const [dryRun, unconfirmed, bothModes] = await Promise.all([
      metaxy(dir, ["metadata", "delete", "example/crop", "--filter", "sample_uid = 1", "--dry-run"]),
      metaxy(dir, ["metadata", "delete", "--all-features", "--hard", "--format", "json"]),
      metaxy(dir, ["metadata", "delete", "example/crop", "--soft", "--hard"]),
    ]);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stderr).toBe(
      "Dry run: 1 row(s) of example/crop would be deleted (soft delete; filters: sample_uid = 1)\n",
    );
    expect(unconfirmed.code).toBe(1);
    expect(json(unconfirmed)).toEqual({
      error: "MISSING_CONFIRMATION",
      message:
        "metadata delete: a hard delete without --filter removes every row of 4 feature(s); pass --yes to confirm",
    });
    expect(bothModes.code).toBe(1);
    expect(bothModes.stderr).toBe("Error: metadata delete: --soft and --hard cannot be combined\n");

    const deleted = await metaxy(dir, ["metadata", "delete", "example/crop", "--filter", "sample_uid = 1"]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stderr).toBe("✓ example/crop\n✓ Deletion complete (soft delete)\n");
    const after = json(
      await metaxy(dir, ["metadata", "status", "example/crop", "-f", "json"]),
    ) as StatusReport;
    expect(summary(after)).toEqual({ "example/crop": ["needs_update", 2, 1, 0, 0] });
  });

  it("copies features between stores", async () => {
    const [missingTo, copied] = await Promise.all([
      metaxy(dir, ["metadata", "copy", "--all-features", "--from", "dev", "--format", "json"]),
      metaxy(dir, ["metadata", "copy", "example/video", "example/crop", "--from", "dev", "--to", "backup"]),
    ]);
    expect(json(missingTo)).toEqual({
      error: "MISSING_REQUIRED_FLAG",
      message: "metadata copy: --from and --to are required",
    });
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stderr.split("\n").at(-2)).toMatch(
      /^✓ Copy complete: 2 feature\(s\), \d+ row\(s\) copied$/,
    );
    const backup = json(
      await metaxy(dir, [
        "metadata",
        "status",
        "example/video",
        "example/crop",
        "--store",
        "backup",
        "-f",
        "json",
      ]),
    ) as StatusReport;
    expect(summary(backup)).toEqual({
      "example/video": ["root_feature", 3, null, null, null],
      "example/crop": ["needs_update", 2, 1, 0, 0],
    });
  });

  it("rebases rows of an older feature version onto the current one", async () => {
    // The overview patch: video's audio code version 1 → 2; video is rewritten under its new version.
    const file = join(dir, "features.mjs");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        '{ key: "audio", codeVersion: "1" }, { key: "frames"',
        '{ key: "audio", codeVersion: "2" }, { key: "frames"',
      ),
    );
    expect((await seedOverview(dir, 3, [])).code).toBe(0);
    const before = json(
      await metaxy(dir, ["metadata", "status", "example/crop", "-f", "json"]),
    ) as StatusReport;
    expect(summary(before)).toEqual({ "example/crop": ["needs_update", 0, 3, 0, 0] });

    const [dry, noFrom] = await Promise.all([
      metaxy(dir, ["metadata", "rebase", "example/crop", "--from", "34d75856", "--dry-run"]),
      metaxy(dir, ["metadata", "rebase", "example/crop", "--format", "json"]),
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toBe("Dry run: 2 row(s) would be rebased from 34d75856 to fe237dc9\n");
    expect(json(noFrom)).toEqual({
      error: "MISSING_REQUIRED_FLAG",
      message: "metadata rebase: --from is required",
    });

    const rebased = await metaxy(dir, [
      "metadata",
      "rebase",
      "example/crop",
      "--from",
      "34d75856",
      "--format",
      "json",
    ]);
    expect(rebased.code, rebased.stderr).toBe(0);
    expect(json(rebased)).toEqual({
      feature: "example/crop",
      from: "34d75856",
      to: "fe237dc9",
      dry_run: false,
      rows: 2,
    });
    const after = json(
      await metaxy(dir, ["metadata", "status", "example/crop", "-f", "json"]),
    ) as StatusReport;
    expect(summary(after)).toEqual({ "example/crop": ["needs_update", 2, 1, 0, 0] });
  });
});

describe("metaxy metadata status --snapshot-id", () => {
  const pushed = overviewProject(STORES);
  afterAll(() => pushed.cleanup());

  it("checks the stored rows against a pushed graph instead of the current one", async () => {
    const seeded = await seedOverview(pushed.dir, 3, ["example/crop"]);
    expect(seeded.code, seeded.stderr).toBe(0);
    const push = await metaxy(pushed.dir, ["push"]);
    expect(push.code, push.stderr).toBe(0);
    const v1 = push.stdout.trim();
    // crop's frames now depend on a new code version: the stored crop rows are of the old graph.
    const file = join(pushed.dir, "features.mjs");
    const text = readFileSync(file, "utf8");
    const patched = text.replace(
      'deps: [video],\n  fields: [{ key: "audio", codeVersion: "1" }, { key: "frames", codeVersion: "1" }]',
      'deps: [video],\n  fields: [{ key: "audio", codeVersion: "1" }, { key: "frames", codeVersion: "2" }]',
    );
    expect(patched).not.toBe(text);
    writeFileSync(file, patched);

    const [current, snapshot, unknown] = await Promise.all([
      metaxy(pushed.dir, ["metadata", "status", "example/crop", "--format", "json"]),
      metaxy(pushed.dir, ["metadata", "status", "example/crop", "--snapshot-id", v1, "--format", "json"]),
      metaxy(pushed.dir, ["metadata", "status", "example/crop", "--snapshot-id", "deadbeef"]),
    ]);
    expect(current.code, current.stderr).toBe(0);
    expect(summary(json(current) as StatusReport)).toEqual({ "example/crop": ["needs_update", 0, 3, 0, 0] });
    expect(snapshot.code, snapshot.stderr).toBe(0);
    const report = json(snapshot) as StatusReport & { project_version: string };
    expect(report.project_version).toBe(v1);
    expect(report.needs_update).toBe(false);
    expect(summary(report)).toEqual({ "example/crop": ["up_to_date", 3, 0, 0, 0] });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("Error: snapshot: no features recorded for project version deadbeef\n");
  });
});
