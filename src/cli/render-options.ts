import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { CliError } from "./cli-error.js";
import {
  DEFAULT_RENDER_CONFIG,
  minimalPreset,
  type RenderConfig,
  verbosePreset,
} from "./render/render-config.js";

/**
 * The render flags as commander parses them.
 *
 * @example
 * const flags: RenderFlags = { showFields: false, hashLength: 6, direction: "LR" };
 */
export interface RenderFlags {
  readonly showFields?: boolean;
  readonly showFeatureVersions?: boolean;
  readonly showFieldVersions?: boolean;
  readonly showCodeVersions?: boolean;
  readonly showProjectVersion?: boolean;
  readonly hashLength?: number;
  readonly direction?: "TB" | "LR";
  readonly feature?: string;
  readonly up?: number;
  readonly down?: number;
  readonly showProjects?: boolean;
  readonly title?: string;
  readonly minimal?: boolean;
  readonly verbose?: boolean;
}

function integer(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} must be an integer >= ${min}, got "${value}"`);
    }
    return n;
  };
}

/** Adds `--flag` / `--no-flag`; left undefined unless given, so presets can apply. */
function toggle(command: Command, flag: string, help: string): void {
  command.addOption(new Option(`--${flag}`, help));
  command.addOption(new Option(`--no-${flag}`).hideHelp());
}

/**
 * Adds Python's RenderConfig flags to a command: `--show-fields/--no-show-fields`,
 * `--show-feature-versions`, `--show-field-versions`, `--show-code-versions`, `--show-project-version`,
 * `--show-projects` (each with `--no-`), `--hash-length N`, `--direction TB|LR`, `--feature KEY`,
 * `--up N`, `--down N`, `--title`, `--minimal`, `--verbose`.
 *
 * @example
 * addRenderOptions(program.command("render"));
 */
export function addRenderOptions(command: Command): Command {
  toggle(command, "show-fields", "show fields inside features (default on)");
  toggle(command, "show-feature-versions", "show feature versions (default on)");
  toggle(command, "show-field-versions", "show field versions (default on)");
  toggle(command, "show-code-versions", "show code versions (default off)");
  toggle(command, "show-project-version", "show the project version (default on)");
  toggle(command, "show-projects", "show each feature's project (default on)");
  command.addOption(
    new Option("--hash-length <n>", "characters of each hash shown (0 = full)").argParser(
      integer("--hash-length", 0),
    ),
  );
  command.addOption(new Option("--direction <dir>", "layout direction").choices(["TB", "LR"]));
  command.addOption(new Option("--feature <key>", "focus on one feature (a/b or a__b)"));
  command.addOption(
    new Option("--up <n>", "levels of dependencies around --feature").argParser(integer("--up", 0)),
  );
  command.addOption(
    new Option("--down <n>", "levels of dependents around --feature").argParser(integer("--down", 0)),
  );
  command.addOption(new Option("--title <text>", "chart title"));
  command.addOption(new Option("--minimal", "only keys, fields and dependencies"));
  command.addOption(new Option("--verbose", "everything, with full hashes"));
  return command;
}

/**
 * Turns the flags into a {@link RenderConfig}: presets first (`--minimal` / `--verbose`, which
 * conflict), explicit flags on top, field versions off when fields are off. `--up`/`--down` without
 * `--feature` is `MISSING_REQUIRED_FLAG`.
 *
 * @example
 * renderConfigOf({ verbose: true }, "demo").hashLength; // 0
 */
export function renderConfigOf(flags: RenderFlags, project: string | null): RenderConfig {
  if (flags.minimal === true && flags.verbose === true) {
    throw new CliError("CONFLICTING_FLAGS", "render: --minimal and --verbose cannot be combined");
  }
  if ((flags.up !== undefined || flags.down !== undefined) && flags.feature === undefined) {
    throw new CliError("MISSING_REQUIRED_FLAG", "render: --up and --down require --feature");
  }
  let config: RenderConfig = { ...DEFAULT_RENDER_CONFIG, project };
  if (flags.minimal === true) config = minimalPreset(config);
  if (flags.verbose === true) config = verbosePreset(config);
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  config = {
    ...config,
    showFields: pick(flags.showFields, config.showFields),
    showFeatureVersions: pick(flags.showFeatureVersions, config.showFeatureVersions),
    showFieldVersions: pick(flags.showFieldVersions, config.showFieldVersions),
    showCodeVersions: pick(flags.showCodeVersions, config.showCodeVersions),
    showProjectVersion: pick(flags.showProjectVersion, config.showProjectVersion),
    showProjects: pick(flags.showProjects, config.showProjects),
    hashLength: pick(flags.hashLength, config.hashLength),
    direction: pick(flags.direction, config.direction),
    feature: flags.feature ?? null,
    up: flags.up,
    down: flags.down,
    title: flags.title ?? null,
  };
  return config.showFields ? config : { ...config, showFieldVersions: false };
}
