/**
 * Registers every conformance pack over Delta stores under fresh prefixes of an `s3://` bucket on the
 * project's conditional-PUT S3 server (started for the test file).
 */
import { afterAll, beforeAll } from "vitest";
import type { Kernels } from "../../../src/kernels/kernels.js";
import { DeltaMetadataStore } from "../../../src/store/delta-store/delta-metadata-store.js";
import { describeStoreConformance } from "../../conformance/index.js";
import { type S3Server, startS3Server } from "../../support/s3-server.js";
import { deltaCapabilities, testServerOptions, uniquePrefix } from "./helpers.js";

/** The conformance packs on S3 with `kernels`. */
export function s3Conformance(label: string, kernels: Kernels): void {
  let server: S3Server;
  beforeAll(async () => {
    server = await startS3Server({ buckets: ["metaxy"] });
  });
  afterAll(async () => {
    await server.close();
  });
  describeStoreConformance({
    label,
    kernels,
    capabilities: deltaCapabilities(true),
    factory: async (options) =>
      new DeltaMetadataStore({
        ...options,
        rootPath: `s3://metaxy/${uniquePrefix("conformance")}`,
        storageOptions: testServerOptions(server.endpoint),
      }),
  });
}
