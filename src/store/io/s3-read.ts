import { ObjectStoreError } from "../../errors.js";
import { s3ErrorCode, s3Failure } from "./s3-errors.js";
import type { S3Transport } from "./s3-transport.js";

/**
 * The whole object, or `null` on `404 NoSuchKey`. A missing bucket is an error, not a missing key.
 *
 * @example
 * await s3Get(transport, "_delta_log/_last_checkpoint"); // Uint8Array or null
 */
export async function s3Get(transport: S3Transport, key: string): Promise<Uint8Array | null> {
  const response = await transport.send("get", { method: "GET", key });
  if (response.status === 200) return new Uint8Array(await response.arrayBuffer());
  if (response.status === 404) {
    const code = await s3ErrorCode(response);
    if (code === undefined || code === "NoSuchKey") return null;
    throw notFoundFailure("get", key, transport, code);
  }
  throw await s3Failure("get", key, transport.config.display, response);
}

/**
 * Bytes `[start, end)` with an explicit `Range: bytes=start-(end-1)`. A missing object, or one shorter
 * than `end`, is an `ObjectStoreError`. An empty range costs a HEAD, to keep those checks.
 *
 * @example
 * await s3GetRange(transport, "part-0.parquet", size - 8, size);
 */
export async function s3GetRange(
  transport: S3Transport,
  key: string,
  start: number,
  end: number,
): Promise<Uint8Array> {
  const { display } = transport.config;
  const beyond = (size: string) =>
    new ObjectStoreError(
      `object store: getRange ${JSON.stringify(key)} in ${display}: range [${start}, ${end}) is beyond the object size${size}`,
    );
  if (start === end) {
    const info = await s3Head(transport, key);
    if (info === null) throw notFoundFailure("getRange", key, transport);
    if (info.size < end) throw beyond(` of ${info.size} bytes`);
    return new Uint8Array(0);
  }
  const response = await transport.send("getRange", {
    method: "GET",
    key,
    headers: { range: `bytes=${start}-${end - 1}` },
  });
  const total = /\/(\d+)\s*$/.exec(response.headers.get("content-range") ?? "")?.[1];
  const ofSize = total === undefined ? "" : ` of ${total} bytes`;
  if (response.status === 206 || response.status === 200) {
    const body = new Uint8Array(await response.arrayBuffer());
    // A server that ignores Range answers 200 with the whole object.
    const whole = response.status === 200;
    const bytes = whole ? body.subarray(start, end) : body;
    if (bytes.length !== end - start) throw beyond(whole ? ` of ${body.length} bytes` : ofSize);
    return bytes;
  }
  if (response.status === 416) {
    await response.body?.cancel();
    throw beyond(ofSize);
  }
  if (response.status === 404) throw notFoundFailure("getRange", key, transport, await s3ErrorCode(response));
  throw await s3Failure("getRange", key, display, response);
}

/**
 * `{ size }` from a HEAD request, or `null` on 404.
 *
 * @example
 * await s3Head(transport, "part-0.parquet"); // { size: 1024 }
 */
export async function s3Head(transport: S3Transport, key: string): Promise<{ readonly size: number } | null> {
  const response = await transport.send("head", { method: "HEAD", key });
  if (response.status === 404) return null;
  const length = response.headers.get("content-length");
  if (response.status === 200 && length !== null && /^\d+$/.test(length)) return { size: Number(length) };
  throw await s3Failure("head", key, transport.config.display, response);
}

function notFoundFailure(
  operation: string,
  key: string,
  transport: S3Transport,
  code?: string,
): ObjectStoreError {
  const what = code === undefined || code === "NoSuchKey" ? ": not found" : ` failed: HTTP 404 ${code}`;
  return new ObjectStoreError(
    `object store: ${operation} ${JSON.stringify(key)} in ${transport.config.display}${what}`,
  );
}
