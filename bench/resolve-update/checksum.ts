import { createHash } from "node:crypto";
import type { Table } from "apache-arrow";
import { METAXY_PROVENANCE } from "../../src/constants.js";

/** Row count and SHA-256 (hex) of an increment table, as `checksumSql` computes them in DuckDB. */
export interface Checksum {
  readonly n: number;
  readonly sha: string;
}

/**
 * Our side of the increment checksum: rows sorted by `sample_uid`, one line per row —
 * `"<id>:<provenance>"` (`exact`) or `"<id>"` (`ids`) — joined by `\n`, SHA-256 in hex. Ids are
 * below 2^53 in this benchmark, so they sort as numbers.
 *
 * @example
 * checksumTable(inc.new, "exact"); // { n: 1000, sha: "3f1c…" }
 */
export function checksumTable(table: Table, kind: "exact" | "ids"): Checksum {
  const n = table.numRows;
  const idColumn = table.getChild("sample_uid");
  if (idColumn === null) throw new Error("bench: increment table has no sample_uid column");
  const provenance = kind === "exact" ? table.getChild(METAXY_PROVENANCE) : null;
  if (kind === "exact" && provenance === null) throw new Error("bench: increment table has no provenance");
  const ids = new Float64Array(n);
  for (let i = 0; i < n; i++) ids[i] = Number(idColumn.get(i));
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  const hash = createHash("sha256");
  let chunk: string[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const id = String(ids[i]);
    chunk.push(provenance === null ? id : `${id}:${provenance.get(i) ?? "null"}`);
    if (chunk.length === 65536) {
      hash.update(chunk.join("\n"));
      chunk = [];
      if (k + 1 < n) hash.update("\n");
    }
  }
  if (chunk.length > 0) hash.update(chunk.join("\n"));
  return { n, sha: hash.digest("hex") };
}
