import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPatch } from "./apply-patch.js";
import { EXAMPLES_DIR, exampleEnv, runProcess } from "./example-process.js";

type GraphVersions = Record<string, { version: string; fields: Record<string, string> }>;

/**
 * Feature and field versions Python Metaxy 0.1.10 records for each example (the `graph_pushed`
 * events of the examples' `.example.result.json`; reference/metaxy-features.md §7.1), before any
 * patch and after each patch of the example, applied in order.
 */
const PYTHON_VERSIONS: Record<
  string,
  { readonly patches: readonly string[]; readonly graphs: GraphVersions[] }
> = {
  quickstart: {
    // The patch changes the pipeline's data, not the features.
    patches: ["patches/01_update_video_provenance.patch"],
    graphs: [0, 1].map(() => ({
      video: { version: "4c78e5e2", fields: { default: "c675833f" } },
      audio: { version: "9680125a", fields: { default: "91af2f82" } },
    })),
  },
  basic: {
    patches: ["patches/01_update_parent_algorithm.patch"],
    graphs: [
      {
        "examples/parent": { version: "7de0f5e8", fields: { embeddings: "05e66510" } },
        "examples/child": { version: "b10ea448", fields: { predictions: "9cd1c608" } },
      },
      {
        "examples/parent": { version: "68827f3e", fields: { embeddings: "3c8d3e9b" } },
        "examples/child": { version: "e5b92b18", fields: { predictions: "7cef6acb" } },
      },
    ],
  },
  overview: {
    patches: ["patches/01_update_audio_version.patch"],
    graphs: [
      {
        "example/video": { version: "c2ac395f", fields: { audio: "22742381", frames: "794116a9" } },
        "example/crop": { version: "34d75856", fields: { audio: "4c726c4b", frames: "2419e09d" } },
        "example/face_detection": { version: "f1526ee0", fields: { faces: "006efeef" } },
        "example/stt": { version: "d953dea4", fields: { transcription: "3ec3826d" } },
      },
      {
        "example/video": { version: "2faffb98", fields: { audio: "09c8398b", frames: "794116a9" } },
        "example/crop": { version: "fe237dc9", fields: { audio: "e2b6ce39", frames: "2419e09d" } },
        "example/face_detection": { version: "f1526ee0", fields: { faces: "006efeef" } },
        "example/stt": { version: "e57e7555", fields: { transcription: "9f7ea40c" } },
      },
    ],
  },
  aggregation: {
    // The patches change the pipeline's data, not the features.
    patches: ["patches/01_update_audio_provenance.patch", "patches/02_add_audio.patch"],
    graphs: [0, 1, 2].map(() => ({
      audio: { version: "3dac67c8", fields: { default: "80200592" } },
      "speaker/embedding": { version: "a485fa5b", fields: { embedding: "27a15391" } },
    })),
  },
  expansion: {
    patches: ["patches/01_update_video_code_version.patch"],
    graphs: [
      {
        "video/raw": { version: "d842b740", fields: { audio: "7132721c", frames: "3f6f401c" } },
        "video/chunk": { version: "7dc3712a", fields: { audio: "1549b1fa", frames: "df8943d3" } },
        "video/faces": { version: "52f055e3", fields: { faces: "0561bd8c" } },
      },
      {
        "video/raw": { version: "6e5a4ab8", fields: { audio: "f8e35296", frames: "3f6f401c" } },
        "video/chunk": { version: "504507a9", fields: { audio: "7948d163", frames: "df8943d3" } },
        "video/faces": { version: "52f055e3", fields: { faces: "0561bd8c" } },
      },
    ],
  },
};

let root: string;
/** Versions printed for each example: index 0 unpatched, index k after the first k patches. */
const loaded: Record<string, GraphVersions[]> = {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "metaxy-example-versions-"));
  writeFileSync(join(root, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  const modules: { example: string; stage: number; path: string }[] = [];
  for (const [example, { patches }] of Object.entries(PYTHON_VERSIONS)) {
    for (let stage = 0; stage <= patches.length; stage++) {
      const dir = join(root, `${example}-${stage}`);
      cpSync(join(EXAMPLES_DIR, example), dir, { recursive: true });
      for (const patch of patches.slice(0, stage)) applyPatch(dir, readFileSync(join(dir, patch), "utf8"));
      modules.push({ example, stage, path: join(dir, "features.ts") });
    }
  }
  const result = await runProcess(
    [join(import.meta.dirname, "print-graph-versions.ts"), ...modules.map((m) => m.path)],
    {
      cwd: root,
      env: exampleEnv({ storeRoot: join(root, "store") }),
    },
  );
  if (result.returncode !== 0) throw new Error(`print-graph-versions failed:\n${result.stderr}`);
  const printed = JSON.parse(result.stdout) as Record<string, GraphVersions>;
  for (const { example, stage, path } of modules) {
    loaded[example] ??= [];
    loaded[example][stage] = printed[path]!;
  }
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("example graphs carry Python Metaxy's feature and field versions", () => {
  for (const [example, { patches, graphs }] of Object.entries(PYTHON_VERSIONS)) {
    it(`${example}: as shipped`, () => {
      expect(loaded[example]![0]).toEqual(graphs[0]);
    });
    patches.forEach((patch, k) => {
      it(`${example}: after ${patch}`, () => {
        expect(loaded[example]![k + 1]).toEqual(graphs[k + 1]);
      });
    });
  }

  it("expansion: the audio bump changes video/raw and video/chunk but not video/faces", () => {
    const [before, after] = loaded.expansion!;
    expect(after!["video/raw"]!.version).not.toBe(before!["video/raw"]!.version);
    expect(after!["video/chunk"]!.fields.frames).toBe(before!["video/chunk"]!.fields.frames);
    expect(after!["video/faces"]).toEqual(before!["video/faces"]);
  });
});
