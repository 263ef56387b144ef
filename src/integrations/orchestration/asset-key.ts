import { InvalidSpecError } from "../../errors.js";
import type { Feature } from "../../models/feature.js";
import type { PyJson } from "../../models/python-json.js";
import { ASSET_ATTRIBUTES_KEY } from "./asset-constants.js";

/**
 * The orchestrator attributes a feature declares under `metadata["dagster/attributes"]` (plain JSON,
 * `{}` when none). Throws InvalidSpecError when that entry is not an object.
 *
 * @example
 * assetAttributes(video); // { group_name: "ingest", asset_key: ["raw", "video"] }
 */
export function assetAttributes(feature: Feature): Readonly<Record<string, PyJson>> {
  const attributes = (feature.spec.toJSON().metadata as Record<string, PyJson>)[ASSET_ATTRIBUTES_KEY];
  if (attributes === undefined) return {};
  if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) {
    throw new InvalidSpecError(
      `assets: feature "${feature.key}" metadata["${ASSET_ATTRIBUTES_KEY}"] must be an object, got ${JSON.stringify(attributes)}`,
    );
  }
  return attributes as Record<string, PyJson>;
}

/**
 * A feature's asset key as path parts: `metadata["dagster/attributes"].asset_key` when set (a string
 * is one part, a list is the parts), else the feature key's parts; `prefix` goes in front.
 *
 * @example
 * assetKeyOf(video);              // ["video", "raw"]
 * assetKeyOf(video, ["staging"]); // ["staging", "video", "raw"]
 */
export function assetKeyOf(feature: Feature, prefix: readonly string[] = []): string[] {
  const custom = assetAttributes(feature).asset_key;
  if (custom === undefined || custom === null || custom === "") return [...prefix, ...feature.key.parts];
  if (typeof custom === "string") return [...prefix, custom];
  if (Array.isArray(custom) && custom.length > 0 && custom.every((p) => typeof p === "string")) {
    return [...prefix, ...(custom as string[])];
  }
  throw new InvalidSpecError(
    `assets: feature "${feature.key}" asset_key must be a string or a non-empty list of strings, got ${JSON.stringify(custom)}`,
  );
}
