import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The part of s3rver's (untyped, CommonJS) API we use. */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

/** s3rver's fixed development credentials: it accepts only this access key id. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/**
 * Starts the third-party s3rver (npm `s3rver`) on 127.0.0.1 with a random port and a fresh temporary
 * directory, path-style, with `bucket` created. s3rver accepts only the access key id of
 * `S3RVER_CREDENTIALS` but does not verify SigV4 signatures, and it ignores `If-None-Match` /
 * `If-Match` on PUT; the project's own `startS3Server` covers both.
 *
 * @example
 * const s3 = await startS3rver("metadata");
 * const store = new S3ObjectStore({ bucket: "metadata", endpoint: s3.endpoint, allowHttp: true, ...S3RVER_CREDENTIALS });
 * await s3.close();
 */
export async function startS3rver(bucket: string): Promise<{ endpoint: string; close(): Promise<void> }> {
  const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;
  const directory = await mkdtemp(join(tmpdir(), "metaxy-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
