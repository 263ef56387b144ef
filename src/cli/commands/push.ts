import { FEATURE_VERSIONS_KEY } from "../../constants.js";
import type { CliContext } from "../cli-context.js";
import { CliError } from "../cli-error.js";
import { systemTablesOf } from "../system-tables.js";

/** The tag key Metaxy reserves for its own version record. */
const RESERVED_TAG = "metaxy";

/**
 * Reads `--tags.KEY VALUE`, `--tags.KEY=VALUE` and `-t/--tags KEY=VALUE` pairs.
 *
 * @example
 * parseTags(["--tags.git_commit", "abc"], ["env=prod"]); // { git_commit: "abc", env: "prod" }
 */
export function parseTags(extra: readonly string[], pairs: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  const put = (key: string, value: string | undefined, flag: string) => {
    if (key === "" || value === undefined) {
      throw new CliError("MISSING_REQUIRED_FLAG", `push: ${flag} needs a KEY and a VALUE`);
    }
    tags[key] = value;
  };
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    put(at < 0 ? pair : pair.slice(0, at), at < 0 ? undefined : pair.slice(at + 1), `--tags ${pair}`);
  }
  for (let i = 0; i < extra.length; i++) {
    const arg = extra[i]!;
    const match = /^--tags\.([^=]*)(?:=(.*))?$/s.exec(arg);
    if (match === null) throw new CliError("GENERIC_ERROR", `push: unexpected argument "${arg}"`);
    if (match[2] !== undefined) put(match[1]!, match[2], arg);
    else put(match[1]!, extra[++i], arg);
  }
  return tags;
}

/**
 * `metaxy push [--store NAME] [--tags.KEY VALUE]…`: records the current project's feature definitions
 * in the store's `feature_versions` table. Status lines go to stderr (where it was recorded, then
 * "✓ Recorded feature graph", "ℹ Updated feature information …" with the updated features, or
 * "✓ Snapshot already recorded (no changes)"); stdout gets the project version alone.
 *
 * @example
 * await push(ctx, { store: "prod", tags: { git_commit: "abc123" } });
 */
export async function push(
  ctx: CliContext,
  options: { readonly store?: string; readonly tags: Readonly<Record<string, string>> },
): Promise<void> {
  const { io } = ctx;
  ctx.refuseProjectOverride("push");
  const project = ctx.config().project;
  if (project === null) {
    throw new CliError(
      "MISSING_REQUIRED_FLAG",
      "push: the 'project' field must be set in metaxy.toml for 'metaxy push'",
    );
  }
  if (Object.hasOwn(options.tags, RESERVED_TAG)) {
    throw new CliError("CONFLICTING_FLAGS", `push: the "${RESERVED_TAG}" tag is reserved for internal use`);
  }
  await ctx.graph();
  const store = await ctx.store(options.store);
  const tables = systemTablesOf(store);
  const result = await store.withOpen("w", () => tables.push(project, options.tags));
  io.status(io.err.dim(`Recorded at: ${tables.describeLocation(FEATURE_VERSIONS_KEY)}`));
  if (!result.alreadyPushed) {
    io.status(`${io.err.green("✓")} Recorded feature graph`);
  } else if (result.updatedFeatures.length > 0) {
    io.status(`${io.err.blue("ℹ")} ${io.err.cyan("Updated feature information")} (no topological changes)`);
    io.status(`  ${io.err.dim("Updated features:")}`);
    for (const key of result.updatedFeatures) io.status(io.err.yellow(`    - ${key}`));
  } else {
    io.status(
      `${io.err.green("✓")} ${io.err.green("Snapshot already recorded")} ${io.err.dim("(no changes)")}`,
    );
  }
  io.data(result.projectVersion);
}
