import { readFileSync, writeFileSync } from "node:fs";
import { join, normalize, sep } from "node:path";

/**
 * One hunk of a unified diff: where it starts in the old file, and its old and new lines.
 *
 * @example
 * const hunk: Hunk = { oldStart: 3, oldLines: ["a", "b"], newLines: ["a", "c"] };
 */
export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: readonly string[];
  readonly newLines: readonly string[];
}

/**
 * The changes a unified diff makes to one file.
 *
 * @example
 * const change: FileChange = { path: "features.ts", hunks: [] };
 */
export interface FileChange {
  /** Path relative to the patched directory (the `a/`, `b/` prefix stripped, as `patch -p1`). */
  readonly path: string;
  readonly hunks: readonly Hunk[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses a unified diff (`diff -u` / `git diff` output) of existing files.
 *
 * @example
 * parsePatch(readFileSync("patches/01_update_parent_algorithm.patch", "utf8"))[0].path; // "features.ts"
 */
export function parsePatch(text: string): FileChange[] {
  const lines = text.split("\n");
  const changes: { path: string; hunks: Hunk[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("--- ")) {
      const next = lines[i + 1] ?? "";
      if (!next.startsWith("+++ ")) throw new Error(`apply-patch: "--- " without "+++ " at line ${i + 1}`);
      changes.push({ path: stripPrefix(next.slice(4)), hunks: [] });
      i++;
      continue;
    }
    const header = HUNK_HEADER.exec(line);
    if (header === null) continue;
    const current = changes.at(-1);
    if (current === undefined) throw new Error(`apply-patch: hunk before any file header at line ${i + 1}`);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const newCount = header[4] === undefined ? 1 : Number(header[4]);
    const oldLines: string[] = [];
    const newLines: string[] = [];
    while (oldLines.length < oldCount || newLines.length < newCount) {
      i++;
      const body = lines[i];
      if (body === undefined)
        throw new Error(`apply-patch: hunk at line ${line} of ${current.path} is truncated`);
      if (body.startsWith("\\")) continue;
      const text = body.slice(1);
      if (body.startsWith("-")) oldLines.push(text);
      else if (body.startsWith("+")) newLines.push(text);
      else if (body.startsWith(" ") || body === "") {
        oldLines.push(text);
        newLines.push(text);
      } else
        throw new Error(`apply-patch: unexpected line in hunk of ${current.path}: ${JSON.stringify(body)}`);
    }
    current.hunks.push({ oldStart: Number(header[1]), oldLines, newLines });
  }
  if (changes.length === 0) throw new Error("apply-patch: the patch changes no file");
  return changes;
}

/**
 * Applies a unified diff to the files under `dir`, as `patch -p1` run in `dir` would, except that
 * every hunk must match its context exactly (a hunk may sit at another line, as `patch` allows, but
 * never fuzzily). Throws, changing nothing, when a hunk does not match. Returns the changed files.
 *
 * @example
 * applyPatch("<tmp>/copy/basic", readFileSync("examples/basic/patches/01_update_parent_algorithm.patch", "utf8"));
 */
export function applyPatch(dir: string, patchText: string): string[] {
  const updates = parsePatch(patchText).map((change) => {
    const file = join(dir, change.path);
    return { file, text: applyHunks(readFileSync(file, "utf8"), change) };
  });
  for (const { file, text } of updates) writeFileSync(file, text);
  return updates.map((u) => u.file);
}

function applyHunks(text: string, change: FileChange): string {
  const lines = text.split("\n");
  let delta = 0;
  change.hunks.forEach((hunk, k) => {
    // A pure insertion ("-5,0") goes after old line 5; other hunks start at their old line.
    const start = hunk.oldLines.length === 0 ? hunk.oldStart : hunk.oldStart - 1;
    const expected = Math.max(0, start + delta);
    const at = findBlock(lines, hunk.oldLines, expected);
    if (at < 0) {
      throw new Error(
        `apply-patch: hunk ${k + 1} of ${change.path} (old line ${hunk.oldStart}) does not match the file`,
      );
    }
    lines.splice(at, hunk.oldLines.length, ...hunk.newLines);
    delta += at - expected + hunk.newLines.length - hunk.oldLines.length;
  });
  return lines.join("\n");
}

/** Index of `block` in `lines` nearest to `expected`, or -1. */
function findBlock(lines: readonly string[], block: readonly string[], expected: number): number {
  const matches = (at: number) => block.every((line, j) => lines[at + j] === line);
  const last = lines.length - block.length;
  for (let offset = 0; offset <= lines.length; offset++) {
    if (expected - offset >= 0 && expected - offset <= last && matches(expected - offset))
      return expected - offset;
    if (offset > 0 && expected + offset <= last && matches(expected + offset)) return expected + offset;
  }
  return -1;
}

function stripPrefix(path: string): string {
  const name = path.split("\t")[0]!.trim();
  const stripped = name.includes("/") ? name.slice(name.indexOf("/") + 1) : name;
  const normalized = normalize(stripped);
  if (normalized.startsWith(`..${sep}`) || normalized === "..") {
    throw new Error(`apply-patch: path ${JSON.stringify(name)} leaves the patched directory`);
  }
  return normalized;
}
