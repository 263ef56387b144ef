import { describe, expect, it } from "vitest";
import { applyConfigDefaults } from "../../src/config/apply-config-defaults.js";
import { loadConfig } from "../../src/config/load-config.js";
import { getDefaultHashTruncationLength } from "../../src/models/hash-truncation.js";
import { tempProject } from "./temp-project.js";

describe("global defaults", () => {
  it("loadConfig sets the default hash truncation length for graphs created afterwards", () => {
    const root = tempProject({ "metaxy.toml": "hash_truncation_length = 16\n" });
    loadConfig({ cwd: root, env: {}, emitWarnings: false });
    expect(getDefaultHashTruncationLength()).toBe(16);
    const defaults = loadConfig({ configFile: null, env: {}, emitWarnings: false });
    expect(getDefaultHashTruncationLength()).toBe(8);
    applyConfigDefaults(
      loadConfig({ configFile: null, env: { METAXY_HASH_TRUNCATION_LENGTH: "12" }, emitWarnings: false }),
    );
    expect(getDefaultHashTruncationLength()).toBe(12);
    applyConfigDefaults(defaults);
    expect(getDefaultHashTruncationLength()).toBe(8);
  });
});
