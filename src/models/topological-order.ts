import { compareCodePoints } from "./code-point-compare.js";
import type { FeatureSpec } from "./feature-spec.js";

/**
 * Orders feature keys so that every feature comes after its dependencies (Kahn's algorithm). Among
 * features whose dependencies are all placed, the smallest `"a/b"` string goes first, so the order
 * depends only on the graph, not on definition order. Dependencies outside `specs` are ignored.
 *
 * @example
 * topologicalOrder(new Map([["b", specB], ["a", specA]])); // ["a", "b"] when b depends on a
 */
export function topologicalOrder(specs: ReadonlyMap<string, FeatureSpec>): string[] {
  const pending = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const [key, spec] of specs) {
    const ups = spec.deps.map((d) => d.feature.toString()).filter((u) => specs.has(u));
    pending.set(key, ups.length);
    for (const u of ups) {
      const list = dependents.get(u);
      if (list === undefined) dependents.set(u, [key]);
      else list.push(key);
    }
  }
  const ready = [...pending].filter(([, n]) => n === 0).map(([k]) => k);
  ready.sort(compareCodePoints);
  const order: string[] = [];
  while (ready.length > 0) {
    const key = ready.shift()!;
    order.push(key);
    for (const d of dependents.get(key) ?? []) {
      const left = pending.get(d)! - 1;
      pending.set(d, left);
      if (left === 0) insertSorted(ready, d);
    }
  }
  return order;
}

function insertSorted(list: string[], key: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareCodePoints(list[mid]!, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, key);
}
