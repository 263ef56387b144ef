import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, metaxy, overviewProject, requireBuiltCli } from "./cli-harness.js";

const STORES = `store = "dev"
[stores.dev]
type = "metaxy.ext.polars.handlers.delta.DeltaMetadataStore"
[stores.dev.config]
root_path = "./metadata"
[stores.empty]
type = "delta"
[stores.empty.config]
root_path = "./empty"
[stores.mem]
type = "memory"
`;

const project = overviewProject(STORES);
const dir = project.dir;
afterAll(() => project.cleanup());

/** Bumps example/video's audio code version 1 → 2 (the overview example's patch). */
function patchAudioVersion(): void {
  const file = join(dir, "features.mjs");
  const text = readFileSync(file, "utf8");
  writeFileSync(
    file,
    text.replace(
      '{ key: "audio", codeVersion: "1" }, { key: "frames"',
      '{ key: "audio", codeVersion: "2" }, { key: "frames"',
    ),
  );
}

let v1 = "";

beforeAll(async () => {
  requireBuiltCli();
  v1 = (
    json(await metaxy(dir, ["describe", "graph", "--format", "json"])) as { metaxy_project_version: string }
  ).metaxy_project_version;
});

describe("metaxy push and history", () => {
  it("records the graph once, prints the project version alone on stdout", async () => {
    const first = await metaxy(dir, ["push", "--tags.git_commit", "abc123", "-t", "env=ci"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`${v1}\n`);
    const uri = join(dir, "metadata/metaxy-system/feature_versions.delta");
    expect(first.stderr).toBe(
      `Recorded at: {'display': '[dev] DeltaMetadataStore(path=${join(dir, "metadata")})', 'uri': '${uri}'}\n✓ Recorded feature graph\n`,
    );
    const again = await metaxy(dir, ["push"]);
    expect(again.stdout).toBe(`${v1}\n`);
    expect(again.stderr.split("\n")[1]).toBe("✓ Snapshot already recorded (no changes)");
  });

  it("refuses project overrides, the reserved tag and stores without system tables", async () => {
    const [project, allProjects, reserved, memory, dangling] = await Promise.all([
      metaxy(dir, ["push", "--project", "other"]),
      metaxy(dir, ["--all-projects", "push"]),
      metaxy(dir, ["push", "--tags.metaxy", "x"]),
      metaxy(dir, ["push", "--store", "mem"]),
      metaxy(dir, ["push", "--tags.git_commit"]),
    ]);
    for (const run of [project, allProjects, reserved, memory, dangling]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
    }
    expect(project.stderr).toBe(
      "Error: push: --project and --all-projects cannot be used here; push always acts on the project set in the config\n",
    );
    expect(reserved.stderr).toBe('Error: push: the "metaxy" tag is reserved for internal use\n');
    expect(memory.stderr).toContain("keeps no system tables");
    expect(dangling.stderr).toBe("Error: push: --tags.git_commit needs a KEY and a VALUE\n");
  });

  it("lists pushed snapshots newest first", async () => {
    const [plain, asJson, none] = await Promise.all([
      metaxy(dir, ["history"]),
      metaxy(dir, ["history", "--format", "json"]),
      metaxy(dir, ["history", "--store", "empty"]),
    ]);
    expect(plain.stdout).toMatch(
      new RegExp(
        `Graph Snapshot History\\n.*\\n.*Project version.*Recorded At.*Feature Count.*\\n.*\\n│ ${v1}        │ \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d │             4 │\\n.*\\n\\nTotal snapshots: 1\\n$`,
      ),
    );
    expect(json(asJson)).toEqual({
      snapshots: [{ metaxy_project_version: v1, recorded_at: expect.any(String), feature_count: 4 }],
    });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe("");
    expect(none.stderr).toBe("No graph snapshots recorded yet\n");
  });
});

describe("metaxy graph-diff render", () => {
  it("shows the overview patch: video, crop and stt change, face_detection does not", async () => {
    patchAudioVersion();
    const [asJson, mermaid, terminal, same] = await Promise.all([
      metaxy(dir, ["graph-diff", "render", "latest", "current", "--format", "json"]),
      metaxy(dir, ["graph-diff", "render", "latest", "--format", "mermaid"]),
      metaxy(dir, ["graph-diff", "render", v1]),
      metaxy(dir, ["graph-diff", "render", "latest", "latest", "-f", "json"]),
    ]);
    expect(asJson.code, asJson.stderr).toBe(0);
    const diff = json(asJson) as {
      nodes: Record<
        string,
        { status: string; old_version: string; new_version: string; field_changes: unknown[] }
      >;
      edges: unknown[];
    };
    expect(
      Object.fromEntries(
        Object.entries(diff.nodes).map(([k, n]) => [k, [n.status, n.old_version, n.new_version]]),
      ),
    ).toEqual({
      "example/crop": ["changed", "34d75856", "fe237dc9"],
      "example/face_detection": ["unchanged", "f1526ee0", "f1526ee0"],
      "example/stt": ["changed", "d953dea4", "e57e7555"],
      "example/video": ["changed", "c2ac395f", "2faffb98"],
    });
    expect(diff.nodes["example/video"]!.field_changes).toEqual([
      {
        field_key: "audio",
        old_version: "22742381",
        new_version: "09c8398b",
        is_added: false,
        is_removed: false,
        is_changed: true,
      },
    ]);
    expect(diff.edges).toEqual([
      { from: "example/video", to: "example/crop" },
      { from: "example/crop", to: "example/face_detection" },
      { from: "example/video", to: "example/stt" },
    ]);
    expect(mermaid.stdout.split("\n").slice(0, 6)).toEqual([
      "---",
      "title: Feature Graph Changes",
      "---",
      "flowchart TB",
      "    %%{init: {'flowchart': {'htmlLabels': true, 'curve': 'basis'}, 'themeVariables': {'fontSize': '14px'}}}%%",
      "",
    ]);
    expect(mermaid.stdout).toContain(
      `    example_face_detection["<div style="text-align:left"><b>example/face_detection</b><br/>f1526e<br/><font color="#999">---</font><br/>- faces (006efe)</div>"]\n`,
    );
    expect(mermaid.stdout).toContain("    style example_video stroke:#FFAA00,stroke-width:2px\n");
    expect(mermaid.stdout).not.toContain("style example_face_detection");
    expect(terminal.stdout).toContain(
      "~ example/video (changed)\n  version: c2ac395f... → 2faffb98...\n  fields:\n    ~ audio (22742381... → 09c8398b...)\n      frames (794116a9...)\n",
    );
    const unchanged = json(same) as { nodes: Record<string, { status: string }> };
    expect(new Set(Object.values(unchanged.nodes).map((n) => n.status))).toEqual(new Set(["unchanged"]));
  });

  it("reports snapshots that cannot be resolved or loaded", async () => {
    const [noLatest, badVersion, noProject, render, describeMissing] = await Promise.all([
      metaxy(dir, ["graph-diff", "render", "latest", "--store", "empty", "--format", "json"]),
      metaxy(dir, ["graph-diff", "render", "deadbeef", "-f", "json"]),
      metaxy(dir, ["--all-projects", "graph-diff", "render", "latest", "-f", "json"]),
      metaxy(dir, ["graph", "render", "--snapshot", v1, "--format", "mermaid", "--no-show-project-version"]),
      metaxy(dir, ["describe", "graph", "--snapshot", "deadbeef", "--format", "json"]),
    ]);
    expect(noLatest.code).toBe(1);
    expect(json(noLatest)).toMatchObject({ error: "SNAPSHOT_ERROR" });
    expect(badVersion.code).toBe(1);
    expect(json(badVersion)).toMatchObject({ error: "SNAPSHOT_LOAD_FAILED" });
    expect(noProject.code).toBe(1);
    expect(json(noProject)).toMatchObject({ error: "MISSING_REQUIRED_FLAG" });
    // The pushed (pre-patch) graph renders with its own versions.
    expect(render.code, render.stderr).toBe(0);
    expect(render.stderr).toBe(`✓ Loaded 4 features from snapshot ${v1}\n`);
    expect(render.stdout).toContain("<br/>c2ac395f<br/>");
    expect(describeMissing.code).toBe(1);
    expect(json(describeMissing)).toMatchObject({ error: "SNAPSHOT_ERROR" });
  });
});
