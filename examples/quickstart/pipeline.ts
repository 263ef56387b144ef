/**
 * Quickstart pipeline: asks the store which videos are new or changed, "processes" them (builds an
 * output path), writes their metadata, then does the same for the audio feature computed from the
 * videos. A second run finds nothing to do.
 *
 * Run from the repository root: `npm run example -- quickstart`.
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "metaxy";
import graph, { audio, video } from "./features.js";

/** Config discovery and the relative store path start here, whatever the working directory. */
const EXAMPLE_DIR = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  console.log("Quickstart Pipeline");
  console.log("=".repeat(60));
  // The `dev` store of metaxy.toml: a Delta store under .metaxy/examples/ (see README.md).
  const store = await loadConfig({ cwd: EXAMPLE_DIR }).getStore("dev", { graph });

  // Incoming root samples: the ids plus a provenance string per field. Any string works: a content
  // hash, a modification timestamp or a version label.
  const samples = [
    {
      id: "vid_001",
      raw_video_path: "/data/raw/vid_001.mp4",
      metaxy_provenance_by_field: { default: "a1n892ja" },
    },
    {
      id: "vid_002",
      raw_video_path: "/data/raw/vid_002.mp4",
      metaxy_provenance_by_field: { default: "2024-01-15T10:30:00Z" },
    },
    {
      id: "vid_003",
      raw_video_path: "/data/raw/vid_003.mp4",
      metaxy_provenance_by_field: { default: "v1.2.3" },
    },
  ];

  const increment = await store.withOpen("r", (s) => s.resolveUpdate(video, { samples }));
  const videoRows = increment.toRows();
  console.log(`\n[Video] ${videoRows.new.length} new, ${videoRows.stale.length} stale`);

  // "Process" each new or stale video; the data version makes a good storage path component.
  const processedVideos = [...videoRows.new, ...videoRows.stale].map((row) => ({
    ...row,
    path: `/data/processed/${row.id}/${row.metaxy_data_version}/video.mp4`,
  }));
  if (processedVideos.length > 0) {
    await store.withOpen("w", (s) => s.write(video, processedVideos));
    console.log(`[Video] Wrote ${processedVideos.length} samples`);
  }

  // No samples for audio: its expected rows come from the stored videos.
  const audioIncrement = await store.withOpen("r", (s) => s.resolveUpdate(audio));
  const audioRows = audioIncrement.toRows();
  console.log(`\n[Audio] ${audioRows.new.length} new, ${audioRows.stale.length} stale`);

  const processedAudio = [...audioRows.new, ...audioRows.stale].map((row) => ({
    ...row,
    path: `/data/processed/${row.id}/${row.metaxy_provenance}/audio.wav`,
  }));
  if (processedAudio.length > 0) {
    await store.withOpen("w", (s) => s.write(audio, processedAudio));
    console.log(`[Audio] Wrote ${processedAudio.length} samples`);
  }

  if (processedVideos.length === 0 && processedAudio.length === 0) {
    console.log("\nNo changes detected (idempotent)");
  }
  console.log("\n✅ Pipeline complete!");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
