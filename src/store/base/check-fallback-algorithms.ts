import { HashAlgorithmNotSupportedError } from "../../errors.js";
import type { MetadataStore } from "../metadata-store.js";

/**
 * Every fallback store must hash records with the store's algorithm (Python checks this on open):
 * rows read through a fallback feed hashes compared with this store's. Throws
 * HashAlgorithmNotSupportedError naming both stores and both algorithms.
 *
 * @example
 * checkFallbackAlgorithms(store);
 */
export function checkFallbackAlgorithms(store: MetadataStore): void {
  for (const fallback of store.fallbackStores) {
    if (fallback.hashAlgorithm !== store.hashAlgorithm) {
      throw new HashAlgorithmNotSupportedError(
        `store: fallback store ${fallback.display()} uses hash algorithm "${fallback.hashAlgorithm}", ` +
          `but ${store.display()} uses "${store.hashAlgorithm}"; every store of a fallback chain must share one`,
      );
    }
  }
}
