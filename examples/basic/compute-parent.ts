/**
 * Step 1 of the basic example: records the feature graph, then writes the parent feature's rows (a
 * root feature: the rows carry their own provenance, no `resolveUpdate` needed). Rows already
 * stored for the current parent feature version are not written again.
 *
 * Run by pipeline.ts as a separate process.
 */
import { pushGraphSnapshot } from "metaxy";
import graph, { parent } from "./features.js";
import { devStore } from "./store.js";

async function main(): Promise<void> {
  await (await devStore()).withOpen("w", async (store) => {
    // Normally CI pushes the graph before pipelines run; the example does it here.
    const snapshot = await pushGraphSnapshot(store);
    console.log(`Graph project_version: ${snapshot.projectVersion}`);

    // Rows of the current feature version only: after a code version bump this is empty again.
    if ((await store.hasFeature(parent)) && (await store.read(parent)).numRows > 0) {
      console.log(
        `Metadata already exists for feature ${parent.key} (feature_version: ${graph.featureVersion(parent.key)}...)`,
      );
      console.log("Skipping write to avoid duplicates");
      return;
    }

    const rows = [1, 2, 3].map((uid) => ({
      sample_uid: uid,
      raw_data: `sample_${uid}_data`,
      metaxy_provenance_by_field: { embeddings: `v${uid}` },
    }));
    await store.write(parent, rows);
    console.log(`Written ${rows.length} rows for feature ${parent.key}`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
