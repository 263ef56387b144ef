import { expect, it } from "vitest";
import { HASH_ALGORITHMS } from "../../src/kernels/kernels.js";
import { FeatureGraph } from "../../src/models/feature-graph.js";
import { computeExpected } from "../../src/versioning/compute-expected.js";
import { describeKernels, h, rows, upstreamRow } from "./helpers.js";

function graphOf(hashTruncationLength: number | null) {
  const graph = new FeatureGraph({ hashTruncationLength });
  graph.feature({ key: "video", idColumns: ["video_id"], fields: ["audio", "frames"] });
  graph.feature({
    key: "clip",
    idColumns: ["video_id"],
    deps: ["video"],
    fields: [{ key: "default", codeVersion: "1" }],
  });
  return graph;
}

const upstream = {
  video: [upstreamRow({ video_id: "v" }, { audio: "video_audio_hash_1", frames: "video_frame_hash_1" })],
};
const preimage = "default|1|video.audio|video_audio_hash_1|video.frames|video_frame_hash_1";

describeKernels("hash algorithms and truncation", (kind) => {
  it("the §3.4 example: xxhash64 of the documented pre-image is 96465930", async () => {
    const table = await computeExpected(graphOf(8), "clip", { kernels: kind, upstream });
    expect(rows(table, ["metaxy_provenance_by_field"])).toEqual([
      { metaxy_provenance_by_field: { default: "96465930" } },
    ]);
  });

  for (const algorithm of HASH_ALGORITHMS) {
    it(`${algorithm}, truncated to 8 and untruncated`, async () => {
      for (const truncation of [8, null]) {
        const table = await computeExpected(graphOf(truncation), "clip", {
          kernels: kind,
          upstream,
          hashAlgorithm: algorithm,
        });
        const field = await h(preimage, algorithm, truncation);
        expect(rows(table, ["metaxy_provenance_by_field", "metaxy_provenance"])).toEqual([
          {
            metaxy_provenance_by_field: { default: field },
            metaxy_provenance: await h(field, algorithm, truncation),
          },
        ]);
        if (truncation === null && (algorithm === "md5" || algorithm === "sha256")) {
          expect(field).toHaveLength(algorithm === "md5" ? 32 : 64);
        }
      }
    });
  }

  it("a longer truncation keeps more characters", async () => {
    const table = await computeExpected(graphOf(12), "clip", {
      kernels: kind,
      upstream,
      hashAlgorithm: "sha256",
    });
    expect(rows(table, ["metaxy_provenance_by_field"])).toEqual([
      { metaxy_provenance_by_field: { default: await h(preimage, "sha256", 12) } },
    ]);
  });
});
