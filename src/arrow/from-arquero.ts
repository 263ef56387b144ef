import {
  type DataType,
  Int64,
  type Table,
  TimestampMicrosecond,
  TimeUnit,
  Type,
  tableFromIPC,
} from "apache-arrow";
import type { Table as ArqueroTable } from "arquero";
import { MetadataSchemaError } from "../errors.js";
import { assembleTable } from "./assemble-table.js";
import { canonicalType } from "./canonical-type.js";
import { castVector } from "./cast-vector.js";
import { withChildTypes } from "./with-child-types.js";

/**
 * True for an arquero table (duck-typed, so arquero need not be loaded and any copy of it works).
 *
 * @example
 * if (isArqueroTable(input)) table = await arqueroToArrow(input);
 */
export function isArqueroTable(value: unknown): value is ArqueroTable {
  if (value === null || typeof value !== "object") return false;
  const t = value as Record<string, unknown>;
  return (
    typeof t.numRows === "function" &&
    typeof t.columnNames === "function" &&
    typeof t.column === "function" &&
    typeof t.scan === "function"
  );
}

/**
 * An arquero table as an Arrow table, through arquero's own `toArrowIPC` (arquero is loaded only
 * when the table lacks that method). arquero dictionary-encodes strings, narrows integers to the
 * values (Int8 for small ones) and writes Dates as Timestamp(ms); the result is aligned with the
 * row rules instead — Utf8, Int64, Timestamp(µs, UTC) — so a column's type does not depend on
 * its values. Slow for large tables (about 4 s per million rows, in arquero).
 *
 * @example
 * const table = await arqueroToArrow(aq.table({ sample_uid: [1, 2] }));
 */
export async function arqueroToArrow(input: ArqueroTable): Promise<Table> {
  const own = (input as unknown as { toArrowIPC?: (options?: object) => Uint8Array }).toArrowIPC;
  const encode = async (options?: { columns: string[] }): Promise<Uint8Array> =>
    typeof own === "function"
      ? own.call(input, options)
      : (await import("arquero")).toArrowIPC(input, options);
  let bytes: Uint8Array;
  try {
    bytes = await encode();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    let culprit = "the table";
    for (const name of input.columnNames()) {
      const fails = await encode({ columns: [name] }).then(
        () => false,
        () => true,
      );
      if (fails) {
        culprit = `column "${name}"`;
        break;
      }
    }
    throw new MetadataSchemaError(`arrow: arquero could not encode ${culprit} as Arrow: ${message}`, {
      cause,
    });
  }
  const table = tableFromIPC(bytes);
  return assembleTable(
    table.schema.fields,
    table.schema.fields.map((f, k) => castVector(table.getChildAt(k)!, rowRuleType(f.type), f.name)),
    table.numRows,
    table.schema.metadata,
  );
}

/** The type the row rules would give a column arquero encoded as `type` (lists are left as arquero made them). */
function rowRuleType(type: DataType): DataType {
  const t = canonicalType(type);
  const id: number = t.typeId;
  if (id === Type.Int && (t as unknown as { bitWidth: number }).bitWidth < 64) return new Int64();
  if (id === Type.Timestamp) {
    const ts = t as unknown as { unit: TimeUnit; timezone: string | null };
    if (ts.unit === TimeUnit.MILLISECOND && !ts.timezone) return new TimestampMicrosecond("UTC");
  }
  if (id !== Type.Struct) return t;
  return withChildTypes(
    t,
    t.children.map((f) => rowRuleType(f.type)),
  );
}
