import { existsSync } from "node:fs";
import { join } from "node:path";
import { createStore } from "../config/create-store.js";
import { loadConfig } from "../config/load-config.js";
import type { MetaxyConfig } from "../config/metaxy-config.js";
import { loadFeatures } from "../discovery/load-features.js";
import type { FeatureGraph } from "../models/feature-graph.js";
import type { MetadataStore } from "../store/metadata-store.js";
import { CliError } from "./cli-error.js";
import type { CliIO } from "./cli-io.js";

/**
 * Options every command accepts (given before or after the command name).
 *
 * @example
 * const globals: GlobalOptions = { configFile: "metaxy.toml", entrypoint: ["./more.ts"] };
 */
export interface GlobalOptions {
  readonly configFile?: string;
  readonly project?: string;
  readonly allProjects?: boolean;
  readonly entrypoint?: readonly string[];
}

/**
 * What a command works with, built lazily from the global options: the config, the feature graph of
 * the entrypoints, stores, and the output channels.
 *
 * @example
 * const graph = await ctx.graph();
 * ctx.io.data(graph.featureVersion("video/raw"));
 */
export class CliContext {
  readonly io: CliIO;
  readonly globals: GlobalOptions;
  #config: MetaxyConfig | undefined;
  #graph: Promise<FeatureGraph> | undefined;
  readonly #stores: MetadataStore[] = [];

  constructor(globals: GlobalOptions, io: CliIO) {
    this.globals = globals;
    this.io = io;
  }

  /**
   * The loaded config (`--config-file` applied); config warnings go to stderr once. `--project` is not
   * applied here: features keep the project they are defined with, `project()` filters by it.
   */
  config(): MetaxyConfig {
    if (this.#config === undefined) {
      loadDotEnv();
      const { configFile } = this.globals;
      this.#config = loadConfig({ ...(configFile === undefined ? {} : { configFile }), emitWarnings: false });
      for (const warning of this.#config.warnings)
        this.io.status(`${this.io.err.yellow("Warning:")} ${warning}`);
    }
    return this.#config;
  }

  /** The config as `--project` makes it (for `config print`). */
  effectiveConfig(): MetaxyConfig {
    const { configFile, project } = this.globals;
    if (project === undefined) return this.config();
    return loadConfig({
      ...(configFile === undefined ? {} : { configFile }),
      overrides: { project },
      emitWarnings: false,
    });
  }

  /** The project commands filter by: null with `--all-projects`, else `--project`, else the config's. */
  project(): string | null {
    if (this.globals.allProjects === true) return null;
    return this.globals.project ?? this.config().project;
  }

  /** The features of the config's entrypoints plus `--entrypoint`s (loaded once). */
  graph(): Promise<FeatureGraph> {
    this.#graph ??= loadFeatures(this.config(), { entrypoints: this.globals.entrypoint ?? [] });
    return this.#graph;
  }

  /** Refuses `--project` / `--all-projects` for commands that act on the configured project only. */
  refuseProjectOverride(command: string): void {
    if (this.globals.project !== undefined || this.globals.allProjects === true) {
      throw new CliError(
        "CONFLICTING_FLAGS",
        `${command}: --project and --all-projects cannot be used here; ${command} always acts on the project set in the config`,
      );
    }
  }

  /** Builds the named store (default: the config's) over the loaded graph; closed by `dispose`. */
  async store(name?: string): Promise<MetadataStore> {
    const store = await createStore(this.config(), await this.graph(), name);
    this.#stores.push(store);
    return store;
  }

  /** Closes every store this context opened and left open. */
  async dispose(): Promise<void> {
    for (const store of this.#stores) {
      while (store.isOpen) await store.close();
    }
  }
}

/** Python's CLI reads `.env` from the working directory; variables already set win. */
function loadDotEnv(): void {
  const file = join(process.cwd(), ".env");
  // process.loadEnvFile arrived in Node 20.12.
  if (existsSync(file) && typeof process.loadEnvFile === "function") process.loadEnvFile(file);
}
