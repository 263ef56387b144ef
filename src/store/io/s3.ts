import { checkRange } from "./check-range.js";
import { checkListPrefix, checkObjectKey } from "./object-key.js";
import type { ObjectInfo, ObjectStore } from "./object-store.js";
import { resolveS3Config } from "./s3-config.js";
import { listObjects } from "./s3-list.js";
import type { S3Options } from "./s3-options.js";
import { s3Get, s3GetRange, s3Head } from "./s3-read.js";
import { S3Transport } from "./s3-transport.js";
import { s3Delete, s3Put, s3PutIfAbsent } from "./s3-write.js";

/**
 * An `ObjectStore` over an S3-compatible bucket, with SigV4-signed `fetch` requests. Keys live under
 * `prefix`; `putIfAbsent` is a PUT with `If-None-Match: *`, which AWS S3 (since 2024), MinIO and R2
 * honour. Failures are `ObjectStoreError`s naming operation, key and HTTP status, never credentials.
 *
 * @example
 * const store = new S3ObjectStore({
 *   bucket: "metadata", prefix: "prod", endpoint: "http://127.0.0.1:9000", allowHttp: true,
 *   accessKeyId: "…", secretAccessKey: "…",
 * });
 * store.display; // "s3://metadata/prod"
 * await store.putIfAbsent("t/_delta_log/00000000000000000000.json", bytes); // true
 */
export class S3ObjectStore implements ObjectStore {
  readonly display: string;
  private readonly transport: S3Transport;

  constructor(options: S3Options) {
    const config = resolveS3Config(options);
    this.display = config.display;
    this.transport = new S3Transport(config);
  }

  async get(key: string): Promise<Uint8Array | null> {
    checkObjectKey(key, "get");
    return s3Get(this.transport, key);
  }

  async getRange(key: string, start: number, end: number): Promise<Uint8Array> {
    checkObjectKey(key, "getRange");
    checkRange(key, start, end);
    return s3GetRange(this.transport, key, start, end);
  }

  async head(key: string): Promise<{ readonly size: number } | null> {
    checkObjectKey(key, "head");
    return s3Head(this.transport, key);
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    checkObjectKey(key, "put");
    return s3Put(this.transport, key, body);
  }

  async putIfAbsent(key: string, body: Uint8Array): Promise<boolean> {
    checkObjectKey(key, "putIfAbsent");
    return s3PutIfAbsent(this.transport, key, body);
  }

  async list(prefix: string): Promise<readonly ObjectInfo[]> {
    checkListPrefix(prefix);
    return listObjects(this.transport, prefix);
  }

  async delete(key: string): Promise<void> {
    checkObjectKey(key, "delete");
    return s3Delete(this.transport, key);
  }
}
