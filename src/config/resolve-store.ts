import { resolveStoreOptions, type StoreOptionsContext } from "./resolve-store-options.js";
import { STORE_TYPES, storeKindOf } from "./store-kinds.js";
import type { ResolvedStore, StoreConfig, StoreKind } from "./types.js";

/**
 * Everything `resolveStore` reads from a loaded config.
 *
 * @example
 * const ctx: ResolveStoreContext = { ...optionsContext, stores: config.stores, defaultStore: "dev" };
 */
export interface ResolveStoreContext extends StoreOptionsContext {
  readonly stores: Readonly<Record<string, StoreConfig>>;
  readonly defaultStore: string;
}

/**
 * Resolves a configured store (default: the config's `store`) to its kind and constructor options.
 * The whole fallback chain is checked: every fallback must be configured and resolvable, no store
 * may reach itself, and explicitly configured hash algorithms must agree along the chain.
 *
 * @example
 * resolveStore(ctx, "dev", { materializationId: "run-42" });
 * // { name: "dev", type: "delta", kind: "delta", options: { rootPath: "/repo/m", ... } }
 */
export function resolveStore(
  ctx: ResolveStoreContext,
  name?: string,
  extra: { readonly materializationId?: string } = {},
): ResolvedStore {
  // An unknown default store is the `store` setting's fault; an unknown requested one, the `stores` table's.
  const blame = name === undefined ? ["store"] : ["stores"];
  const resolved = resolveChain(ctx, name ?? ctx.defaultStore, blame, new Map());
  if (extra.materializationId === undefined) return resolved;
  return {
    ...resolved,
    options: { ...resolved.options, materializationId: extra.materializationId },
  } as ResolvedStore;
}

function resolveChain(
  ctx: ResolveStoreContext,
  name: string,
  blame: readonly string[],
  done: Map<string, ResolvedStore>,
  chain: readonly string[] = [],
): ResolvedStore {
  const cached = done.get(name);
  if (cached !== undefined) return cached;
  const { sources, stores } = ctx;
  const names = Object.keys(stores);
  if (names.length === 0) {
    throw sources.error(
      ["stores"],
      "no stores configured; add [stores.<name>] with type and [stores.<name>.config] to metaxy.toml, or set METAXY_STORES__<NAME>__TYPE",
    );
  }
  const entry = Object.hasOwn(stores, name) ? stores[name] : undefined;
  if (entry === undefined) {
    throw sources.error(blame, `store "${name}" is not configured; available stores: ${names.join(", ")}`);
  }
  const kind = storeKindOf(entry.type);
  if (kind === null) {
    const supported = (Object.keys(STORE_TYPES) as StoreKind[])
      .map((k) => `${k} (${STORE_TYPES[k].map((t) => `"${t}"`).join(", ")})`)
      .join("; ");
    throw sources.error(
      ["stores", name, "type"],
      `store "${name}" has type "${entry.type}", which this TypeScript port does not implement; supported kinds: ${supported}`,
    );
  }
  const configPath = ["stores", name, "config"];
  const options = resolveStoreOptions(ctx, kind, configPath, entry.config);
  const here = [...chain, name];
  options.fallbackStores.forEach((fallback, i) => {
    const path = [...configPath, "fallback_stores", i];
    if (fallback === name) throw sources.error(path, `store "${name}" lists itself as a fallback store`);
    if (!Object.hasOwn(stores, fallback)) {
      throw sources.error(
        path,
        `fallback store "${fallback}" of "${name}" is not configured; available stores: ${names.join(", ")}`,
      );
    }
    if (here.includes(fallback)) {
      throw sources.error(path, `fallback stores form a cycle: ${[...here, fallback].join(" -> ")}`);
    }
    const resolvedFallback = resolveChain(ctx, fallback, blame, done, here);
    const mine = options.hashAlgorithm;
    const theirs = resolvedFallback.options.hashAlgorithm;
    if (mine !== undefined && theirs !== undefined && mine !== theirs) {
      throw sources.error(
        path,
        `all stores of a fallback chain must use the same hash algorithm: "${name}" uses ${mine}, its fallback "${fallback}" uses ${theirs}`,
      );
    }
  });
  const resolved = { name, type: entry.type, kind, options } as ResolvedStore;
  done.set(name, resolved);
  return resolved;
}
