import type { ConfigSources } from "./config-sources.js";
import type { KeyPath } from "./raw-table.js";

/**
 * Checks a project name with Python Metaxy's rules: not empty, no `/` (reserved for feature keys),
 * no `__` (reserved for table names), only `[a-zA-Z0-9_-]`.
 *
 * @example
 * validateProjectName(sources, ["project"], "example_quickstart"); // "example_quickstart"
 */
export function validateProjectName(sources: ConfigSources, path: KeyPath, name: string): string {
  if (name === "") throw sources.error(path, "project name cannot be empty");
  if (name.includes("/")) {
    throw sources.error(
      path,
      `project name "${name}" cannot contain forward slashes (/); they are reserved for feature key separation`,
    );
  }
  if (name.includes("__")) {
    throw sources.error(
      path,
      `project name "${name}" cannot contain double underscores (__); they are reserved for table names`,
    );
  }
  if (!/^[a-zA-Z0-9_-]+$/.test(name)) {
    throw sources.error(
      path,
      `project name "${name}" must contain only alphanumeric characters, underscores, and hyphens (^[a-zA-Z0-9_-]+$)`,
    );
  }
  return name;
}
