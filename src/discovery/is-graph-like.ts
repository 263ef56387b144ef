/**
 * What discovery reads from a feature graph built by any copy of this library (a module loaded
 * through tsx, a CommonJS project's own install...), where `instanceof FeatureGraph` cannot be trusted.
 *
 * @example
 * if (isGraphLike(exported)) for (const f of exported.list()) console.log(f.spec.toJSON().key);
 */
export interface GraphLike {
  readonly project?: string | undefined;
  list(): readonly FeatureLike[];
  toJSON(): readonly unknown[];
}

/**
 * What discovery reads from one feature of a {@link GraphLike}.
 *
 * @example
 * const f: FeatureLike = graph.list()[0];
 * f.spec.toJSON(); // { key: "video/raw", id_columns: [...], ... }
 */
export interface FeatureLike {
  readonly spec: { toJSON(): unknown };
  readonly project?: string | undefined;
  readonly classPath?: string | undefined;
  readonly columns?: Readonly<Record<string, unknown>> | undefined;
  readonly schema?: { readonly [key: string]: unknown } | undefined;
}

/**
 * Whether `value` looks like a feature graph: an object with `list()` and `toJSON()` methods whose
 * spec JSON items carry `key` and `id_columns`. Checked by shape, never by class identity.
 *
 * @example
 * isGraphLike(new FeatureGraph()); // true
 * isGraphLike({ list: () => [] });  // false
 */
export function isGraphLike(value: unknown): value is GraphLike {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.list !== "function" || typeof candidate.toJSON !== "function") return false;
  let specs: unknown;
  try {
    specs = (candidate.toJSON as () => unknown).call(value);
  } catch {
    return false;
  }
  return (
    Array.isArray(specs) &&
    specs.every(
      (s) =>
        typeof s === "object" && s !== null && "key" in s && "id_columns" in s && Array.isArray(s.id_columns),
    )
  );
}
