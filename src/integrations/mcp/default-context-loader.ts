import { loadConfig } from "../../config/load-config.js";
import { MetaxyConfig } from "../../config/metaxy-config.js";
import { loadFeatures } from "../../discovery/load-features.js";
import type { McpContextLoader } from "./mcp-context.js";

/**
 * Where the default loader finds the project.
 *
 * @example
 * const options: ProjectLocation = { config: "metaxy.toml", cwd: "/repo" };
 */
export interface ProjectLocation {
  /** A metaxy.toml path (relative to `cwd`), or a loaded config used as is. Default: discovery from `cwd`. */
  readonly config?: string | MetaxyConfig;
  /** Start of config discovery and base of relative paths; default `process.cwd()`. */
  readonly cwd?: string;
}

/**
 * The loader `metaxy mcp` uses: on every call it loads the config (unless one was given), loads the
 * features of its entrypoints into a new graph, and builds stores with `config.getStore`.
 * Entrypoint modules are cached by Node's module loader, so edits to them need a server restart.
 *
 * @example
 * const load = defaultContextLoader({ cwd: "/repo" });
 * const { config, graph } = await load();
 */
export function defaultContextLoader(location: ProjectLocation = {}): McpContextLoader {
  const { cwd } = location;
  return async () => {
    const config =
      location.config instanceof MetaxyConfig
        ? location.config
        : loadConfig({
            ...(location.config === undefined ? {} : { configFile: location.config }),
            ...(cwd === undefined ? {} : { cwd }),
            emitWarnings: false,
          });
    const graph = await loadFeatures(config, cwd === undefined ? {} : { cwd });
    return { config, graph, store: (name) => config.getStore(name, { graph }) };
  };
}
