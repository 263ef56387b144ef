import {
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_DELETED_AT,
  METAXY_FEATURE_VERSION,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
  METAXY_UPDATED_AT,
} from "../../src/constants.js";
import { compareCodePoints } from "../../src/models/code-point-compare.js";
import { PREIMAGE_SEPARATOR } from "../../src/versioning/sample-hash.js";
import type { Scenario } from "./graphs.js";

/**
 * `paper`: xxhash64 (ours) against DuckDB's built-in `hash()`; `exact`: md5 on both sides.
 *
 * @example
 * const config: ConfigName = "exact";
 */
export type ConfigName = "paper" | "exact";

/**
 * Every configuration, in report order.
 *
 * @example
 * for (const config of CONFIGS) console.log(config);
 */
export const CONFIGS: readonly ConfigName[] = ["paper", "exact"];

/**
 * The DuckDB side of one measurement: statements run in the timed region (they materialise
 * `inc_new`, and in the stale phase `inc_stale` and `inc_orphaned`, as DuckDB tables) and the
 * untimed checksum queries over them.
 *
 * @example
 * const job = duckdbJob(scenario, "exact", files, null);
 */
export interface DuckdbJob {
  readonly timed: readonly string[];
  readonly tables: { readonly new: string; readonly stale: string | null; readonly orphaned: string | null };
}

/**
 * Active Parquet files of each root (by feature key string) and of the leaf (null: no leaf table).
 *
 * @example
 * const files: PeerFiles = { roots: { "bench/simple_root": ["rounds/r/part-0.parquet"] }, leaf: null };
 */
export interface PeerFiles {
  readonly roots: Readonly<Record<string, readonly string[]>>;
  readonly leaf: readonly string[] | null;
}

const ID = "sample_uid";

/**
 * A SQL string literal.
 *
 * @example
 * sqlString("it's"); // "'it''s'"
 */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function fileList(files: readonly string[]): string {
  return `[${files.map(sqlString).join(", ")}]`;
}

/** The configuration's record hash as SQL over a VARCHAR expression, truncated like ours. */
function hashSql(config: ConfigName, expr: string, truncation: number | null): string {
  const hashed = config === "paper" ? `hash(${expr})::VARCHAR` : `md5(${expr})`;
  return truncation === null ? hashed : `left(${hashed}, ${truncation})`;
}

/**
 * Current rows of a feature table (metaxy-versioning §5.1): rows of its feature version, the latest
 * per id by `coalesce(deleted_at, updated_at)`, soft-deleted ones dropped. `columns` are the
 * columns to keep (`null`: all). They are named in the window's own SELECT: DuckDB 1.5 does not
 * push a projection through `SELECT * … QUALIFY`, and reading every Map column of a wide root
 * made its side up to 3× slower. Write timestamps are strictly increasing per write and ids are
 * unique within a write, so no tie-breaker is needed.
 */
function currentRows(
  files: readonly string[],
  featureVersion: string,
  columns: readonly string[] | null,
): string {
  const inner = columns === null ? "*" : [...new Set([...columns, METAXY_DELETED_AT])].join(", ");
  const outer = columns === null ? "* EXCLUDE (__rn)" : columns.join(", ");
  return `SELECT ${outer} FROM (
    SELECT ${inner}, row_number() OVER (
      PARTITION BY ${ID} ORDER BY coalesce(${METAXY_DELETED_AT}, ${METAXY_UPDATED_AT}) DESC NULLS LAST) AS __rn
    FROM read_parquet(${fileList(files)})
    WHERE ${METAXY_FEATURE_VERSION} = ${sqlString(featureVersion)}
  ) WHERE __rn = 1 AND ${METAXY_DELETED_AT} IS NULL`;
}

/**
 * The expected frame of the leaf as one SELECT (metaxy-versioning §3.3–3.4): each root's current
 * `data_version_by_field`, inner-joined on `sample_uid`, per-field pre-images
 * `"<field>|<code version>|<U.g>|<dv__U[g]>|…"` (parents sorted by FQ key, taken from our own plan
 * so both sides hash the same strings), their hashes as a Map, and the sample hash over the field
 * hashes sorted by key. Columns: id, provenance_by_field, provenance, data_version_by_field,
 * data_version.
 *
 * @example
 * const sql = expectedSelect(scenario, "paper", files.roots);
 */
