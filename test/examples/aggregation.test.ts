import { describe, it } from "vitest";
import { type Runbook, runScenario, scenarioTimeout } from "./runbook.js";

const IDEMPOTENT = {
  contains: ["No new or changed audio recordings", "Found 0 speakers that need embedding computation"],
  notContains: ["Computing embedding", "Writing embeddings"],
};

/** Python's examples/example-aggregation/.example.yaml, with the counts its result file records. */
const RUNBOOK: Runbook = {
  example: "aggregation",
  autoPush: true,
  scenarios: [
    {
      name: "a changed and an added recording recompute only their speaker",
      steps: [
        {
          name: "initial run",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "Found 4 new audio recordings",
              "Found 2 speakers that need embedding computation",
              "  Computing embedding for speaker s1 from 2 audio recordings",
              "  Computing embedding for speaker s2 from 2 audio recordings",
              "Writing embeddings for 2 speakers",
            ],
          },
        },
        { name: "idempotent rerun", run: ["pipeline.ts"], expect: IDEMPOTENT },
        { patch: "patches/01_update_audio_provenance.patch" },
        {
          name: "run after a1's provenance changed",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "Found 1 changed audio recordings",
              "Found 1 speakers that need embedding computation",
              "  Computing embedding for speaker s1 from 2 audio recordings",
              "Writing embeddings for 1 speakers",
            ],
            notContains: ["speaker s2"],
          },
        },
        { patch: "patches/02_add_audio.patch" },
        {
          name: "run after recording a5 of speaker s1 was added",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "Found 1 new audio recordings",
              "Found 1 speakers that need embedding computation",
              "  Computing embedding for speaker s1 from 3 audio recordings",
              "Writing embeddings for 1 speakers",
            ],
            notContains: ["speaker s2"],
          },
        },
        { name: "final idempotent rerun", run: ["pipeline.ts"], expect: IDEMPOTENT },
      ],
    },
  ],
};

describe("aggregation example", () => {
  for (const scenario of RUNBOOK.scenarios)
    it(scenario.name, () => runScenario(RUNBOOK, scenario), scenarioTimeout(RUNBOOK, scenario));
});
