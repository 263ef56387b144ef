import { ObjectStoreError } from "../../errors.js";
import { s3ErrorCode, s3Failure } from "./s3-errors.js";
import { s3Get } from "./s3-read.js";
import type { S3Transport } from "./s3-transport.js";

/**
 * Creates or replaces an object with one PUT.
 *
 * @example
 * await s3Put(transport, "part-0.parquet", bytes);
 */
export async function s3Put(transport: S3Transport, key: string, body: Uint8Array): Promise<void> {
  const response = await transport.send("put", { method: "PUT", key, body });
  if (response.status !== 200) throw await s3Failure("put", key, transport.config.display, response);
  await response.body?.cancel();
}

/** Attempts at a conditional PUT while S3 answers 409 ConditionalRequestConflict. */
const CONFLICT_ATTEMPTS = 6;

/**
 * PUT with `If-None-Match: *`: `true` when written, `false` on 412 (the key exists). S3 answers
 * 409 ConditionalRequestConflict (our write was not applied) while another conditional write of the
 * same key is in flight; we wait and ask again, and a later answer settles it (200 or 412). A server
 * that ignores the header (s3rver) silently overwrites: such servers cannot host concurrent writers.
 * When a retry (after a lost response or a 5xx) gets 412, the stored object is read back: if it
 * holds exactly our bytes, the earlier attempt landed and this call reports `true`.
 *
 * @example
 * await s3PutIfAbsent(transport, "_delta_log/00000000000000000001.json", bytes); // true, then false
 */
export async function s3PutIfAbsent(transport: S3Transport, key: string, body: Uint8Array): Promise<boolean> {
  const { display } = transport.config;
  let ambiguous = false;
  for (let attempt = 1; ; attempt++) {
    const { response, retried } = await transport.sendTracked("putIfAbsent", {
      method: "PUT",
      key,
      body,
      headers: { "if-none-match": "*" },
    });
    ambiguous ||= retried;
    if (response.status === 200) {
      await response.body?.cancel();
      return true;
    }
    if (response.status === 412) {
      await response.body?.cancel();
      // After a lost response our own earlier attempt may be what exists now: the same bytes mean
      // we won. (Delta commits carry a unique commitInfo, so another writer's bytes never match.)
      return ambiguous ? sameBytes(await s3Get(transport, key), body) : false;
    }
    if (response.status === 409 && attempt < CONFLICT_ATTEMPTS) {
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * (0.5 + Math.random())));
      continue;
    }
    if (response.status === 501) {
      const code = await s3ErrorCode(response);
      throw new ObjectStoreError(
        `object store: putIfAbsent ${JSON.stringify(key)} in ${display} failed: HTTP 501${code ? ` ${code}` : ""}: the server does not support conditional PUT (If-None-Match)`,
      );
    }
    throw await s3Failure("putIfAbsent", key, display, response);
  }
}

/**
 * Deletes an object; a missing one is not an error (S3 answers 204 either way, some servers 404).
 *
 * @example
 * await s3Delete(transport, "part-0.parquet");
 */
export async function s3Delete(transport: S3Transport, key: string): Promise<void> {
  const response = await transport.send("delete", { method: "DELETE", key });
  if (response.status === 204 || response.status === 200) {
    await response.body?.cancel();
    return;
  }
  if (response.status === 404) {
    const code = await s3ErrorCode(response);
    if (code === undefined || code === "NoSuchKey") return;
    throw new ObjectStoreError(
      `object store: delete ${JSON.stringify(key)} in ${transport.config.display} failed: HTTP 404 ${code}`,
    );
  }
  throw await s3Failure("delete", key, transport.config.display, response);
}

function sameBytes(stored: Uint8Array | null, body: Uint8Array): boolean {
  return stored !== null && Buffer.compare(stored, body) === 0;
}
