import { describe, it } from "vitest";
import { type Runbook, runScenario, scenarioTimeout } from "./runbook.js";

/**
 * Child provenance per sample, as Python records it (xxhash32, truncated to 8): it derives from the
 * parent's stored provenance strings and the child's field, so the parent's code version bump changes
 * the child's feature version but not these values.
 */
const CHILD_PROVENANCE = [
  'sample_uid=1: {"predictions":"24503967"}',
  'sample_uid=2: {"predictions":"24458329"}',
  'sample_uid=3: {"predictions":"26963083"}',
];

/** Python's examples/example-basic/.example.yaml, with the values its result file records. */
const RUNBOOK: Runbook = {
  example: "basic",
  autoPush: true,
  scenarios: [
    {
      name: "parent code version bump: the child is recomputed as new samples",
      steps: [
        {
          name: "initial run",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "Pipeline",
              "[1/2] Computing parent feature...",
              "Graph project_version: ",
              "Written 3 rows for feature examples/parent",
              "[2/2] Computing child feature...",
              "📊 Computing examples/child...",
              "  feature_version: b10ea448",
              "Identified: 3 new samples, 0 samples with new provenance_by_field",
              "✓ Materialized 3 new samples",
              ...CHILD_PROVENANCE,
              "✅ Pipeline complete!",
            ],
            notContains: ["No changes detected", "Metadata already exists"],
          },
        },
        {
          name: "idempotent rerun",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "Metadata already exists for feature examples/parent (feature_version: 7de0f5e8...)",
              "Skipping write to avoid duplicates",
              "Identified: 0 new samples, 0 samples with new provenance_by_field",
              ...CHILD_PROVENANCE,
              "No changes detected (idempotent)",
              "✅ Pipeline complete!",
            ],
            notContains: ["Materialized", "Written 3 rows"],
          },
        },
        { patch: "patches/01_update_parent_algorithm.patch" },
        {
          name: "run after the parent's code version bump",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "Written 3 rows for feature examples/parent",
              "  feature_version: e5b92b18",
              "Identified: 3 new samples, 0 samples with new provenance_by_field",
              "✓ Materialized 3 new samples",
              ...CHILD_PROVENANCE,
              "✅ Pipeline complete!",
            ],
            notContains: ["No changes detected", "Metadata already exists", "Recomputed"],
          },
        },
        {
          name: "final idempotent rerun",
          run: ["pipeline.ts"],
          expect: {
            contains: [
              "Metadata already exists for feature examples/parent (feature_version: 68827f3e...)",
              "Identified: 0 new samples, 0 samples with new provenance_by_field",
              ...CHILD_PROVENANCE,
              "No changes detected (idempotent)",
            ],
            notContains: ["Materialized"],
          },
        },
      ],
    },
  ],
};

describe("basic example", () => {
  for (const scenario of RUNBOOK.scenarios)
    it(scenario.name, () => runScenario(RUNBOOK, scenario), scenarioTimeout(RUNBOOK, scenario));
});
