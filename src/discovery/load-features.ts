import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { MetaxyConfig } from "../config/metaxy-config.js";
import { resolveEntrypoints } from "../config/resolve-entrypoints.js";
import { EntrypointLoadError } from "../errors.js";
import { FeatureGraph } from "../models/feature-graph.js";
import { addForeignFeatures } from "./add-foreign-features.js";
import { importEntrypoint } from "./import-entrypoint.js";
import { isGraphLike } from "./is-graph-like.js";
import { type ExportedDefinition, exportedDefinitions } from "./module-exports.js";

/**
 * Options of {@link loadFeatures}.
 *
 * @example
 * const options: LoadFeaturesOptions = { entrypoints: ["./extra/features.ts"], cwd: "/repo" };
 */
export interface LoadFeaturesOptions {
  /** Entrypoints loaded after the config's (e.g. from `--entrypoint`): paths relative to `cwd`, or packages. */
  readonly entrypoints?: readonly string[];
  /** Base of relative `entrypoints`; defaults to `process.cwd()`. */
  readonly cwd?: string;
}

/**
 * Loads the feature definitions of a project into a new graph with the config's project and hash
 * truncation length: every entrypoint of `config.tsEntrypoints`, then `options.entrypoints`, in order.
 * An entrypoint module exports `export default graph` (a `FeatureGraph`), a default or
 * `defineFeatures` function `(graph) => void | Promise<void>` that defines features on the graph it
 * is given, or a named `graph` export. Graphs are recognised by shape and rebuilt from their spec JSON,
 * so a module holding its own copy of this library (tsx, a CommonJS install) works; features without a
 * class path get `<module>#<export>`. Throws `EntrypointLoadError` naming the entrypoint and the cause.
 *
 * @example
 * const config = loadConfig();
 * const graph = await loadFeatures(config, { entrypoints: ["./src/more-features.ts"] });
 * graph.featureVersion("video/raw");
 */
export async function loadFeatures(
  config: MetaxyConfig,
  options: LoadFeaturesOptions = {},
): Promise<FeatureGraph> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const root = config.configFile === null ? cwd : dirname(config.configFile);
  const extra = resolveEntrypoints([
    { source: "--entrypoint", baseDir: cwd, entries: options.entrypoints ?? [], pythonAware: false },
  ]).entrypoints;
  const entrypoints = [...new Set([...config.tsEntrypoints, ...extra])];
  const graph = newGraph(config);
  for (const entry of entrypoints) {
    const module = moduleName(entry, root);
    try {
      const definitions = exportedDefinitions(await importEntrypoint(entry, root));
      if (definitions.length === 0) {
        throw new Error(
          "it exports no features: expected `export default graph`, a default or `defineFeatures` function taking the graph, or a named `graph` export",
        );
      }
      for (const definition of definitions) await define(graph, config, definition, module);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new EntrypointLoadError(`discovery: cannot load entrypoint "${module}": ${reason}`, { cause });
    }
  }
  return graph;
}

function newGraph(config: MetaxyConfig): FeatureGraph {
  return new FeatureGraph({
    ...(config.project === null ? {} : { project: config.project }),
    hashTruncationLength: config.hashTruncationLength,
  });
}

async function define(
  graph: FeatureGraph,
  config: MetaxyConfig,
  definition: ExportedDefinition,
  module: string,
): Promise<void> {
  const classPath = `${module}#${definition.name}`;
  if (definition.kind === "graph") {
    addForeignFeatures(graph, definition.value, classPath);
    return;
  }
  // The function sees what earlier entrypoints defined (it may depend on them) on a scratch graph,
  // so its own features can be copied over with their class path.
  const scratch = newGraph(config);
  for (const feature of graph.list()) scratch.feature(feature);
  const returned = await definition.value(scratch);
  if (returned !== scratch && isGraphLike(returned)) addForeignFeatures(scratch, returned, classPath);
  for (const feature of scratch.list()) {
    if (!graph.has(feature.key)) graph.feature(feature, { classPath: feature.classPath ?? classPath });
  }
}

/** How an entrypoint is named in class paths and messages: relative to the project root when inside it. */
function moduleName(entry: string, root: string): string {
  if (!isAbsolute(entry)) return entry;
  const rel = relative(root, entry);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return entry;
  return rel.split(sep).join("/");
}
