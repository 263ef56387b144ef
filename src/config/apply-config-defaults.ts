import { setDefaultHashTruncationLength } from "../models/hash-truncation.js";
import type { MetaxyConfig } from "./metaxy-config.js";

/**
 * Makes a config's process-wide settings take effect: graphs created afterwards truncate hashes to
 * `hashTruncationLength` (Python reads the global config at hashing time). `loadConfig` calls it.
 *
 * @example
 * applyConfigDefaults(loadConfig({ overrides: { hashTruncationLength: 12 } }));
 * new FeatureGraph().hashTruncationLength; // 12
 */
export function applyConfigDefaults(config: MetaxyConfig): void {
  setDefaultHashTruncationLength(config.hashTruncationLength);
}
