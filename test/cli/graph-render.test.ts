import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, metaxy, overviewProject, requireBuiltCli } from "./cli-harness.js";

/**
 * Python Metaxy's `metaxy graph render --format mermaid` stdout for the overview example
 * (examples/example-overview/.example.result.json), with this graph's versions: the line breaks inside
 * labels come from Rich wrapping at 200 columns. Only the snapshot line differs (project version).
 */
const GOLDEN_MERMAID = `---
title: Feature Graph
---
flowchart TB
    %% Snapshot version: <PV>
    %%{init: {'flowchart': {'htmlLabels': true, 'curve': 'basis'}, 'themeVariables': {'fontSize': '14px'}}}%%
        example_video["<div style="text-align:left"><b>example/video</b><br/><small><font color="#666">Project: example_overview</font></small><br/>c2ac395f<br/><font color="#999">---</font><br/>- 
audio (22742381)<br/>- frames (794116a9)</div>"]
        example_crop["<div style="text-align:left"><b>example/crop</b><br/><small><font color="#666">Project: example_overview</font></small><br/>34d75856<br/><font color="#999">---</font><br/>- audio
(4c726c4b)<br/>- frames (2419e09d)</div>"]
        example_face_detection["<div style="text-align:left"><b>example/face_detection</b><br/><small><font color="#666">Project: example_overview</font></small><br/>f1526ee0<br/><font 
color="#999">---</font><br/>- faces (006efeef)</div>"]
        example_stt["<div style="text-align:left"><b>example/stt</b><br/><small><font color="#666">Project: example_overview</font></small><br/>d953dea4<br/><font color="#999">---</font><br/>- 
transcription (3ec3826d)</div>"]
        example_video --> example_crop
        example_crop --> example_face_detection
        example_video --> example_stt

`;

const overview = overviewProject();
let projectVersion = "";

beforeAll(async () => {
  requireBuiltCli();
  const described = await metaxy(overview.dir, ["describe", "graph", "--format", "json"]);
  projectVersion = (json(described) as { metaxy_project_version: string }).metaxy_project_version;
  expect(projectVersion).toMatch(/^[0-9a-f]{8}$/);
});
afterAll(() => overview.cleanup());

