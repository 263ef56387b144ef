import { type GraphLike, isGraphLike } from "./is-graph-like.js";

/**
 * A feature definition an entrypoint exports: a graph (any library copy), or a function that defines
 * features on the graph it is given.
 *
 * @example
 * const d: ExportedDefinition = { name: "default", kind: "graph", value: graph };
 */
export type ExportedDefinition =
  | { readonly name: string; readonly kind: "graph"; readonly value: GraphLike }
  | {
      readonly name: string;
      readonly kind: "function";
      readonly value: (graph: unknown) => unknown;
    };

/** Export names read, in order. */
const NAMES = ["default", "defineFeatures", "graph"] as const;

/**
 * The definitions a module namespace exports under `default`, `defineFeatures` or `graph`. A
 * CommonJS `module.exports` object (seen as `default`) is searched for the same names. Each value is
 * listed once even when exported under several names.
 *
 * @example
 * exportedDefinitions(await import("./features.js")); // [{ name: "default", kind: "graph", value }]
 */
export function exportedDefinitions(namespace: Record<string, unknown>): ExportedDefinition[] {
  const found: ExportedDefinition[] = [];
  const seen = new Set<unknown>();
  const visit = (scope: Record<string, unknown>, prefix: string, depth: number) => {
    for (const name of NAMES) {
      const value = scope[name];
      if (value === undefined || value === null || seen.has(value)) continue;
      const label = `${prefix}${name}`;
      if (isGraphLike(value)) {
        seen.add(value);
        found.push({ name: label, kind: "graph", value });
      } else if (typeof value === "function" && !isClass(value)) {
        seen.add(value);
        found.push({ name: label, kind: "function", value: value as (graph: unknown) => unknown });
      } else if (name === "default" && typeof value === "object" && depth === 0) {
        seen.add(value);
        visit(value as Record<string, unknown>, "", depth + 1);
      }
    }
  };
  visit(namespace, "", 0);
  return found;
}

function isClass(value: unknown): boolean {
  return typeof value === "function" && /^class[\s{]/.test(Function.prototype.toString.call(value));
}
