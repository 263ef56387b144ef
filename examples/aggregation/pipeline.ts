/**
 * Aggregation example pipeline: writes audio recordings, then computes one embedding per speaker
 * from all of that speaker's recordings. Only speakers whose recordings are new or changed are
 * recomputed. The patches in patches/ change AUDIO_SAMPLES (a new provenance for a1, a new
 * recording a5) to show it.
 *
 * Run from the repository root: `npm run example -- aggregation`.
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "metaxy";
import graph, { audio, speakerEmbedding } from "./features.js";

/** Config discovery and the relative store path start here, whatever the working directory. */
const EXAMPLE_DIR = dirname(fileURLToPath(import.meta.url));

/** Audio samples: 2 speakers with 2 recordings each. */
const AUDIO_SAMPLES = [
  {
    audio_id: "a1",
    speaker_id: "s1",
    duration_seconds: 30.5,
    path: "audio/s1_recording1.wav",
    metaxy_provenance_by_field: { default: "a1_v1" },
  },
  {
    audio_id: "a2",
    speaker_id: "s1",
    duration_seconds: 45.2,
    path: "audio/s1_recording2.wav",
    metaxy_provenance_by_field: { default: "a2_v1" },
  },
  {
    audio_id: "a3",
    speaker_id: "s2",
    duration_seconds: 60.0,
    path: "audio/s2_recording1.wav",
    metaxy_provenance_by_field: { default: "a3_v1" },
  },
  {
    audio_id: "a4",
    speaker_id: "s2",
    duration_seconds: 35.8,
    path: "audio/s2_recording2.wav",
    metaxy_provenance_by_field: { default: "a4_v1" },
  },
];

async function main(): Promise<void> {
  // The `dev` store of metaxy.toml: a Delta store under .metaxy/examples/ (see README.md).
  const store = await loadConfig({ cwd: EXAMPLE_DIR }).getStore("dev", { graph });

  // Step 1: write the audio recordings that are new or changed.
  await store.withOpen("w", async (s) => {
    const increment = await s.resolveUpdate(audio, { samples: AUDIO_SAMPLES });
    if (increment.new.numRows > 0) {
      console.log(`Found ${increment.new.numRows} new audio recordings`);
      await s.write(audio, increment.new);
    } else if (increment.stale.numRows > 0) {
      console.log(`Found ${increment.stale.numRows} changed audio recordings`);
      await s.write(audio, increment.stale);
    } else {
      console.log("No new or changed audio recordings");
    }
  });

  // Step 2: recompute the embeddings of the speakers with new or changed recordings. The increment
  // has one row per (speaker, recording); every row of a speaker carries the speaker's provenance.
  await store.withOpen("w", async (s) => {
    const { new: added, stale } = (await s.resolveUpdate(speakerEmbedding)).toRows();
    const rows = [...added, ...stale];
    const speakers = [...new Set(rows.map((row) => String(row.speaker_id)))].sort();
    console.log(`Found ${speakers.length} speakers that need embedding computation`);
    if (speakers.length === 0) return;

    const embeddings = speakers.map((speakerId) => {
      const speakerRows = rows.filter((row) => row.speaker_id === speakerId);
      console.log(
        `  Computing embedding for speaker ${speakerId} from ${speakerRows.length} audio recordings`,
      );
      return {
        speaker_id: speakerId,
        n_dim: 512,
        path: `embeddings/${speakerId}.npy`,
        metaxy_provenance_by_field: speakerRows[0]!.metaxy_provenance_by_field,
        metaxy_provenance: speakerRows[0]!.metaxy_provenance,
      };
    });
    console.log(`Writing embeddings for ${embeddings.length} speakers`);
    await s.write(speakerEmbedding, embeddings);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
