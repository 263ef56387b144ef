import { ALL_FIELDS_DEP } from "../constants.js";
import type { Feature } from "../models/feature.js";

/**
 * One field of a feature as listings show it.
 *
 * @example
 * const info: FieldInfo = { key: "faces", code_version: "1", version: "006efeef", deps: [{ feature: "example/crop", fields: ["frames"] }] };
 */
export interface FieldInfo {
  readonly key: string;
  readonly code_version: string;
  readonly version: string;
  /** Parent fields per upstream feature; null when they cannot be resolved (upstream not loaded). */
  readonly deps: readonly { readonly feature: string; readonly fields: readonly string[] }[] | null;
  /** The field declares `SpecialFieldDep.ALL`. */
  readonly all_upstream: boolean;
}

/**
 * A feature's fields with versions and resolved parent fields, in declared order.
 *
 * @example
 * fieldInfos(graph.get("example/crop")).map((f) => f.version); // ["4c726c4b", "2419e09d"]
 */
export function fieldInfos(feature: Feature): FieldInfo[] {
  const graph = feature.graph;
  const versions = graph.fieldVersions(feature.key);
  return feature.spec.fields.map((field) => {
    const key = field.key.toString();
    return {
      key,
      code_version: field.codeVersion,
      version: versions[key] ?? "",
      deps: parentsOf(feature, key),
      all_upstream: field.deps === ALL_FIELDS_DEP,
    };
  });
}

function parentsOf(feature: Feature, field: string): FieldInfo["deps"] {
  let parents: readonly {
    readonly feature: { toString(): string };
    readonly field: { toString(): string };
  }[];
  try {
    parents = feature.graph.plan(feature.key).parentFields(field);
  } catch {
    return null;
  }
  const grouped = new Map<string, string[]>();
  for (const parent of parents) {
    const upstream = parent.feature.toString();
    grouped.set(upstream, [...(grouped.get(upstream) ?? []), parent.field.toString()]);
  }
  return [...grouped].map(([upstream, fields]) => ({ feature: upstream, fields }));
}

/**
 * How a field's parents read in tables: `feat.field, ...`, `[all upstream]`, or `-` for none.
 *
 * @example
 * fieldDepsText(info); // "example/video.audio"
 */
export function fieldDepsText(info: FieldInfo): string {
  if (info.all_upstream) return "[all upstream]";
  if (info.deps === null) return "?";
  const names = info.deps.flatMap((d) => d.fields.map((f) => `${d.feature}.${f}`));
  return names.length === 0 ? "-" : names.join(", ");
}
