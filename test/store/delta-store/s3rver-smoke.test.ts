/**
 * A smaller conformance run against a real third-party S3 server (s3rver): lifecycle, write and read
 * packs with the portable kernels, SigV4-signed with s3rver's development credentials. s3rver ignores
 * conditional PUTs, so concurrency is tested on the project's own server instead.
 */
import { afterAll, beforeAll } from "vitest";
import { getKernels } from "../../../src/kernels/index.js";
import { DeltaMetadataStore } from "../../../src/store/delta-store/delta-metadata-store.js";
import type { ConformanceTarget } from "../../conformance/harness.js";
import { lifecyclePack } from "../../conformance/lifecycle-pack.js";
import { readPack } from "../../conformance/read-pack.js";
import { writePack } from "../../conformance/write-pack.js";
import { S3RVER_CREDENTIALS, startS3rver } from "../../support/s3rver.js";
import { deltaCapabilities, uniquePrefix } from "./helpers.js";

let s3: { endpoint: string; close(): Promise<void> };
beforeAll(async () => {
  s3 = await startS3rver("metaxy");
});
afterAll(async () => {
  await s3.close();
});

const target: ConformanceTarget = {
  label: "delta-s3rver/portable",
  kernels: getKernels("portable"),
  capabilities: deltaCapabilities(true),
  factory: async (options) =>
    new DeltaMetadataStore({
      ...options,
      rootPath: `s3://metaxy/${uniquePrefix("s3rver")}`,
      storageOptions: {
        AWS_ENDPOINT_URL: s3.endpoint,
        AWS_ALLOW_HTTP: "true",
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      },
    }),
};

lifecyclePack(target);
writePack(target);
readPack(target);
