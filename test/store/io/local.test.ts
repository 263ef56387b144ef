import { link, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ObjectStoreError } from "../../../src/errors.js";
import { LocalObjectStore } from "../../../src/store/io/local.js";
import { createIfAbsent, writeReplacing } from "../../../src/store/io/local-write.js";
import { describeObjectStore } from "./conformance.js";

const roots: string[] = [];
async function freshRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "metaxy-local-store-"));
  roots.push(root);
  return root;
}
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

const text = (s: string) => new TextEncoder().encode(s);

describeObjectStore("LocalObjectStore", async () => new LocalObjectStore(await freshRoot()), {
  conditionalPut: true,
});

describe("LocalObjectStore on disk", () => {
  it("resolves a relative root against the working directory and displays the absolute path", () => {
    const store = new LocalObjectStore("some/relative/dir");
    expect(store.root).toBe(join(process.cwd(), "some/relative/dir"));
    expect(store.display).toBe(store.root);
  });

  it("writes files at the key's path, creating parent directories", async () => {
    const root = await freshRoot();
    await new LocalObjectStore(root).put("a/b/c.json", text("x"));
    expect(await readdir(join(root, "a", "b"))).toEqual(["c.json"]);
  });

  it("leaves no staging files behind after put and putIfAbsent", async () => {
    const root = await freshRoot();
    const store = new LocalObjectStore(root);
    await store.put("d/x", text("1"));
    await store.put("d/x", text("2"));
    await store.putIfAbsent("d/y", text("3"));
    await store.putIfAbsent("d/y", text("4"));
    expect((await readdir(join(root, "d"))).sort()).toEqual(["x", "y"]);
  });

  it("hides staging files of interrupted writes from list", async () => {
    const root = await freshRoot();
    await mkdir(join(root, "t"), { recursive: true });
    await writeFile(join(root, "t", "00.json.~tmp~deadbeef"), "partial");
    await writeFile(join(root, "t", "01.json"), "done");
    expect(await new LocalObjectStore(root).list("t/")).toEqual([{ key: "t/01.json", size: 4 }]);
  });

  it("lists files behind symlinks but does not enter symlinked directories", async () => {
    const root = await freshRoot();
    const store = new LocalObjectStore(root);
    await store.put("real/f.txt", text("abc"));
    await symlink(join(root, "real", "f.txt"), join(root, "file-link"));
    await symlink(root, join(root, "real", "loop"));
    expect(await store.list("")).toEqual([
      { key: "file-link", size: 3 },
      { key: "real/f.txt", size: 3 },
    ]);
  });

  it("reports filesystem failures as ObjectStoreError with operation, key and errno", async () => {
    const root = await freshRoot();
    const store = new LocalObjectStore(root);
    await store.put("file", text("x"));
    // "file" is a file, so "file/child" cannot be created under it.
    const error = await store.put("file/child", text("y")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectStoreError);
    expect((error as ObjectStoreError).code).toBe("OBJECT_STORE");
    expect((error as Error).message).toMatch(
      new RegExp(`^object store: put "file/child" in ${root} failed: E(EXIST|NOTDIR)$`),
    );
  });

  it("lists an empty array when the root itself does not exist", async () => {
    const store = new LocalObjectStore(join(await freshRoot(), "not", "there"));
    expect(await store.list("")).toEqual([]);
    expect(await store.get("x")).toBeNull();
  });
});

describe("local exclusive create", () => {
  for (const method of ["link", "open"] as const) {
    it(`creates once and refuses afterwards (${method})`, async () => {
      const path = join(await freshRoot(), "deep", "dir", "0.json");
      expect(await createIfAbsent(path, text("first"), method)).toBe(true);
      expect(await createIfAbsent(path, text("second"), method)).toBe(false);
      expect(await new LocalObjectStore(join(path, "..")).get("0.json")).toEqual(text("first"));
    });

    it(`has exactly one winner among concurrent creators (${method})`, async () => {
      const path = join(await freshRoot(), "race.json");
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => createIfAbsent(path, text(`w${i}`), method)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  }

  it("treats an existing hard link target as existing", async () => {
    const root = await freshRoot();
    await writeFile(join(root, "src"), "s");
    await link(join(root, "src"), join(root, "dst"));
    expect(await createIfAbsent(join(root, "dst"), text("x"))).toBe(false);
  });

  it("writeReplacing swaps the whole file", async () => {
    const path = join(await freshRoot(), "x", "f");
    await writeReplacing(path, text("a much longer first version"));
    await writeReplacing(path, text("v2"));
    expect(await new LocalObjectStore(join(path, "..")).get("f")).toEqual(text("v2"));
  });
});
