/**
 * What a graph rendering shows (Python's `RenderConfig`).
 *
 * @example
 * const config: RenderConfig = { ...DEFAULT_RENDER_CONFIG, direction: "LR", hashLength: 0 };
 */
export interface RenderConfig {
  readonly showFields: boolean;
  readonly showFeatureVersions: boolean;
  readonly showFieldVersions: boolean;
  readonly showCodeVersions: boolean;
  readonly showProjectVersion: boolean;
  /** Characters of each hash shown; 0 = all. */
  readonly hashLength: number;
  readonly direction: "TB" | "LR";
  /** Focus feature (`a/b` or `a__b`), or null for the whole graph. */
  readonly feature: string | null;
  readonly up: number | undefined;
  readonly down: number | undefined;
  /** Show only this project's features (and their parents); null = all. */
  readonly project: string | null;
  readonly showProjects: boolean;
  /** Chart title; null = the renderer's default. */
  readonly title: string | null;
}

/**
 * Python's defaults (`RenderConfig()`).
 *
 * @example
 * DEFAULT_RENDER_CONFIG.hashLength; // 8
 */
export const DEFAULT_RENDER_CONFIG: RenderConfig = Object.freeze({
  showFields: true,
  showFeatureVersions: true,
  showFieldVersions: true,
  showCodeVersions: false,
  showProjectVersion: true,
  hashLength: 8,
  direction: "TB",
  feature: null,
  up: undefined,
  down: undefined,
  project: null,
  showProjects: true,
  title: null,
});

/**
 * The `--minimal` preset: structure and field names only (filters and `showProjects` kept).
 *
 * @example
 * minimalPreset(config).showFeatureVersions; // false
 */
export function minimalPreset(config: RenderConfig): RenderConfig {
  return {
    ...config,
    showFields: true,
    showFeatureVersions: false,
    showFieldVersions: false,
    showCodeVersions: false,
    showProjectVersion: false,
  };
}

/**
 * The `--verbose` preset: everything, full hashes (filters and `showProjects` kept).
 *
 * @example
 * verbosePreset(config).hashLength; // 0
 */
export function verbosePreset(config: RenderConfig): RenderConfig {
  return {
    ...config,
    showFields: true,
    showFeatureVersions: true,
    showFieldVersions: true,
    showCodeVersions: true,
    showProjectVersion: true,
    hashLength: 0,
  };
}

/**
 * A hash cut to `length` characters (0 = whole); `"none"` for a missing one.
 *
 * @example
 * formatHash("c2ac395f1234", 6); // "c2ac39"
 */
export function formatHash(hash: string | null, length: number): string {
  if (hash === null) return "none";
  return length > 0 ? hash.slice(0, length) : hash;
}

/**
 * The focus feature as a key string: `a/b` as is, `a__b` turned into `a/b`.
 *
 * @example
 * focusKey("video__files"); // "video/files"
 */
export function focusKey(feature: string): string {
  return feature.includes("/") ? feature : feature.split("__").join("/");
}
