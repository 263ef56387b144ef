import { createHash } from "node:crypto";
import { compareCodePoints } from "./code-point-compare.js";
import type { FeatureKey } from "./feature-key.js";
import type { FeatureSpec } from "./feature-spec.js";
import type { FieldKey } from "./field-key.js";
import type { FQFieldKey } from "./fq-field-key.js";
import { truncateHash } from "./hash-truncation.js";
import type { FeaturePlan } from "./plan.js";
import { pythonJsonDumps } from "./python-json.js";

/**
 * SHA-256 over the UTF-8 of `parts` fed one after another with no separator (Metaxy's graph-level
 * hashing), lowercase hex, then truncated.
 *
 * @example
 * graphHash(["test/feature.default", "1"], 8); // "8bcff601"
 */
export function graphHash(parts: readonly string[], truncation: number | null): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p, "utf8");
  return truncateHash(h.digest("hex"), truncation);
}

/** What field versions need: plans by key and a memo shared across calls. @internal */
export interface VersionContext {
  readonly truncation: number | null;
  plan(key: FeatureKey): FeaturePlan;
  /** Memo of field versions keyed by `"feature/key.field/key"`. */
  readonly memo: Map<string, string>;
}

/**
 * Version of one field (metaxy-versioning §2.1): `sha256("<feature>.<field>" + code_version + each
 * parent's (truncated) field version, parents sorted by "feature.field")`, truncated.
 *
 * @example
 * fieldVersion(ctx, FeatureKey.from("derived"), FieldKey.from("processed")); // "1b9fb9e3"
 */
export function fieldVersion(ctx: VersionContext, feature: FeatureKey, field: FieldKey): string {
  const rootId = `${feature}.${field}`;
  const cached = ctx.memo.get(rootId);
  if (cached !== undefined) return cached;
  // Post-order over the parent DAG with an explicit stack: deep graphs must not exhaust the call stack.
  const stack: Pending[] = [{ feature, field, id: rootId, parents: undefined }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (ctx.memo.has(top.id)) {
      stack.pop();
      continue;
    }
    if (top.parents === undefined) {
      top.parents = ctx.plan(top.feature).parentFields(top.field);
      const todo = top.parents.filter((p) => !ctx.memo.has(p.toString()));
      if (todo.length > 0) {
        for (const p of todo)
          stack.push({ feature: p.feature, field: p.field, id: p.toString(), parents: undefined });
        continue;
      }
    }
    // Entries above `top` leave the stack only once memoised, so every parent is known here.
    const spec = ctx.plan(top.feature).spec.fields.find((f) => f.key.equals(top.field))!;
    const parts = [top.id, spec.codeVersion, ...top.parents.map((p) => ctx.memo.get(p.toString())!)];
    ctx.memo.set(top.id, graphHash(parts, ctx.truncation));
    stack.pop();
  }
  return ctx.memo.get(rootId)!;
}

interface Pending {
  readonly feature: FeatureKey;
  readonly field: FieldKey;
  readonly id: string;
  parents: readonly FQFieldKey[] | undefined;
}

/**
 * Versions of every field of a feature, `{ "a/b": version }` in declared field order.
 *
 * @example
 * fieldVersions(ctx, FeatureKey.from("video")); // { frames: "3081ee93", audio: "4c0dc244", metadata: "0f1afba6" }
 */
export function fieldVersions(ctx: VersionContext, feature: FeatureKey): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of ctx.plan(feature).spec.fields) out[f.key.toString()] = fieldVersion(ctx, feature, f.key);
  return Object.freeze(out);
}

/**
 * Feature version (§2.2, the `metaxy_feature_version` column): sha256 over each field key string and
 * its version, sorted by field key string.
 *
 * @example
 * featureVersion(ctx, FeatureKey.from("test/feature")); // "d26937b1"
 */
export function featureVersion(ctx: VersionContext, feature: FeatureKey): string {
  const byField = fieldVersions(ctx, feature);
  const keys = Object.keys(byField).sort(compareCodePoints);
  return graphHash(
    keys.flatMap((k) => [k, byField[k]!]),
    ctx.truncation,
  );
}

/**
 * Feature code version (§2.3, Python `FeatureSpec.code_version`): sha256 over each field key string and
 * its code version, sorted by key string; no dependencies involved.
 *
 * @example
 * featureCodeVersion(spec, 8);
 */
export function featureCodeVersion(spec: FeatureSpec, truncation: number | null): string {
  const fields = [...spec.fields].sort((a, b) => compareCodePoints(a.key.toString(), b.key.toString()));
  return graphHash(
    fields.flatMap((f) => [f.key.toString(), f.codeVersion]),
    truncation,
  );
}

/**
 * Feature spec version (§2.4): sha256 of Python's `json.dumps(spec.model_dump(mode="json"), sort_keys=True)`.
 *
 * @example
 * featureSpecVersion(spec, 8);
 */
export function featureSpecVersion(spec: FeatureSpec, truncation: number | null): string {
  return graphHash([pythonJsonDumps(spec.toJSON())], truncation);
}

/**
 * Feature definition version (§2.5): sha256 of the (truncated) spec version followed by
 * `json.dumps(schema, sort_keys=True)`.
 *
 * @example
 * featureDefinitionVersion(spec, {}, 8);
 */
export function featureDefinitionVersion(
  spec: FeatureSpec,
  schema: unknown,
  truncation: number | null,
): string {
  return graphHash([featureSpecVersion(spec, truncation), pythonJsonDumps(schema)], truncation);
}

/**
 * Project version (§2.6): `"empty"` for no features, else sha256 over each key string and its
 * definition version, features sorted by key parts tuple.
 *
 * @example
 * projectVersion([{ key: FeatureKey.from("a"), definitionVersion: "0123abcd" }], 8);
 */
export function projectVersion(
  entries: readonly { readonly key: FeatureKey; readonly definitionVersion: string }[],
  truncation: number | null,
): string {
  if (entries.length === 0) return "empty";
  const sorted = [...entries].sort((a, b) => a.key.compare(b.key));
  return graphHash(
    sorted.flatMap((e) => [e.key.toString(), e.definitionVersion]),
    truncation,
  );
}
