import { createHash } from "node:crypto";
import type { Table, Vector } from "apache-arrow";
import { isValidAt, type StringChunk, stringChunks } from "../../src/arrow/strings.js";
import { METAXY_PROVENANCE } from "../../src/constants.js";

/**
 * Row count and SHA-256 (hex) of an increment table, as `checksumSql` computes them in DuckDB.
 *
 * @example
 * const { n, sha }: Checksum = checksumTable(inc.stale, "ids");
 */
export interface Checksum {
  readonly n: number;
  readonly sha: string;
}

const NULL_TEXT = new TextEncoder().encode("null");
const BLOCK = 1 << 20;

/**
 * Our side of the increment checksum: rows sorted by `sample_uid`, one line per row —
 * `"<id>:<provenance>"` (`exact`) or `"<id>"` (`ids`) — joined by `\n`, SHA-256 in hex. Ids are
 * below 2^53 in this benchmark, so they sort as numbers. The text is written as bytes straight
 * from the Arrow buffers (no per-row strings), so checking 1M rows stays well under a second.
 *
 * @example
 * checksumTable(inc.new, "exact"); // { n: 1000, sha: "3f1c…" }
 */
export function checksumTable(table: Table, kind: "exact" | "ids"): Checksum {
  const n = table.numRows;
  const ids = numericIds(table);
  const provenance = kind === "exact" ? table.getChild(METAXY_PROVENANCE) : null;
  if (kind === "exact" && provenance === null) throw new Error("bench: increment table has no provenance");
  const rows = provenance === null ? null : rowLocator(stringChunks(provenance));
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = ids[i - 1]! <= ids[i]!;
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  if (!sorted) order.sort((a, b) => ids[a]! - ids[b]!);
  const hash = createHash("sha256");
  const buffer = new Uint8Array(BLOCK + 4096);
  let pos = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (k > 0) buffer[pos++] = 10;
    pos = writeDecimal(buffer, pos, ids[i]!);
    if (rows !== null) {
      buffer[pos++] = 58;
      const bytes = rows(i);
      if (pos + bytes.length > buffer.length) {
        hash.update(buffer.subarray(0, pos));
        pos = 0;
      }
      buffer.set(bytes, pos);
      pos += bytes.length;
    }
    if (pos >= BLOCK) {
      hash.update(buffer.subarray(0, pos));
      pos = 0;
    }
  }
  hash.update(buffer.subarray(0, pos));
  return { n, sha: hash.digest("hex") };
}

function numericIds(table: Table): Float64Array {
  const column: Vector | null = table.getChild("sample_uid");
  if (column === null) throw new Error("bench: increment table has no sample_uid column");
  const out = new Float64Array(table.numRows);
  let k = 0;
  for (const data of column.data) {
    const values = data.values as ArrayLike<number | bigint>;
    // Arrow slices fixed-width value buffers with the chunk, so index 0 is the chunk's first row.
    for (let i = 0; i < data.length; i++) out[k++] = Number(values[i]);
  }
  return out;
}

/** Bytes of row i of a string column (`null` for a null cell), across chunks. */
function rowLocator(chunks: readonly StringChunk[]): (i: number) => Uint8Array {
  const starts: number[] = [];
  let total = 0;
  for (const c of chunks) {
    starts.push(total);
    total += c.length;
  }
  return (i) => {
    let c = chunks.length - 1;
    while (starts[c]! > i) c--;
    const chunk = chunks[c]!;
    const j = i - starts[c]!;
    if (!isValidAt(chunk.validity, chunk.validityOffset, j)) return NULL_TEXT;
    return chunk.values.subarray(Number(chunk.offsets[j]), Number(chunk.offsets[j + 1]));
  };
}

function writeDecimal(buffer: Uint8Array, pos: number, value: number): number {
  const text = String(value);
  for (let k = 0; k < text.length; k++) buffer[pos++] = text.charCodeAt(k);
  return pos;
}
