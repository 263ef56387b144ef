/** `rebase(..., { toFeatureVersion })` on a Delta store: the historical graph comes from feature_versions. */
import { describe, expect, it } from "vitest";
import {
  METAXY_FEATURE_VERSION,
  METAXY_PROJECT_VERSION,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
} from "../../../src/constants.js";
import { InvalidArgumentError, SystemDataNotFoundError } from "../../../src/errors.js";
import { SystemTableStorage } from "../../../src/store/system/system-table-storage.js";
import { identityGraph, rootRows } from "../../conformance/graphs.js";
import { expectError, h, rowsOf } from "../../conformance/harness.js";
import { deltaStore } from "./system-graphs.js";

describe("rebase to a historical feature version", () => {
  it("recomputes provenance under the pushed graph that defined that version", async () => {
    const old = identityGraph("1");
    const cur = identityGraph("2");
    const store = await deltaStore(cur.graph);
    const oldStore = await deltaStore(old.graph, store.rootPath);
    await oldStore.withOpen("w", () => new SystemTableStorage(oldStore).pushGraphSnapshot());
    const algo = store.hashAlgorithm;
    await store.withOpen("w", async (s) => {
      await new SystemTableStorage(s).pushGraphSnapshot();
      await s.write(cur.parent, rootRows("id", ["a", "b"], ["value"]));
      await s.write(cur.child, (await s.resolveUpdate(cur.child)).new);
      const stored = await s.read(cur.child);
      const target = old.child.featureVersion();
      expect(target).not.toBe(cur.child.featureVersion());

      const rebased = await s.rebase("child", stored, { toFeatureVersion: target });
      const cols = [
        "id",
        METAXY_PROVENANCE_BY_FIELD,
        METAXY_PROVENANCE,
        METAXY_FEATURE_VERSION,
        METAXY_PROJECT_VERSION,
      ];
      const expected = async (id: string) => {
        const field = await h(algo, `derived|1|parent.value|pvalue${id}`);
        return {
          id,
          [METAXY_PROVENANCE_BY_FIELD]: { derived: field },
          [METAXY_PROVENANCE]: await h(algo, field),
          [METAXY_FEATURE_VERSION]: target,
          [METAXY_PROJECT_VERSION]: old.graph.projectVersion(),
        };
      };
      expect(rowsOf(rebased, cols)).toEqual([await expected("a"), await expected("b")]);

      await s.write("child", rebased, { preserveFeatureVersion: true });
      const history = await s.read("child", { withFeatureHistory: true, featureVersion: target });
      expect(rowsOf(history, cols)).toEqual([await expected("a"), await expected("b")]);
    });
  });

  it("names the version when it was never pushed, and refuses root features", async () => {
    const { graph, parent, child } = identityGraph();
    const store = await deltaStore(graph);
    await store.withOpen("w", async (s) => {
      await s.write(parent, rootRows("id", ["a"], ["value"]));
      await expectError(
        s.rebase(child, [], { toFeatureVersion: "deadbeef" }),
        SystemDataNotFoundError,
        "SYSTEM_DATA_NOT_FOUND",
        /"child" at feature version "deadbeef"/,
      );
      await expectError(
        s.rebase(parent, [], { toFeatureVersion: "deadbeef" }),
        InvalidArgumentError,
        "INVALID_ARGUMENT",
        /root feature "parent"/,
      );
    });
  });
});
