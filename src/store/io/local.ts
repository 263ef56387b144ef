import { unlink } from "node:fs/promises";
import { resolve } from "node:path";
import { ObjectStoreError } from "../../errors.js";
import { checkRange } from "./check-range.js";
import { isAbsent, localFailure } from "./local-errors.js";
import { listFiles } from "./local-list.js";
import { localPath } from "./local-path.js";
import { fileSize, readRange, readWhole } from "./local-read.js";
import { createIfAbsent, writeReplacing } from "./local-write.js";
import { checkListPrefix, checkObjectKey } from "./object-key.js";
import type { ObjectInfo, ObjectStore } from "./object-store.js";

/**
 * An `ObjectStore` over a local directory: keys are `/`-separated paths under `rootDir` (resolved
 * against the working directory). `put` replaces atomically (staging file + rename); `putIfAbsent`
 * is atomic across processes (staging file + hard link, `open(wx)` where links are unsupported).
 * Directories are created as needed and never removed.
 *
 * @example
 * const store = new LocalObjectStore("./metadata");
 * await store.putIfAbsent("t/_delta_log/00000000000000000000.json", bytes); // true
 * await store.list("t/_delta_log/"); // [{ key: "t/_delta_log/00000000000000000000.json", size: … }]
 */
export class LocalObjectStore implements ObjectStore {
  /** Absolute root directory. */
  readonly root: string;
  readonly display: string;

  constructor(rootDir: string) {
    this.root = resolve(rootDir);
    this.display = this.root;
  }

  get(key: string): Promise<Uint8Array | null> {
    return this.run("get", key, (path) => readWhole(path));
  }

  getRange(key: string, start: number, end: number): Promise<Uint8Array> {
    return this.run("getRange", key, async (path) => {
      checkRange(key, start, end);
      const where = `object store: getRange ${JSON.stringify(key)} in ${this.display}`;
      const beyond = (size: number) =>
        new ObjectStoreError(`${where}: range [${start}, ${end}) is beyond the object size of ${size} bytes`);
      const bytes = await readRange(path, start, end, beyond);
      if (bytes === null) throw new ObjectStoreError(`${where}: not found`);
      return bytes;
    });
  }

  head(key: string): Promise<{ readonly size: number } | null> {
    return this.run("head", key, async (path) => {
      const size = await fileSize(path);
      return size === null ? null : { size };
    });
  }

  put(key: string, body: Uint8Array): Promise<void> {
    return this.run("put", key, (path) => writeReplacing(path, body));
  }

  putIfAbsent(key: string, body: Uint8Array): Promise<boolean> {
    return this.run("putIfAbsent", key, (path) => createIfAbsent(path, body));
  }

  async list(prefix: string): Promise<readonly ObjectInfo[]> {
    checkListPrefix(prefix);
    try {
      return await listFiles(this.root, prefix);
    } catch (error) {
      throw localFailure("list", prefix, this.display, error);
    }
  }

  delete(key: string): Promise<void> {
    return this.run("delete", key, async (path) => {
      try {
        await unlink(path);
      } catch (error) {
        if (!isAbsent(error)) throw error;
      }
    });
  }

  /** Validates the key, maps it to a path, and reports any failure with operation, key and root. */
  private async run<T>(operation: string, key: string, action: (path: string) => Promise<T>): Promise<T> {
    checkObjectKey(key, operation);
    try {
      return await action(localPath(this.root, key));
    } catch (error) {
      throw localFailure(operation, key, this.display, error);
    }
  }
}
