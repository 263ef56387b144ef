import { createHash } from "node:crypto";
import { xxhash32, xxhash64 } from "hash-wasm";
import type { HashAlgorithm } from "../kernels/kernels.js";
import { maxRenderedLength, parseHashAlgorithm } from "./algorithms.js";
import { hashRenderer } from "./renderer.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Hashes the UTF-8 bytes of `text` and resolves to Metaxy's untruncated rendering: unsigned decimal
 * for xxhash32/xxhash64/wyhash, lowercase hex for md5/sha256. Uses hash-wasm (xxhash) and
 * node:crypto (md5, sha256) — implementations independent of the kernels' own.
 *
 * @example
 * await hashString("xxhash64", "hello_world"); // "5654987600477331689"
 */
export async function hashString(algorithm: HashAlgorithm, text: string): Promise<string> {
  switch (parseHashAlgorithm(algorithm)) {
    case "xxhash32":
      return BigInt(`0x${await xxhash32(text)}`).toString();
    case "xxhash64":
      return BigInt(`0x${await xxhash64(text)}`).toString();
    case "md5":
    case "sha256":
      return createHash(algorithm).update(text, "utf8").digest("hex");
    case "wyhash":
      return hashStringSync("wyhash", text);
  }
}

/**
 * Synchronous {@link hashString} through the project's own TypeScript hashers (the ones the portable
 * kernels use).
 *
 * @example
 * hashStringSync("xxhash32", ""); // "46947589"
 */
export function hashStringSync(algorithm: HashAlgorithm, text: string): string {
  const render = hashRenderer(algorithm);
  const bytes = encoder.encode(text);
  const out = new Uint8Array(maxRenderedLength(algorithm));
  return decoder.decode(out.subarray(0, render(bytes, 0, bytes.length, out, 0)));
}
