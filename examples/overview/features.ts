/**
 * Features of the overview example: a root video with `audio` and `frames` fields, a crop of it, face
 * detection on the cropped frames and speech-to-text on the audio. Each field names the upstream
 * fields it reads, so a change to one field only changes the versions of what depends on it.
 *
 * @example
 * import graph, { faceDetection } from "./features.js";
 * graph.featureVersion(faceDetection.key); // "f1526ee0"
 */
import { FeatureGraph } from "metaxy";

/** The example's feature graph. */
const graph = new FeatureGraph({ project: "example_overview" });

/** Video metadata (root feature). */
export const video = graph.feature({
  key: "example/video",
  idColumns: ["sample_uid"],
  fields: [
    {
      key: "audio",
      codeVersion: "1",
    },
    {
      key: "frames",
      codeVersion: "1",
    },
  ],
  columns: { frames: "int64", duration: "float64", size: "int64" },
  description: "Video metadata feature (root).",
});

/** Cropped video: its audio comes from the video's audio, its frames from the video's frames. */
export const crop = graph.feature({
  key: "example/crop",
  idColumns: ["sample_uid"],
  deps: [{ feature: video }],
  fields: [
    { key: "audio", codeVersion: "1", deps: [{ feature: video, fields: ["audio"] }] },
    { key: "frames", codeVersion: "1", deps: [{ feature: video, fields: ["frames"] }] },
  ],
});

/** Faces found in the cropped frames (does not read audio). */
export const faceDetection = graph.feature({
  key: "example/face_detection",
  idColumns: ["sample_uid"],
  deps: [{ feature: crop }],
  fields: [{ key: "faces", codeVersion: "1", deps: [{ feature: crop, fields: ["frames"] }] }],
});

/** Speech-to-text on the video's audio (does not read frames). */
export const speechToText = graph.feature({
  key: "example/stt",
  idColumns: ["sample_uid"],
  deps: [{ feature: video }],
  fields: [{ key: "transcription", codeVersion: "1", deps: [{ feature: video, fields: ["audio"] }] }],
});

export default graph;
