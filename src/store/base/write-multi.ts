import type { ArrowInput } from "../../arrow/to-arrow-table.js";
import { Feature } from "../../models/feature.js";
import { FeatureKey, type FeatureKeyInput } from "../../models/feature-key.js";
import type { WriteOptions } from "../metadata-store.js";
import { isSystemKey } from "./resolve-feature.js";
import type { StoreContext } from "./store-backend.js";
import { writeFeature } from "./write-feature.js";

/**
 * `store.writeMulti`: one `write` per feature in reverse topological order (dependents first, as
 * Python does), each its own transaction; system keys last. No cross-feature atomicity.
 *
 * @example
 * await writeMulti(ctx, { "video/raw": videoRows, "video/faces": faceRows });
 */
export async function writeMulti(
  ctx: StoreContext,
  data: ReadonlyMap<FeatureKeyInput, ArrowInput> | Readonly<Record<string, ArrowInput>>,
  options: WriteOptions = {},
): Promise<void> {
  ctx.requireOpen("writeMulti", "w");
  const entries: [FeatureKeyInput, ArrowInput][] =
    data instanceof Map ? [...data.entries()] : Object.entries(data as Readonly<Record<string, ArrowInput>>);
  const byKey = new Map<string, [FeatureKeyInput, ArrowInput]>();
  for (const [ref, frame] of entries) {
    const key = ref instanceof Feature ? ref.key : FeatureKey.from(ref);
    byKey.set(key.toString(), [ref, frame]);
  }
  const features = [...byKey.values()].filter(([ref]) => !isSystemKey(ref)).map(([ref]) => ref);
  const ordered = ctx.graph
    .topologicalOrder(features)
    .reverse()
    .map((k) => k.toString());
  const system = [...byKey.keys()].filter((k) => !ordered.includes(k));
  for (const key of [...ordered, ...system]) {
    const [ref, frame] = byKey.get(key)!;
    await writeFeature(ctx, ref, frame, options);
  }
}
