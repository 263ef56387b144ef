/**
 * Overview example: prints the feature graph with every feature version and field version, and the
 * upstream fields each field is computed from. Run it before and after applying
 * patches/01_update_audio_version.patch (video `audio` code version 1 → 2) to see which versions
 * change: the video, the crop and speech-to-text change, face detection (frames only) does not.
 *
 * Run from the repository root: `npm run example -- overview`.
 */
import graph from "./features.js";

console.log(`Feature graph of project ${graph.project}`);
console.log("=".repeat(60));
for (const key of graph.topologicalOrder()) {
  const plan = graph.plan(key);
  const upstreams = plan.deps.map((dep) => dep.key.toString());
  const from = upstreams.length === 0 ? "" : ` ← ${upstreams.join(", ")}`;
  console.log(`${key} (${graph.featureVersion(key)})${from}`);
  for (const [field, version] of Object.entries(graph.fieldVersions(key))) {
    const parents = plan.parentFields(field).map((parent) => parent.toString());
    console.log(`  - ${field} (${version})${parents.length === 0 ? "" : ` ← ${parents.join(", ")}`}`);
  }
}
