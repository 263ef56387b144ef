import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { isAbsent } from "./local-errors.js";
import { compareObjectKeys, TEMP_MARKER } from "./object-key.js";
import type { ObjectInfo } from "./object-store.js";

/**
 * Every file under `root` whose `/`-joined relative path starts with `prefix`, in key order. Only the
 * directory named by the prefix up to its last `/` is walked; staging files are skipped; a missing
 * directory lists as empty.
 *
 * @example
 * await listFiles("/data/t", "_delta_log/"); // [{ key: "_delta_log/00000000000000000000.json", size: 812 }]
 */
export async function listFiles(root: string, prefix: string): Promise<ObjectInfo[]> {
  const cut = prefix.lastIndexOf("/") + 1;
  const dirKey = prefix.slice(0, cut);
  const out: ObjectInfo[] = [];
  await walk(join(root, ...dirKey.split("/")), dirKey, prefix.slice(cut), out);
  return out.sort((a, b) => compareObjectKeys(a.key, b.key));
}

async function walk(dir: string, keyPrefix: string, namePrefix: string, out: ObjectInfo[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isAbsent(error)) return;
    throw error;
  }
  const wanted = entries.filter((e) => e.name.startsWith(namePrefix) && !e.name.includes(TEMP_MARKER));
  await Promise.all(
    wanted.map(async (entry) => {
      const path = join(dir, entry.name);
      const key = keyPrefix + entry.name;
      if (entry.isDirectory()) return walk(path, `${key}/`, "", out);
      if (!entry.isFile() && !entry.isSymbolicLink()) return;
      // A file may vanish between readdir and stat (a concurrent delete): then it is simply gone.
      const info = await stat(path).catch((error: unknown) => {
        if (isAbsent(error)) return null;
        throw error;
      });
      // Symlinked directories are not entered: a link cycle would never end.
      if (info?.isFile()) out.push({ key, size: info.size });
    }),
  );
}
