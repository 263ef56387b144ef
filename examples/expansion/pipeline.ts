/**
 * Expansion example pipeline: writes raw videos, splits every new or changed video into chunks
 * (1:N), and runs "face recognition" on every new chunk. Face recognition reads only the chunks'
 * frames, so a change to the audio field re-chunks the videos without making any face result stale.
 *
 * Randomness (chunk counts, face counts) comes from a generator seeded with RANDOM_SEED (default 42).
 * Run from the repository root: `npm run example -- expansion`.
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "metaxy";
import graph, { faces, video, videoChunk } from "./features.js";
import { randomInt, randomSeed, seededRandom, splitVideoIntoChunks } from "./utils.js";

/** Config discovery and the relative store path start here, whatever the working directory. */
const EXAMPLE_DIR = dirname(fileURLToPath(import.meta.url));

/** JSON of a row (64-bit integers beyond 2^53 print as strings). */
function showRow(row: Record<string, unknown>): string {
  return JSON.stringify(row, (_, value) => (typeof value === "bigint" ? value.toString() : value));
}

async function main(): Promise<void> {
  const random = seededRandom(randomSeed());
  // The `dev` store of metaxy.toml: a Delta store under .metaxy/examples/ (see README.md).
  const store = await loadConfig({ cwd: EXAMPLE_DIR }).getStore("dev", { graph });

  // Let's pretend somebody has already created the videos for us.
  const samples = [1, 2, 3].map((id) => ({
    video_id: id,
    path: `video${id}.mp4`,
    metaxy_provenance_by_field: { audio: `v${id}`, frames: `v${id}` },
  }));
  await store.withOpen("w", async (s) => {
    const increment = await s.resolveUpdate(video, { samples });
    if (increment.new.numRows > 0) {
      console.log(`Found ${increment.new.numRows} new videos`);
      await s.write(video, increment.new);
    }
  });

  // Split the videos that need it into chunks. The increment has one row per parent video.
  await store.withOpen("w", async (s) => {
    const increment = await s.resolveUpdate(videoChunk);
    const { new: added, stale } = increment.toRows();
    console.log(`Found ${added.length} new videos and ${stale.length} stale videos that need chunking`);

    const videos = [...added, ...stale].sort((a, b) => Number(a.video_id) - Number(b.video_id));
    for (const row of videos) {
      console.log(`Processing video: ${showRow(row)}`);
      const chunkPaths = splitVideoIntoChunks(String(row.path), random);
      // Crucial: every chunk of a video carries the provenance of the video's row.
      const chunks = chunkPaths.map((path, i) => ({
        video_id: row.video_id,
        video_chunk_id: `${row.video_id}_${i}`,
        path,
        metaxy_provenance_by_field: row.metaxy_provenance_by_field,
        metaxy_provenance: row.metaxy_provenance,
      }));
      console.log(`Writing ${chunks.length} chunks for video ${row.video_id}`);
      await s.write(videoChunk, chunks);
    }
  });

  // Face recognition on the chunks that need it.
  await store.withOpen("w", async (s) => {
    const increment = await s.resolveUpdate(faces);
    const { new: added, stale } = increment.toRows();
    console.log(
      `Found ${added.length} new video chunks and ${stale.length} stale video chunks that need face recognition`,
    );
    if (added.length === 0) return;

    const chunkId = (row: Record<string, unknown>) => String(row.video_chunk_id);
    const chunks = [...added, ...stale].sort((a, b) =>
      chunkId(a) < chunkId(b) ? -1 : chunkId(a) > chunkId(b) ? 1 : 0,
    );
    const results = chunks.map((row) => ({
      video_chunk_id: row.video_chunk_id,
      num_faces: randomInt(random, 0, 10),
      metaxy_provenance_by_field: row.metaxy_provenance_by_field,
      metaxy_provenance: row.metaxy_provenance,
    }));
    console.log(`Writing face recognition results for ${results.length} chunks`);
    await s.write(faces, results);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
