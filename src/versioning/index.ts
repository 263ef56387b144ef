/**
 * The versioning engine: expected frames (prepare upstreams, lineage, join, per-field provenance)
 * and increments (new / stale / orphaned), hash-identical to Python Metaxy 0.1.10.
 *
 * Public: `computeExpected`, `computeProvenance`, `Increment`, `resolveIncrement` and their option
 * types. Internal (for stores): `versioningContext`, `expectedFrame`, `prepareSamples`,
 * `customProvenance`, `incrementOptions`, `upstreamReadColumns` and the per-step functions.
 *
 * @example
 * import { computeExpected, resolveIncrement } from "./versioning/index.js";
 */
export { aggregateUpstream } from "./aggregate-upstream.js";
export { checkColumnCollisions, type PreparedUpstream } from "./check-column-collisions.js";
export { collapseExpansion } from "./collapse-expansion.js";
export { type ComputeExpectedOptions, computeExpected } from "./compute-expected.js";
export { computeProvenance, customProvenance } from "./compute-provenance.js";
export { depOrderColumns } from "./dep-order-columns.js";
export { depSelection } from "./dep-selection.js";
export { expectedFrame } from "./expected-frame.js";
export { fieldProvenance } from "./field-provenance.js";
export { Increment, type IncrementCounts } from "./increment.js";
export { incrementOptions } from "./increment-options.js";
export { joinUpstreams } from "./join-upstreams.js";
export { prepareSamples } from "./prepare-samples.js";
export { prepareUpstream } from "./prepare-upstream.js";
export { provenanceFrame } from "./provenance-frame.js";
export { type ResolveIncrementOptions, resolveIncrement } from "./resolve-increment.js";
export { PREIMAGE_SEPARATOR, sampleHash } from "./sample-hash.js";
export { upstreamReadColumns } from "./upstream-read-columns.js";
export { validateColumnConfiguration } from "./validate-column-configuration.js";
export { type VersioningContext, type VersioningOptions, versioningContext } from "./versioning-context.js";
