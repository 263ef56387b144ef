/**
 * DuckDB as the anti-join peer: two tables of UBIGINT keys generated inside DuckDB (loaded before
 * any timing), read back into JS so the kernels join exactly the same keys.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

/** Keys of `a` and `b` plus a timed anti join; `close()` when done. */
export interface AntiJoinPeer {
  readonly left: BigUint64Array;
  readonly right: BigUint64Array;
  /** `a ANTI JOIN b`, returning the kept row numbers of `a` to JS. */
  antiJoin(): Promise<number>;
  close(): void;
}

/**
 * `a.k` holds `n` distinct pseudo-random keys; `b.k` is the same set in another order with every
 * 100th key replaced by one absent from `a`, so the anti join keeps 1 % of `a`.
 */
export async function antiJoinPeer(n: number, threads: number): Promise<AntiJoinPeer> {
  const db = await DuckDBInstance.create(":memory:", { threads: String(threads) });
  const con = await db.connect();
  await con.run(`CREATE TABLE a AS SELECT range::INTEGER AS i, hash(range)::UBIGINT AS k FROM range(${n})`);
  await con.run(
    `CREATE TABLE b AS SELECT row_number() OVER ()::INTEGER - 1 AS i, k FROM (
       SELECT CASE WHEN range % 100 = 0 THEN hash(range + ${n}) ELSE hash(range) END::UBIGINT AS k
       FROM range(${n}) ORDER BY hash(range * 7 + 3))`,
  );
  const left = await keys(con, "a");
  const right = await keys(con, "b");
  return {
    left,
    right,
    antiJoin: async () => {
      const reader = await con.runAndReadAll("SELECT a.i FROM a ANTI JOIN b ON a.k = b.k");
      return reader.getColumns()[0]!.length;
    },
    close: () => {
      con.closeSync();
      db.closeSync();
    },
  };
}

async function keys(con: DuckDBConnection, table: string): Promise<BigUint64Array> {
  const reader = await con.runAndReadAll(`SELECT k FROM ${table} ORDER BY i`);
  return BigUint64Array.from(reader.getColumns()[0]! as bigint[]);
}
