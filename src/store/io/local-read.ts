import { open, readFile, stat } from "node:fs/promises";
import { isAbsent } from "./local-errors.js";

/**
 * The whole file, or `null` when there is no file at `path`.
 *
 * @example
 * await readWhole("/data/store/a.json"); // Uint8Array or null
 */
export async function readWhole(path: string): Promise<Uint8Array | null> {
  try {
    const buffer = await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    if (isAbsent(error)) return null;
    throw error;
  }
}

/**
 * Bytes `[start, end)` of the file; `null` when it does not exist. A range past the end of the file
 * throws `beyond(size)`: callers compute ranges from sizes they trust, so a short file means
 * something changed.
 *
 * @example
 * await readRange("/data/t/part-0.parquet", size - 8, size, (n) => new Error(`only ${n} bytes`));
 */
export async function readRange(
  path: string,
  start: number,
  end: number,
  beyond: (size: number) => Error,
): Promise<Uint8Array | null> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if (isAbsent(error)) return null;
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    const out = new Uint8Array(end - start);
    let filled = 0;
    while (end <= info.size && filled < out.length) {
      const { bytesRead } = await handle.read(out, filled, out.length - filled, start + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled < out.length) throw beyond(info.size);
    return out;
  } finally {
    await handle.close();
  }
}

/**
 * Size of the regular file at `path`, or `null` when there is none (a directory is not an object).
 *
 * @example
 * await fileSize("/data/store/a.json"); // 42
 */
export async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch (error) {
    if (isAbsent(error)) return null;
    throw error;
  }
}
