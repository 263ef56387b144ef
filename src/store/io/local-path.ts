import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { InvalidArgumentError } from "../../errors.js";
import { TEMP_MARKER } from "./object-key.js";

/**
 * The file that holds `key` under `root`. Keys always use `/`; on Windows a `\` or `:` in a key
 * would be read as a separator or drive, so such keys are refused there.
 *
 * @example
 * localPath("/data/store", "a/b.json"); // "/data/store/a/b.json"
 */
export function localPath(root: string, key: string): string {
  if (process.platform === "win32" && /[\\:]/.test(key)) {
    throw new InvalidArgumentError(
      `object store: key ${JSON.stringify(key)} is invalid on Windows: keys must not contain \\ or :`,
    );
  }
  return join(root, ...key.split("/"));
}

/**
 * A fresh staging file next to `target`: same directory, so the final rename or link stays on one
 * filesystem; unique across processes, so concurrent writers never share one.
 *
 * @example
 * stagingPath("/data/a.json"); // "/data/a.json.~tmp~1f2e3d4c5b6a7988"
 */
export function stagingPath(target: string): string {
  return `${target}${TEMP_MARKER}${randomBytes(8).toString("hex")}`;
}