export function expectedSelect(
  scenario: Scenario,
  config: ConfigName,
  roots: Readonly<Record<string, readonly string[]>>,
): string {
  const plan = scenario.leaf.plan();
  const truncation = scenario.graph.hashTruncationLength;
  const alias = new Map(plan.deps.map((d, k) => [d.key.toString(), `u${k}`] as const));
  const ctes = plan.deps.map((d, k) => {
    const files = roots[d.key.toString()];
    if (files === undefined) throw new Error(`bench: no files for root "${d.key}"`);
    const rows = currentRows(files, d.upstream.featureVersion(), [ID, METAXY_DATA_VERSION_BY_FIELD]);
    return `u${k} AS (SELECT ${ID}, ${METAXY_DATA_VERSION_BY_FIELD} AS dv FROM (${rows}))`;
  });
  const fields = plan.spec.fields.map((field) => {
    const pieces: string[] = [];
    let literal = `${field.key.toString()}${PREIMAGE_SEPARATOR}${field.codeVersion}`;
    for (const parent of plan.parentFields(field.key)) {
      literal += `${PREIMAGE_SEPARATOR}${parent.toString()}${PREIMAGE_SEPARATOR}`;
      pieces.push(sqlString(literal));
      literal = "";
      const a = alias.get(parent.feature.toString())!;
      pieces.push(`${a}.dv[${sqlString(parent.field.toStructKey())}]`);
    }
    if (literal !== "") pieces.push(sqlString(literal));
    return { key: field.key.toStructKey(), sql: hashSql(config, pieces.join(" || "), truncation) };
  });
  const joins = plan.deps
    .slice(1)
    .map((_, k) => `JOIN u${k + 1} ON u${k + 1}.${ID} = u0.${ID}`)
    .join(" ");
  const hashed = fields.map((f, k) => `${f.sql} AS f${k}`).join(", ");
  const sorted = fields
    .map((f, k) => ({ key: f.key, col: `f${k}` }))
    .sort((a, b) => compareCodePoints(a.key, b.key));
  const sep = ` || ${sqlString(PREIMAGE_SEPARATOR)} || `;
  const sample = hashSql(config, sorted.map((s) => s.col).join(sep), truncation);
  const map = `MAP {${fields.map((f, k) => `${sqlString(f.key)}: f${k}`).join(", ")}}`;
  return `WITH ${ctes.join(",\n")}
  SELECT ${ID}, ${map} AS ${METAXY_PROVENANCE_BY_FIELD}, ${sample} AS ${METAXY_PROVENANCE},
    ${map} AS ${METAXY_DATA_VERSION_BY_FIELD}, ${sample} AS ${METAXY_DATA_VERSION}
  FROM (SELECT u0.${ID}, ${hashed} FROM u0 ${joins})`;
}

/**
 * The timed DuckDB statements of one measurement. Without a leaf table (new phase) the expected
 * frame is the increment's `new`; otherwise the expected frame and the leaf's current rows are
 * materialised once and `new` (anti join), `stale` (join, provenance differs) and `orphaned`
 * (leaf rows not expected) are created from them (metaxy-versioning §5.3).
 *
 * @example
 * for (const sql of duckdbJob(scenario, "paper", files).timed) await connection.run(sql);
 */
export function duckdbJob(scenario: Scenario, config: ConfigName, files: PeerFiles): DuckdbJob {
  const expected = expectedSelect(scenario, config, files.roots);
  const threads = "SET threads = 2";
  if (files.leaf === null) {
    return {
      timed: [threads, `CREATE TABLE inc_new AS ${expected}`],
      tables: { new: "inc_new", stale: null, orphaned: null },
    };
  }
  const current = currentRows(files.leaf, scenario.leaf.featureVersion(), null);
  return {
    timed: [
      threads,
      `CREATE TEMP TABLE expected AS ${expected}`,
      `CREATE TEMP TABLE cur AS ${current}`,
      `CREATE TABLE inc_new AS SELECT * FROM expected ANTI JOIN cur USING (${ID})`,
      `CREATE TABLE inc_stale AS SELECT e.* FROM expected e JOIN cur c ON e.${ID} = c.${ID}
        WHERE c.${METAXY_PROVENANCE} IS NULL OR e.${METAXY_PROVENANCE} <> c.${METAXY_PROVENANCE}`,
      `CREATE TABLE inc_orphaned AS SELECT * FROM cur ANTI JOIN expected USING (${ID})`,
    ],
    tables: { new: "inc_new", stale: "inc_stale", orphaned: "inc_orphaned" },
  };
}

/**
 * Setup of the paper configuration's stale phase (untimed): writes DuckDB's own leaf file — our
 * leaf rows with their provenance columns replaced by DuckDB's `hash()` values computed from the
 * roots as they were when the leaf was materialised — so that both sides then find the same stale
 * rows.
 *
 * @example
 * await connection.run(duckdbLeafCopy(scenario, files.roots, ourLeafFiles, "rounds/r0/duckdb-leaf.parquet"));
 */
export function duckdbLeafCopy(
  scenario: Scenario,
  roots: Readonly<Record<string, readonly string[]>>,
  ourLeaf: readonly string[],
  target: string,
): string {
  const expected = expectedSelect(scenario, "paper", roots);
  const replaced = [
    METAXY_PROVENANCE_BY_FIELD,
    METAXY_PROVENANCE,
    METAXY_DATA_VERSION_BY_FIELD,
    METAXY_DATA_VERSION,
  ]
    .map((c) => `e.${c} AS ${c}`)
    .join(", ");
  return `COPY (
    SELECT l.* REPLACE (${replaced})
    FROM read_parquet(${fileList(ourLeaf)}) l JOIN (${expected}) e ON e.${ID} = l.${ID}
  ) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 524288)`;
}

/**
 * Untimed checksum query of an increment table: row count and the SHA-256 of its rows sorted by
 * id, one line per row, `"<id>:<provenance>"` (`exact`) or `"<id>"` (`ids`), lines joined by `\n`
 * — the same text `checksumTable` (checksum.ts) hashes on our side.
 *
 * @example
 * const sql = checksumSql("inc_new", "exact");
 */
export function checksumSql(table: string, kind: "exact" | "ids"): string {
  const line =
    kind === "exact" ? `${ID}::VARCHAR || ':' || coalesce(${METAXY_PROVENANCE}, 'null')` : `${ID}::VARCHAR`;
  return `SELECT count(*)::DOUBLE AS n,
    sha256(coalesce(string_agg(${line}, chr(10) ORDER BY ${ID}), '')) AS sha FROM ${table}`;
}
