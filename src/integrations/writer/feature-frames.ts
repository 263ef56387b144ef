import type { Table } from "apache-arrow";
import { FeatureKey, type FeatureKeyInput } from "../../models/feature-key.js";
import { type BatchInput, batchInputTable } from "../batch-input.js";

/**
 * Frames for several features, as `put` takes them: an object keyed by feature key string, or a
 * Map keyed by anything that names a feature (a `Feature`, a `FeatureKey`, a key string).
 *
 * @example
 * const frames: FeatureFrames = { "video/raw": rows, "video/faces": facesTable };
 */
export type FeatureFrames = Readonly<Record<string, BatchInput>> | ReadonlyMap<FeatureKeyInput, BatchInput>;

/**
 * One converted frame: the key string, the feature as given, the Arrow table.
 *
 * @example
 * const [{ key, table }] = await featureFrames({ "video/raw": rows }); // key "video/raw"
 */
export interface FeatureFrame {
  readonly key: string;
  readonly feature: FeatureKeyInput;
  readonly table: Table;
}

/**
 * Validates every key (InvalidKeyError) and converts every frame to Arrow, in input order.
 *
 * @example
 * const converted = await featureFrames(new Map([[video, rows]]));
 */
export async function featureFrames(frames: FeatureFrames): Promise<FeatureFrame[]> {
  const entries: Iterable<readonly [FeatureKeyInput, BatchInput]> =
    frames instanceof Map ? frames.entries() : Object.entries(frames);
  const out: FeatureFrame[] = [];
  for (const [feature, input] of entries) {
    const key = FeatureKey.from(feature).toString();
    out.push({ key, feature, table: await batchInputTable(input) });
  }
  return out;
}
