import { describe, expect, it } from "vitest";
import * as integrations from "../../src/integrations/index.js";

describe("src/integrations/index.ts", () => {
  it("exports exactly the public integration names (values; types are erased)", () => {
    expect(Object.keys(integrations).sort()).toEqual([
      "ASSET_ATTRIBUTES_KEY",
      "ASSET_FEATURE_TAG",
      "ASSET_INFO_KEY",
      "ASSET_PROJECT_TAG",
      "BufferedMetadataWriter",
      "CODE_VERSION_PREFIX",
      "METAXY_ASSET_KIND",
      "METAXY_STATUS",
      "assetKeyOf",
      "batchInputRows",
      "batchInputTable",
      "columnLineage",
      "columnSchema",
      "createSink",
      "defaultContextLoader",
      "describeAsset",
      "featureInfo",
      "materializationStats",
      "readBatches",
      "readIncrementTable",
      "runMcpServer",
      "splitBatches",
      "withBufferedWriter",
      "withMetaxyOutput",
    ]);
    expect(integrations.METAXY_STATUS).toBe("metaxy_status");
    expect([
      integrations.ASSET_FEATURE_TAG,
      integrations.ASSET_PROJECT_TAG,
      integrations.ASSET_INFO_KEY,
    ]).toEqual(["metaxy/feature", "metaxy/project", "metaxy/info"]);
  });
});
