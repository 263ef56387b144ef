import type { Utf8, Vector } from "apache-arrow";
import type { Column } from "../kernels/kernels.js";
import { compareCodePoints } from "../models/code-point-compare.js";
import type { VersioningContext } from "./versioning-context.js";

/**
 * Separator of every record-level pre-image.
 *
 * @example
 * kernels.hashRows("xxhash64", parts, { separator: PREIMAGE_SEPARATOR, truncation: 8 });
 */
export const PREIMAGE_SEPARATOR = "|";

/**
 * The sample-level hash of per-field values: per row, the values sorted by struct key, joined with
 * `"|"`, hashed and truncated (metaxy-versioning §3.4). A null value gives a null hash.
 *
 * @example
 * sampleHash([["frames", frames], ["audio", audio]], ctx, table.numRows); // hashes "audio|frames" values
 */
export function sampleHash(
  entries: readonly (readonly [string, Column])[],
  ctx: VersioningContext,
  length: number,
): Vector<Utf8> {
  const sorted = [...entries].sort((a, b) => compareCodePoints(a[0], b[0]));
  return ctx.kernels.hashRows(
    ctx.hashAlgorithm,
    sorted.map(([, column]) => ({ column })),
    { separator: PREIMAGE_SEPARATOR, truncation: ctx.truncation },
    length,
  );
}
