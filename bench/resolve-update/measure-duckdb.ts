import { DuckDBInstance } from "@duckdb/node-api";
import type { ConfigName } from "./duckdb-sql.js";
import { checksumSql } from "./duckdb-sql.js";
import { checksumKind, type Measurement } from "./jobs.js";
import { currentRssKib, peakRssKib } from "./rss.js";

/**
 * The peer's timed region: create an in-memory DuckDB, connect, run the job's statements (which
 * read the same Parquet files and materialise the increments as DuckDB tables). Peak RSS is read
 * right after; counts and checksums (SHA-256 over the sorted rows, computed inside DuckDB) are
 * untimed.
 *
 * @example
 * const m = await measureDuckdb("exact", job.timed, job.tables);
 */
export async function measureDuckdb(
  config: ConfigName,
  statements: readonly string[],
  tables: { readonly new: string; readonly stale: string | null },
): Promise<Measurement> {
  const startRssKib = currentRssKib();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const sql of statements) await connection.run(sql);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peak = peakRssKib();
  const kind = checksumKind(config);
  const summary = async (table: string | null) => {
    if (table === null) return { n: 0, sha: emptySha };
    const rows = (await connection.runAndReadAll(checksumSql(table, kind))).getRowObjectsJS();
    return { n: Number(rows[0]!.n), sha: String(rows[0]!.sha) };
  };
  const inc = await summary(tables.new);
  const stale = await summary(tables.stale);
  const orphaned =
    tables.stale === null
      ? 0
      : Number(
          (
            await connection.runAndReadAll("SELECT count(*)::DOUBLE AS n FROM inc_orphaned")
          ).getRowObjectsJS()[0]!.n,
        );
  connection.closeSync();
  instance.closeSync();
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssKib: peak,
    startRssKib,
    counts: { new: inc.n, stale: stale.n, orphaned },
    checksums: { new: inc.sha, stale: stale.sha },
  };
}

/** SHA-256 of the empty string: the checksum of an empty increment table on both sides. */
const emptySha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
