import { InvalidArgumentError } from "../../errors.js";
import type { FilterExpr } from "../../filters/filter-expr.js";
import { toFilterExpr } from "../../filters/to-filter-expr.js";
import { FeatureKey } from "../../models/feature-key.js";
import type { FeatureFilters, FilterInput } from "../metadata-store.js";

/**
 * Normalises the filter argument forms the store API accepts (one filter, a list, null or
 * undefined) into parsed expressions; text is parsed now, so a bad filter fails before any I/O
 * (`FilterParseError`).
 *
 * @example
 * toFilterList("n > 3"); // [{ kind: "compare", … }]
 */
export function toFilterList(filters: FilterInput | readonly FilterInput[] | null | undefined): FilterExpr[] {
  if (filters === null || filters === undefined) return [];
  const list = Array.isArray(filters) ? (filters as readonly FilterInput[]) : [filters as FilterInput];
  return list.map((f, k) => {
    if (typeof f !== "string" && (typeof f !== "object" || f === null || !("kind" in f))) {
      throw new InvalidArgumentError(`store: filter ${k} is neither SQL text nor a filter expression`);
    }
    return toFilterExpr(f);
  });
}

/**
 * The filters a per-feature filter map holds for `key` (keys of the map are parsed, so `"a/b"`
 * and its parts form match); none when absent.
 *
 * @example
 * filtersFor({ "video/raw": ["fps > 24"] }, FeatureKey.from("video/raw")); // [parsed "fps > 24"]
 */
export function filtersFor(map: FeatureFilters | undefined, key: FeatureKey): FilterExpr[] {
  if (map === undefined) return [];
  const wanted = key.toString();
  const out: FilterExpr[] = [];
  for (const [k, filters] of Object.entries(map)) {
    if (FeatureKey.from(k).toString() === wanted) out.push(...toFilterList(filters));
  }
  return out;
}
