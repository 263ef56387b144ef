import { describe, it } from "vitest";
import { type Runbook, runScenario, scenarioTimeout } from "./runbook.js";

/** `<feature> (<version>)` lines of the overview pipeline, before the patch. */
const BEFORE = [
  "example/video (c2ac395f)",
  "  - audio (22742381)",
  "  - frames (794116a9)",
  "example/crop (34d75856) ← example/video",
  "  - audio (4c726c4b) ← example/video.audio",
  "  - frames (2419e09d) ← example/video.frames",
  "example/face_detection (f1526ee0) ← example/crop",
  "  - faces (006efeef) ← example/crop.frames",
  "example/stt (d953dea4) ← example/video",
  "  - transcription (3ec3826d) ← example/video.audio",
];

/** After the video's audio code version 1 → 2: face detection, which reads frames only, keeps its versions. */
const AFTER = [
  "example/video (2faffb98)",
  "  - audio (09c8398b)",
  "  - frames (794116a9)",
  "example/crop (fe237dc9) ← example/video",
  "  - audio (e2b6ce39) ← example/video.audio",
  "  - frames (2419e09d) ← example/video.frames",
  "example/face_detection (f1526ee0) ← example/crop",
  "  - faces (006efeef) ← example/crop.frames",
  "example/stt (e57e7555) ← example/video",
  "  - transcription (9f7ea40c) ← example/video.audio",
];

/**
 * Python's examples/example-overview/.example.yaml, plus the example's own version printout, and a
 * graph diff against the graph recorded before the change (Python's runner pushes right after the
 * patch, so its `latest current` diff shows no change).
 */
const RUNBOOK: Runbook = {
  example: "overview",
  autoPush: true,
  scenarios: [
    {
      name: "an audio code version bump changes video, crop and stt but not face detection",
      steps: [
        {
          name: "push the graph (already pushed by the runner)",
          run: ["metaxy", "push"],
          expect: {
            matches: [/^[0-9a-f]{8}\n?$/],
            stderrContains: [
              "metaxy-system/feature_versions.delta",
              "✓ Snapshot already recorded (no changes)",
            ],
          },
        },
        {
          name: "render the graph as mermaid",
          run: ["metaxy", "graph", "render", "--format", "mermaid"],
          expect: {
            contains: [
              "title: Feature Graph",
              "flowchart TB",
              "Project: example_overview",
              "example_video --> example_crop",
              "example_crop --> example_face_detection",
              "example_video --> example_stt",
            ],
            matches: [
              /<b>example\/video<\/b>.*?<br\/>c2ac395f<br\/>/s,
              /<b>example\/crop<\/b>.*?<br\/>34d75856<br\/>/s,
              /<b>example\/face_detection<\/b>.*?<br\/>f1526ee0<br\/>/s,
              /<b>example\/stt<\/b>.*?<br\/>d953dea4<br\/>/s,
            ],
          },
        },
        { name: "versions before the patch", run: ["pipeline.ts"], expect: { contains: BEFORE } },
        // Not pushed yet: the recorded graph is the one before the change, so the diff shows it.
        { patch: "patches/01_update_audio_version.patch", push: false },
        { name: "versions after the patch", run: ["pipeline.ts"], expect: { contains: AFTER } },
        {
          name: "diff the recorded graph with the code",
          run: ["metaxy", "graph-diff", "render", "latest", "current", "--format", "mermaid"],
          expect: {
            contains: [
              "title: Feature Graph Changes",
              "style example_video stroke",
              "style example_stt stroke",
            ],
            notContains: ["style example_face_detection"],
            matches: [
              changed("video", "c2ac39", "2faffb"),
              changed("crop", "34d758", "fe237d"),
              changed("stt", "d953de", "e57e75"),
              /<b>example\/face_detection<\/b><br\/>f1526e<br\/>/,
            ],
          },
        },
        {
          name: "push the changed graph",
          run: ["metaxy", "push"],
          expect: { stderrContains: ["✓ Recorded feature graph"] },
        },
        {
          name: "diff after the push: nothing changed",
          run: ["metaxy", "graph-diff", "render", "latest", "current", "--format", "mermaid"],
          expect: {
            contains: ["title: Feature Graph Changes"],
            notContains: ["→", "stroke"],
            matches: [/<b>example\/video<\/b><br\/>2faffb<br\/>/],
          },
        },
      ],
    },
  ],
};

/** A feature node of the diff chart whose version changed from `before` to `after` (6-character hashes). */
function changed(feature: string, before: string, after: string): RegExp {
  return new RegExp(
    `<b>example/${feature}</b><br/><font\\s+color="#CC0000">${before}</font>\\s+→\\s+<font\\s+color="#00AA00">${after}</font>`,
  );
}

describe("overview example", () => {
  for (const scenario of RUNBOOK.scenarios)
    it(scenario.name, () => runScenario(RUNBOOK, scenario), scenarioTimeout(RUNBOOK, scenario));
});
