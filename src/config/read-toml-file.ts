import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse, TomlError } from "smol-toml";
import { configError } from "./config-sources.js";
import { isTable, own, type RawTable } from "./raw-table.js";

/**
 * Reads a TOML file (a path that exists) and returns its Metaxy settings: the whole document, or
 * `[tool.metaxy]` for a `pyproject.toml`. Integers beyond 2^53 come back as bigints.
 *
 * @example
 * readTomlFile("/repo/pyproject.toml"); // the [tool.metaxy] table, or {}
 */
export function readTomlFile(file: string): RawTable {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw configError(file, [], `cannot read the file: ${(cause as Error).message}`, { cause });
  }
  let document: RawTable;
  try {
    document = parse(text, { integersAsBigInt: "asNeeded", unsafeKeyBehaviour: "throw" }) as RawTable;
  } catch (cause) {
    const problem =
      cause instanceof TomlError
        ? `invalid TOML at line ${cause.line}, column ${cause.column}: ${tomlProblem(cause)}`
        : `invalid TOML: ${(cause as Error).message}`;
    throw configError(file, [], problem, { cause });
  }
  if (basename(file) !== "pyproject.toml") return document;
  const tool = own(document, "tool");
  const section = isTable(tool) ? own(tool, "metaxy") : undefined;
  if (section === undefined) return {};
  if (!isTable(section)) throw configError(file, ["tool", "metaxy"], "must be a table");
  return section;
}

/**
 * Whether a `pyproject.toml` has a non-empty `[tool.metaxy]` table (Python's discovery rule).
 *
 * @example
 * pyprojectHasMetaxy("/repo/pyproject.toml"); // false when the table is absent or empty
 */
export function pyprojectHasMetaxy(file: string): boolean {
  return Object.keys(readTomlFile(file)).length > 0;
}

function tomlProblem(error: TomlError): string {
  const summary = (error.message.split("\n")[0] ?? "").replace(/^Invalid TOML document: /, "");
  return `${summary}\n${error.codeblock.trimEnd()}`;
}