describe("metaxy graph render", () => {
  it("prints the overview graph as Python's mermaid, line breaks included", async () => {
    const run = await metaxy(overview.dir, ["graph", "render", "--format", "mermaid"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(GOLDEN_MERMAID.replace("<PV>", projectVersion));
    expect(run.stderr).toBe("");
  });

  it("wraps at COLUMNS, and writes the unwrapped tab-indented chart to --output", async () => {
    const [wide, toFile] = await Promise.all([
      metaxy(overview.dir, ["graph", "render", "--format", "mermaid"], { COLUMNS: "1000" }),
      metaxy(overview.dir, ["graph", "render", "--format", "mermaid", "-o", "graph.mmd"]),
    ]);
    const lines = wide.stdout.split("\n");
    expect(lines).toHaveLength(15);
    expect(lines[6]).toBe(
      `        example_video["<div style="text-align:left"><b>example/video</b><br/><small><font color="#666">Project: example_overview</font></small><br/>c2ac395f<br/><font color="#999">---</font><br/>- audio (22742381)<br/>- frames (794116a9)</div>"]`,
    );
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe("");
    expect(toFile.stderr).toBe("✓ Rendered graph saved to: graph.mmd\n");
    const written = readFileSync(join(overview.dir, "graph.mmd"), "utf8");
    expect(written).toBe(wide.stdout.replaceAll("        ", "\t").slice(0, -1));
  });

  it("applies the render flags", async () => {
    const [dot, lr, minimal, focus, full] = await Promise.all([
      metaxy(overview.dir, ["graph", "render", "--format", "dot", "--no-show-fields", "--hash-length", "4"]),
      metaxy(overview.dir, [
        "graph",
        "render",
        "--format",
        "mermaid",
        "--direction",
        "LR",
        "--minimal",
        "--title",
        "Demo",
      ]),
      metaxy(overview.dir, ["graph", "render", "--format", "mermaid", "--minimal", "--no-show-projects"]),
      metaxy(overview.dir, [
        "graph",
        "render",
        "--format",
        "mermaid",
        "--feature",
        "example__crop",
        "--up",
        "1",
        "--down",
        "0",
        "--no-show-project-version",
      ]),
      metaxy(overview.dir, [
        "graph",
        "render",
        "--format",
        "graphviz",
        "--verbose",
        "--feature",
        "example/stt",
        "--up",
        "0",
      ]),
    ]);
    expect(dot.stdout).toBe(`strict digraph {
    rankdir=TB;
    label="Graph (snapshot: ${projectVersion.slice(0, 4)})";
    labelloc=t;
    fontsize=14;
    fontname=helvetica;

    "example/video" [label="example/video\\nv: c2ac", shape=doubleoctagon, color="#1F4E79"];
    "example/crop" [label="example/crop\\nv: 34d7", shape=box, color="#1F4E79"];
    "example/face_detection" [label="example/face_detection\\nv: f152", shape=box, color="#1F4E79"];
    "example/stt" [label="example/stt\\nv: d953", shape=box, color="#1F4E79"];

    "example/video" -> "example/crop";
    "example/crop" -> "example/face_detection";
    "example/video" -> "example/stt";

}
`);
    expect(lr.stdout.split("\n").slice(0, 5)).toEqual([
      "---",
      "title: Demo",
      "---",
      "flowchart LR",
      expect.stringContaining("%%{init:"),
    ]);
    expect(minimal.stdout).toContain(
      `example_stt["<div style="text-align:left"><b>example/stt</b><br/><font color="#999">---</font><br/>- transcription</div>"]`,
    );
    expect(focus.stdout).toBe(`---
title: Feature Graph
---
flowchart TB
    %%{init: {'flowchart': {'htmlLabels': true, 'curve': 'basis'}, 'themeVariables': {'fontSize': '14px'}}}%%
        example_video["<div style="text-align:left"><b>example/video</b><br/><small><font color="#666">Project: example_overview</font></small><br/>c2ac395f<br/><font color="#999">---</font><br/>- 
audio (22742381)<br/>- frames (794116a9)</div>"]
        example_crop["<div style="text-align:left"><b>example/crop</b><br/><small><font color="#666">Project: example_overview</font></small><br/>34d75856<br/><font color="#999">---</font><br/>- audio
(4c726c4b)<br/>- frames (2419e09d)</div>"]
        example_video --> example_crop

`);
    expect(full.stdout).toContain('"example/stt" [label="example/stt\\nv: d953dea4\\ncv: ');
    expect(full.stdout).toContain(
      '"example/stt::transcription" [label="transcription\\nv: 3ec3826d\\ncv: 1", shape=ellipse, color="#666666", fontsize=10];',
    );
    expect(full.stdout).not.toContain('"example/video" [');
  });

  it("draws the terminal tree", async () => {
    const [run, colored] = await Promise.all([
      metaxy(overview.dir, ["graph", "render", "--feature", "example/face_detection", "--hash-length", "6"]),
      metaxy(overview.dir, ["graph", "render", "--minimal"], { FORCE_COLOR: "1" }),
    ]);
    expect(colored.stdout.split("\n")[1]).toBe("├── \u001b[36mexample/video\u001b[39m");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`📊 Graph (snapshot: ${projectVersion.slice(0, 6)})
├── example/video (v: c2ac39)
│   └── 🔧 fields
│       ├── audio (v: 227423)
│       └── frames (v: 794116)
├── example/crop (v: 34d758)
│   ├── 🔧 fields
│   │   ├── audio (v: 4c726c)
│   │   └── frames (v: 2419e0)
│   └── ⬅️  depends on
│       └── example/video
└── example/face_detection (v: f1526e)
    ├── 🔧 fields
    │   └── faces (v: 006efe)
    └── ⬅️  depends on
        └── example/crop
`);
  });

  it("reports bad flag combinations with exit code 1", async () => {
    const [both, upOnly, unknown, badFormat, badDirection] = await Promise.all([
      metaxy(overview.dir, ["graph", "render", "--minimal", "--verbose"]),
      metaxy(overview.dir, ["graph", "render", "--up", "1"]),
      metaxy(overview.dir, ["graph", "render", "--feature", "example/nope"]),
      metaxy(overview.dir, ["graph", "render", "--format", "png"]),
      metaxy(overview.dir, ["graph", "render", "--direction", "RL"]),
    ]);
    expect([both.code, upOnly.code, unknown.code, badFormat.code, badDirection.code]).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(both.stderr).toBe("Error: render: --minimal and --verbose cannot be combined\n");
    expect(upOnly.stderr).toBe("Error: render: --up and --down require --feature\n");
    expect(unknown.stderr).toBe('Error: render: feature "example/nope" is not in the graph\n');
    expect(badFormat.stderr).toContain("error: option '-f, --format <format>' argument 'png' is invalid");
    expect(badDirection.stderr).toContain("argument 'RL' is invalid");
    expect(both.stdout + upOnly.stdout + unknown.stdout).toBe("");
  });
});
