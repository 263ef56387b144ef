import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyPatch, parsePatch } from "./apply-patch.js";

const ORIGINAL = ["const a = 1;", "const b = 2;", "const c = 3;", "const d = 4;", "const e = 5;", ""].join(
  "\n",
);

const CHANGE_C = [
  "--- a/file.ts",
  "+++ b/file.ts",
  "@@ -2,3 +2,3 @@",
  " const b = 2;",
  "-const c = 3;",
  "+const c = 30;",
  " const d = 4;",
  "",
].join("\n");

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "metaxy-apply-patch-"));
  writeFileSync(join(dir, "file.ts"), ORIGINAL);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("applyPatch", () => {
  it("replaces the hunk's lines, stripping the first path component like patch -p1", () => {
    expect(applyPatch(dir, CHANGE_C)).toEqual([join(dir, "file.ts")]);
    expect(readFileSync(join(dir, "file.ts"), "utf8")).toBe(
      ORIGINAL.replace("const c = 3;", "const c = 30;"),
    );
  });

  it("finds a hunk whose context moved to another line", () => {
    writeFileSync(join(dir, "file.ts"), `// header\n// more\n${ORIGINAL}`);
    applyPatch(dir, CHANGE_C);
    expect(readFileSync(join(dir, "file.ts"), "utf8")).toBe(
      `// header\n// more\n${ORIGINAL.replace("const c = 3;", "const c = 30;")}`,
    );
  });

  it("applies insertions and several hunks with the running line offset", () => {
    const patch = [
      "--- a/file.ts",
      "+++ b/file.ts",
      "@@ -1,2 +1,3 @@",
      " const a = 1;",
      "+const a2 = 1.5;",
      " const b = 2;",
      "@@ -4,2 +5,2 @@",
      "-const d = 4;",
      "+const d = 40;",
      " const e = 5;",
      "",
    ].join("\n");
    applyPatch(dir, patch);
    expect(readFileSync(join(dir, "file.ts"), "utf8")).toBe(
      [
        "const a = 1;",
        "const a2 = 1.5;",
        "const b = 2;",
        "const c = 3;",
        "const d = 40;",
        "const e = 5;",
        "",
      ].join("\n"),
    );
  });

  it("refuses a hunk whose context is not in the file, leaving the file as it was", () => {
    const stale = CHANGE_C.replace(" const b = 2;", " const b = 20;");
    expect(() => applyPatch(dir, stale)).toThrow(
      "apply-patch: hunk 1 of file.ts (old line 2) does not match the file",
    );
    expect(readFileSync(join(dir, "file.ts"), "utf8")).toBe(ORIGINAL);
  });

  it("refuses paths that leave the patched directory and text without a file header", () => {
    expect(() => parsePatch(CHANGE_C.replaceAll("/file.ts", "/../etc/passwd"))).toThrow(
      'apply-patch: path "b/../etc/passwd" leaves the patched directory',
    );
    expect(() => parsePatch("just text\n")).toThrow("apply-patch: the patch changes no file");
  });
});
