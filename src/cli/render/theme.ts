/**
 * Colours of graph renderings (diff statuses, feature and field nodes, version transitions).
 *
 * @example
 * DEFAULT_THEME.addedColor; // "#00AA00"
 */
export interface Theme {
  readonly addedColor: string;
  readonly removedColor: string;
  readonly changedColor: string;
  readonly unchangedColor: string;
  readonly featureColor: string;
  readonly fieldColor: string;
  readonly oldVersionColor: string;
  readonly newVersionColor: string;
}

/**
 * The default theme: green added, red removed, orange changed, grey unchanged.
 *
 * @example
 * graphvizRender(data, config, DEFAULT_THEME);
 */
export const DEFAULT_THEME: Theme = Object.freeze({
  addedColor: "#00AA00",
  removedColor: "#CC0000",
  changedColor: "#FFAA00",
  unchangedColor: "#808080",
  featureColor: "#1F4E79",
  fieldColor: "#666666",
  oldVersionColor: "#CC0000",
  newVersionColor: "#00AA00",
});
