import { HashAlgorithmNotSupportedError } from "../errors.js";
import { HASH_ALGORITHMS, type HashAlgorithm } from "../kernels/kernels.js";

/**
 * Checks an algorithm name (as written in config or Python's `HashAlgorithm` values) and returns it
 * typed. Names outside xxhash32/xxhash64/wyhash/md5/sha256 (farmhash included) are rejected.
 *
 * @example
 * parseHashAlgorithm("xxhash64"); // "xxhash64"
 * parseHashAlgorithm("farmhash"); // throws HashAlgorithmNotSupportedError
 */
export function parseHashAlgorithm(name: string): HashAlgorithm {
  if ((HASH_ALGORITHMS as readonly string[]).includes(name)) return name as HashAlgorithm;
  throw new HashAlgorithmNotSupportedError(
    `hashing: unsupported hash algorithm "${name}": expected one of ${HASH_ALGORITHMS.join(", ")}`,
  );
}

/**
 * Longest rendering of a hash, in characters (= bytes; renderings are ASCII).
 *
 * @example
 * maxRenderedLength("xxhash64"); // 20
 */
export function maxRenderedLength(algorithm: HashAlgorithm): number {
  switch (algorithm) {
    case "xxhash32":
      return 10;
    case "xxhash64":
    case "wyhash":
      return 20;
    case "md5":
      return 32;
    case "sha256":
      return 64;
  }
}
