import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ObjectStoreError } from "../../../src/errors.js";
import { S3ObjectStore } from "../../../src/store/io/s3.js";
import { S3RVER_CREDENTIALS, startS3rver } from "../../support/s3rver.js";
import { describeObjectStore } from "./conformance.js";

const BUCKET = "metaxy-s3rver";
const text = (s: string) => new TextEncoder().encode(s);
let s3rver: { endpoint: string; close(): Promise<void> };

beforeAll(async () => {
  s3rver = await startS3rver(BUCKET);
});
afterAll(async () => {
  await s3rver.close();
});

const fresh = () =>
  new S3ObjectStore({
    bucket: BUCKET,
    prefix: `runs/${randomUUID()}`,
    endpoint: s3rver.endpoint,
    allowHttp: true,
    ...S3RVER_CREDENTIALS,
  });

// s3rver ignores If-None-Match, so only the unconditional half of putIfAbsent is checked here.
describeObjectStore("S3ObjectStore against s3rver", async () => fresh(), { conditionalPut: false });

describe("s3rver as a test target", () => {
  it("ignores If-None-Match: putIfAbsent overwrites there, so it cannot host concurrent writers", async () => {
    const store = fresh();
    expect(await store.putIfAbsent("log/0.json", text("first"))).toBe(true);
    expect(await store.putIfAbsent("log/0.json", text("second"))).toBe(true);
    expect(new TextDecoder().decode((await store.get("log/0.json"))!)).toBe("second");
  });

  it("refuses an unknown access key id, whose echo in the error body stays out of our message", async () => {
    // s3rver checks only the access key id of SigV4 requests, not the signature (its source says so);
    // the project's own server verifies signatures. Its InvalidAccessKeyId body repeats the key id.
    const store = new S3ObjectStore({
      bucket: BUCKET,
      endpoint: s3rver.endpoint,
      allowHttp: true,
      accessKeyId: "AKIALEAKCHECK0000001",
      secretAccessKey: "leak/check+secret",
    });
    const error = await store.put("k", text("x")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectStoreError);
    expect((error as Error).message).toBe(
      `object store: put "k" in s3://${BUCKET} failed: HTTP 403 InvalidAccessKeyId`,
    );
    expect(`${(error as Error).stack}`).not.toContain("AKIALEAKCHECK0000001");
    expect(`${(error as Error).stack}`).not.toContain("leak/check+secret");
  });
});
