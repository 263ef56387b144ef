/**
 * DeltaMetadataStore specifics beyond the conformance packs: options, display, file pruning by
 * feature version, and seeing other writers' commits while open.
 */
import { unlink } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { tableToRows } from "../../../src/arrow/table-to-rows.js";
import { METAXY_FEATURE_VERSION } from "../../../src/constants.js";
import { DeltaProtocolError, InvalidArgumentError, ObjectStoreError } from "../../../src/errors.js";
import { FeatureGraph } from "../../../src/models/feature-graph.js";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { DeltaMetadataStore } from "../../../src/store/delta-store/delta-metadata-store.js";
import { LocalObjectStore } from "../../../src/store/io/local.js";
import { expectError, expectThrow } from "../../conformance/harness.js";
import { deltaCapabilities, tempDir } from "./helpers.js";

function graphAt(codeVersion: string) {
  const graph = new FeatureGraph({ project: "delta" });
  const clips = graph.feature({
    key: "media/clips",
    idColumns: ["clip_id"],
    fields: [{ key: "frames", codeVersion }],
  });
  return { graph, clips };
}

const clipRows = (ids: readonly string[]) =>
  ids.map((clip_id) => ({ clip_id, metaxy_provenance_by_field: { frames: `f-${clip_id}` } }));

describe("options and display", () => {
  const { graph } = graphAt("1");

  it("displays the resolved root without credentials, with the name in brackets", () => {
    expect(new DeltaMetadataStore({ graph, rootPath: "/data/metaxy" }).display()).toBe(
      "DeltaMetadataStore(path=/data/metaxy)",
    );
    expect(new DeltaMetadataStore({ graph, rootPath: "rel/dir", name: "dev" }).display()).toBe(
      `[dev] DeltaMetadataStore(path=${resolve("rel/dir")})`,
    );
    expect(new DeltaMetadataStore({ graph, rootPath: "~/m" }).rootPath).toBe(join(homedir(), "m"));
    const s3 = new DeltaMetadataStore({
      graph,
      rootPath: "s3://bucket/prefix/",
      storageOptions: { AWS_ACCESS_KEY_ID: "AKIAEXAMPLE", AWS_SECRET_ACCESS_KEY: "very-secret" },
    });
    expect(s3.display()).toBe("DeltaMetadataStore(path=s3://bucket/prefix)");
    expect(s3.capabilities).toEqual(deltaCapabilities(true));
    expect(s3.tableUri("media/clips")).toBe("s3://bucket/prefix/media/clips.delta");
    expect(s3.hashAlgorithm).toBe("xxhash32");
    expect(new DeltaMetadataStore({ graph, rootPath: "/m", layout: "flat" }).tableUri("media/clips")).toBe(
      "/m/media__clips.delta",
    );
  });

  it("refuses unusable options with the option named", () => {
    expectThrow(
      () => new DeltaMetadataStore({ graph, rootPath: " " }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
      /rootPath/,
    );
    expectThrow(
      () => new DeltaMetadataStore({ graph, rootPath: "/m", layout: "deep" as "flat" }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
      /layout must be "nested" or "flat", got "deep"/,
    );
    expectThrow(
      () => new DeltaMetadataStore({ graph, rootPath: "/m", storageOptions: { AWS_REGION: {} } }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
      /storageOptions\.AWS_REGION/,
    );
    expectThrow(
      () => new DeltaMetadataStore({ graph, rootPath: "/m", deltaWriteOptions: { mode: "overwrite" } }),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
      /deltaWriteOptions\.mode must be "append".*"overwrite"/,
    );
    expectThrow(
      () => new DeltaMetadataStore({ graph, rootPath: "gs://bucket/m" }),
      ObjectStoreError,
      "OBJECT_STORE",
      /gs:\/\/ scheme is not supported/,
    );
  });

  it("accepts Python's default delta_write_options and warns about the ones it does not use", () => {
    const spy = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      new DeltaMetadataStore({
        graph,
        rootPath: "/m",
        deltaWriteOptions: { mode: "append", schema_mode: "merge" },
      });
      expect(spy).not.toHaveBeenCalled();
      new DeltaMetadataStore({ graph, rootPath: "/m", deltaWriteOptions: { target_file_size: 1024 } });
      expect(spy).toHaveBeenCalledTimes(1);
      expect(String(spy.mock.calls[0]![0])).toMatch(/target_file_size/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("reads", () => {
  it("skip the data files of other feature versions by their statistics", async () => {
    const root = await tempDir();
    const v1 = graphAt("1");
    const v2 = graphAt("2");
    await new DeltaMetadataStore({ graph: v1.graph, rootPath: root }).withOpen("w", (s) =>
      s.write(v1.clips, clipRows(["a", "b"])),
    );
    const store = new DeltaMetadataStore({ graph: v2.graph, rootPath: root });
    await store.withOpen("w", (s) => s.write(v2.clips, clipRows(["b", "c"])));
    // Remove the first version's data file: only a read that opens it can notice.
    const objects = new LocalObjectStore(root);
    const table = (await DeltaTable.open(objects, "media/clips.delta"))!;
    const old = table.snapshot.files.filter(
      (f) => f.stats?.minValues[METAXY_FEATURE_VERSION] === v1.clips.featureVersion(),
    );
    expect(old).toHaveLength(1);
    await unlink(join(root, old[0]!.key));
    await store.withOpen("r", async (s) => {
      expect(tableToRows(await s.read(v2.clips, { columns: ["clip_id"] })).map((r) => r.clip_id)).toEqual([
        "b",
        "c",
      ]);
      await expectError(
        s.read(v2.clips, { withFeatureHistory: true }),
        DeltaProtocolError,
        "DELTA_PROTOCOL",
        /data file "media\/clips\.delta\//,
      );
    });
  });

  it("see commits other writers made while this store is open", async () => {
    const root = await tempDir();
    const { graph, clips } = graphAt("1");
    const reader = new DeltaMetadataStore({ graph, rootPath: root });
    const writer = new DeltaMetadataStore({ graph, rootPath: root });
    await reader.withOpen("r", async (r) => {
      expect(await r.hasFeature(clips)).toBe(false);
      await writer.withOpen("w", (w) => w.write(clips, clipRows(["a"])));
      expect(await r.hasFeature(clips)).toBe(true);
      expect((await r.read(clips)).numRows).toBe(1);
      await writer.withOpen("w", (w) => w.write(clips, clipRows(["b"])));
      expect((await r.read(clips)).numRows).toBe(2);
      await writer.withOpen("w", (w) => w.dropFeatureMetadata(clips));
      expect((await r.read(clips)).numRows).toBe(0);
      expect(await r.hasFeature(clips)).toBe(true);
    });
  });
});
