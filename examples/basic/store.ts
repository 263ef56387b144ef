/**
 * The store both steps of the basic example use: `dev` from metaxy.toml (root path overridable with
 * METAXY_STORES__DEV__CONFIG__ROOT_PATH).
 *
 * @example
 * const store = await devStore();
 * await store.withOpen("r", (s) => s.read(parent));
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, type MetadataStore } from "metaxy";
import graph from "./features.js";

/** The example's directory: config discovery and relative store paths start here, whatever the cwd. */
export const EXAMPLE_DIR = dirname(fileURLToPath(import.meta.url));

/** A new (closed) handle on the `dev` store over the example's graph: a Delta store under .metaxy/examples/. */
export function devStore(): Promise<MetadataStore> {
  return loadConfig({ cwd: EXAMPLE_DIR }).getStore("dev", { graph });
}
