import { describe, it } from "vitest";
import { type Runbook, runScenario, scenarioTimeout } from "./runbook.js";

/** Python's examples/example-quickstart/.example.yaml (with the counts its result file records), plus a data change. */
const RUNBOOK: Runbook = {
  example: "quickstart",
  autoPush: true,
  scenarios: [
    {
      name: "first run writes every sample, reruns find nothing, a changed video is stale with its audio",
      steps: [
        {
          name: "initial run",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "Quickstart Pipeline",
              "[Video] 3 new, 0 stale",
              "[Video] Wrote 3 samples",
              "[Audio] 3 new, 0 stale",
              "[Audio] Wrote 3 samples",
              "✅ Pipeline complete!",
            ],
            notContains: ["No changes detected"],
          },
        },
        {
          name: "idempotent rerun",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "[Video] 0 new, 0 stale",
              "[Audio] 0 new, 0 stale",
              "No changes detected (idempotent)",
              "✅ Pipeline complete!",
            ],
            notContains: ["Wrote"],
          },
        },
        // Not in Python's runbook: new data for one video (its provenance string changes).
        { patch: "patches/01_update_video_provenance.patch" },
        {
          name: "run after vid_001's provenance changed",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "[Video] 0 new, 1 stale",
              "[Video] Wrote 1 samples",
              "[Audio] 0 new, 1 stale",
              "[Audio] Wrote 1 samples",
              "✅ Pipeline complete!",
            ],
            notContains: ["No changes detected"],
          },
        },
        {
          name: "final idempotent rerun",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "[Video] 0 new, 0 stale",
              "[Audio] 0 new, 0 stale",
              "No changes detected (idempotent)",
            ],
          },
        },
      ],
    },
  ],
};

describe("quickstart example", () => {
  for (const scenario of RUNBOOK.scenarios)
    it(scenario.name, () => runScenario(RUNBOOK, scenario), scenarioTimeout(RUNBOOK, scenario));
});
