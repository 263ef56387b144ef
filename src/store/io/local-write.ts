import { link, mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { errorCode } from "./local-errors.js";
import { stagingPath } from "./local-path.js";

/**
 * Writes `body` to `path`, replacing any previous file atomically: readers see the old bytes or the
 * new bytes, never a partial file. Parent directories are created as needed.
 *
 * @example
 * await writeReplacing("/data/store/a/b.bin", new Uint8Array([1, 2]));
 */
export async function writeReplacing(path: string, body: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const staging = stagingPath(path);
  try {
    await writeFile(staging, body, { flag: "wx" });
    await rename(staging, path);
  } catch (error) {
    await rm(staging, { force: true });
    throw error;
  }
}

/**
 * How `createIfAbsent` claims the target: hard link of a complete staging file, or `open(wx)`.
 *
 * @example
 * await createIfAbsent(path, bytes, "open"); // for filesystems without hard links
 */
export type ExclusiveCreate = "link" | "open";

/**
 * Creates `path` with `body` only if nothing exists there; `false` when it already existed. Atomic
 * across processes. The default writes a complete staging file and hard-links it into place, so the
 * target appears with all its bytes at once; filesystems without hard links fall back to
 * `open(path, "wx")`, which is exclusive too, but a reader may see the file before it is complete.
 *
 * @example
 * await createIfAbsent("/data/t/_delta_log/00000000000000000001.json", bytes); // true, then false
 */
export async function createIfAbsent(
  path: string,
  body: Uint8Array,
  method: ExclusiveCreate = "link",
): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  if (method === "open") return createByExclusiveOpen(path, body);
  const staging = stagingPath(path);
  await writeFile(staging, body, { flag: "wx" });
  try {
    await link(staging, path);
    return true;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    if (LINK_UNSUPPORTED.has(errorCode(error) ?? "")) return createByExclusiveOpen(path, body);
    throw error;
  } finally {
    await rm(staging, { force: true });
  }
}

// What link(2) answers on filesystems without hard links (FAT, some network and FUSE mounts).
const LINK_UNSUPPORTED = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

async function createByExclusiveOpen(path: string, body: Uint8Array): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "wx");
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(body);
  } catch (error) {
    // We own the file we just created: leave no truncated winner behind.
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
  return true;
}
