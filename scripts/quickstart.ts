/**
 * The main job (`npm start`, after `npm run build`): Python Metaxy's quickstart pipeline on a local
 * Delta store. It records the feature graph in the store's `feature_versions` table, asks which
 * videos are new or changed, "processes" them (builds an output path), writes their metadata, then
 * does the same for the audio feature computed from the videos. A second run finds nothing to do.
 *
 * The store lives in `.metaxy/quickstart` at the repository root (git-ignored); set
 * METAXY_QUICKSTART_ROOT to use another directory or an `s3://` URI. Delete the directory to start
 * over.
 *
 * It runs from the built package: `FeatureGraph` through the package's own name, the Delta store and
 * system tables from `dist/` directly until the package root exports them.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DeltaMetadataStore, FeatureGraph, SystemTableStorage } from "metaxy";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The quickstart features: root `video` and `audio` computed from it, one `default` field each. */
function quickstartGraph() {
  const graph = new FeatureGraph({ project: "quickstart" });
  const video = graph.feature({
    key: "video",
    idColumns: ["id"],
    columns: { raw_video_path: "string", id: "string", path: "string" },
    classPath: "scripts/quickstart.ts#video",
  });
  const audio = graph.feature({
    key: "audio",
    idColumns: ["id"],
    deps: [video],
    columns: { id: "string", path: "string" },
    classPath: "scripts/quickstart.ts#audio",
  });
  return { graph, video, audio };
}

/** Incoming root samples: ids plus one provenance string per field (a hash, a timestamp, a version…). */
const SAMPLES = [
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

async function main(): Promise<void> {
  const rootPath = process.env.METAXY_QUICKSTART_ROOT || join(REPO, ".metaxy", "quickstart");
  const { graph, video, audio } = quickstartGraph();
  const store = new DeltaMetadataStore({ rootPath, graph });
  console.log(`Quickstart pipeline — ${store.display()}`);

  await store.withOpen("w", async (s) => {
    const pushed = await new SystemTableStorage(s).pushGraphSnapshot();
    console.log(
      pushed.alreadyPushed
        ? `✓ Snapshot already recorded (no changes): ${pushed.projectVersion}`
        : `✓ Recorded feature graph: ${pushed.projectVersion}`,
    );

    const videos = (await s.resolveUpdate(video, { samples: SAMPLES })).toRows();
    console.log(`\n[Video] ${videos.new.length} new, ${videos.stale.length} stale`);
    // The data version makes a good storage path component: it changes exactly when the data does.
    const processedVideos = [...videos.new, ...videos.stale].map((row) => ({
      ...row,
      path: `/data/processed/${row.id}/${row.metaxy_data_version}/video.mp4`,
    }));
    if (processedVideos.length > 0) {
      await s.write(video, processedVideos);
      console.log(`[Video] Wrote ${processedVideos.length} samples`);
    }

    // No samples for audio: its expected rows come from the stored videos.
    const audios = (await s.resolveUpdate(audio)).toRows();
    console.log(`\n[Audio] ${audios.new.length} new, ${audios.stale.length} stale`);
    const processedAudio = [...audios.new, ...audios.stale].map((row) => ({
      ...row,
      path: `/data/processed/${row.id}/${row.metaxy_provenance}/audio.wav`,
    }));
    if (processedAudio.length > 0) {
      await s.write(audio, processedAudio);
      console.log(`[Audio] Wrote ${processedAudio.length} samples`);
    }

    if (processedVideos.length === 0 && processedAudio.length === 0) {
      console.log("\nNo changes detected (idempotent)");
    }
  });
  console.log("\n✅ Pipeline complete!");
}

main().catch((error: unknown) => {
  console.error(`quickstart: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
