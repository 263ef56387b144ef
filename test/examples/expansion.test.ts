import { describe, it } from "vitest";
import type { OutputExpectation, Runbook } from "./runbook.js";
import { runScenario, scenarioTimeout } from "./runbook.js";

/**
 * The per-video provenance of the chunk increment (xxhash32, truncated to 8), as Python records it.
 * It derives from the videos' provenance strings, not from code versions, so it is the same before
 * and after the audio bump.
 */
const CHUNK_PROVENANCE: readonly (readonly [number, string, string])[] = [
  [1, '{"audio":"23124187","frames":"24116928"}', "40433844"],
  [2, '{"audio":"18611808","frames":"18345318"}', "12032307"],
  [3, '{"audio":"24638180","frames":"16645902"}', "21310928"],
];

const PROCESSING_LINES = CHUNK_PROVENANCE.flatMap(([id, byField, provenance]) => [
  new RegExp(
    `Processing video: \\{"video_id":${id},[^\\n]*"metaxy_provenance_by_field":${escapeRegExp(byField)}`,
  ),
  new RegExp(`Processing video: \\{"video_id":${id},[^\\n]*"metaxy_provenance":"${provenance}"`),
]);

const IDEMPOTENT: OutputExpectation = {
  contains: [
    "Found 0 new videos and 0 stale videos that need chunking",
    "Found 0 new video chunks and 0 stale video chunks that need face recognition",
  ],
  notContains: ["Found 3 new videos\n", "Processing video", "Writing"],
};

/**
 * Python's examples/example-expansion/.example.yaml. Chunk and face counts come from the example's
 * seeded generator (README.md): RANDOM_SEED=42 splits the videos into 4, 4 and 5 chunks; the run after
 * the audio bump uses RANDOM_SEED=5, which splits them into 5, 5 and 3, so chunks 1_4 and 2_4 are the
 * only chunk ids face recognition has not seen.
 */
const RUNBOOK: Runbook = {
  example: "expansion",
  autoPush: true,
  scenarios: [
    {
      name: "audio code version bump: videos are re-chunked, faces only run on new chunk ids",
      steps: [
        {
          name: "initial run",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "Found 3 new videos\n",
              "Found 3 new videos and 0 stale videos that need chunking",
              "Writing 4 chunks for video 1",
              "Writing 4 chunks for video 2",
              "Writing 5 chunks for video 3",
              "Found 13 new video chunks and 0 stale video chunks that need face recognition",
              "Writing face recognition results for 13 chunks",
            ],
            matches: PROCESSING_LINES,
          },
        },
        { name: "idempotent rerun", run: ["pipeline.ts"], expect: IDEMPOTENT },
        { patch: "patches/01_update_video_code_version.patch" },
        {
          name: "run after the audio bump, split with another seed",
          run: ["pipeline.ts"],
          env: { RANDOM_SEED: "5" },
          expect: {
            contains: [
              "Found 3 new videos\n",
              "Found 3 new videos and 0 stale videos that need chunking",
              "Writing 5 chunks for video 1",
              "Writing 5 chunks for video 2",
              "Writing 3 chunks for video 3",
              "Found 2 new video chunks and 0 stale video chunks that need face recognition",
              "Writing face recognition results for 2 chunks",
            ],
            matches: PROCESSING_LINES,
          },
        },
        { name: "final idempotent rerun", run: ["pipeline.ts"], expect: IDEMPOTENT },
      ],
    },
    {
      name: "audio code version bump with the same seed: the same chunks, no face recognition",
      steps: [
        { name: "initial run", run: ["pipeline.ts"], expect: { contains: ["Writing 5 chunks for video 3"] } },
        { patch: "patches/01_update_video_code_version.patch" },
        {
          name: "run after the audio bump",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "Found 3 new videos and 0 stale videos that need chunking",
              "Writing 4 chunks for video 1",
              "Writing 4 chunks for video 2",
              "Writing 5 chunks for video 3",
              "Found 0 new video chunks and 0 stale video chunks that need face recognition",
            ],
            notContains: ["Writing face recognition"],
          },
        },
      ],
    },
  ],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("expansion example", () => {
  for (const scenario of RUNBOOK.scenarios)
    it(scenario.name, () => runScenario(RUNBOOK, scenario), scenarioTimeout(RUNBOOK, scenario));
});
