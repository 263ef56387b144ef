/**
 * Step 2 of the basic example: records the feature graph, asks the store which child samples are new
 * or have new upstream provenance, writes them, and prints every child row's provenance.
 *
 * Run by pipeline.ts as a separate process; pipeline.ts reads this script's output.
 */
import { pushGraphSnapshot, tableToRows } from "metaxy";
import graph, { child } from "./features.js";
import { devStore } from "./store.js";

async function main(): Promise<void> {
  await (await devStore()).withOpen("w", async (store) => {
    const snapshot = await pushGraphSnapshot(store);
    console.log(`Graph project_version: ${snapshot.projectVersion}`);

    console.log(`\n📊 Computing ${child.key}...`);
    console.log(`  feature_version: ${graph.featureVersion(child.key)}`);

    // No samples: the expected child rows come from the stored parent rows.
    const increment = await store.resolveUpdate(child);
    const { new: added, stale } = increment.counts;
    console.log(`Identified: ${added} new samples, ${stale} samples with new provenance_by_field`);

    // A real pipeline would compute predictions here; the increment rows already carry the provenance.
    if (added > 0) {
      await store.write(child, increment.new);
      console.log(`✓ Materialized ${added} new samples`);
    }
    if (stale > 0) {
      await store.write(child, increment.stale);
      console.log(`✓ Recomputed ${stale} changed samples`);
    }

    const rows = tableToRows(await store.read(child));
    rows.sort((a, b) => Number(a.sample_uid) - Number(b.sample_uid));
    console.log("\n📋 Child provenance_by_field:");
    for (const row of rows) {
      console.log(`  sample_uid=${row.sample_uid}: ${JSON.stringify(row.metaxy_provenance_by_field)}`);
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
