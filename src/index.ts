/**
 * Metaxy for TypeScript: per-field version hashes for ML feature tables, and the new / stale /
 * orphaned increments an orchestrator needs — hash-identical to Python Metaxy 0.1.x.
 *
 * @example
 * import { FeatureGraph } from "metaxy";
 * const graph = new FeatureGraph({ project: "demo" });
 */

export * from "./constants.js";
export * from "./errors.js";
export type {
  Column,
  HashAlgorithm,
  HashRowsOptions,
  JoinKind,
  JoinResult,
  Kernels,
  PreimagePart,
} from "./kernels/kernels.js";
export { HASH_ALGORITHMS } from "./kernels/kernels.js";
