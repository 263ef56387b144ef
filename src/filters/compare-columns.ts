import { type Data, Type } from "apache-arrow";
import { stringChunks } from "../arrow/strings.js";
import { MetadataSchemaError } from "../errors.js";
import type { CompareOp } from "./filter-expr.js";
import type { ResolvedColumn } from "./resolve-column.js";
import { FALSE, runKernel, TRUE, UNKNOWN } from "./run-kernel.js";
import { type ValueDomain, valueDomain } from "./value-domain.js";

type Cell = number | bigint | Uint8Array;

/** Cells of one chunk (nulls not masked): numbers, exact bigints, UTF-8 bytes; instants in ns. */
function chunkCells(data: Data, domain: ValueDomain): Cell[] {
  if (data.typeId === Type.Dictionary) {
    const entries = data.dictionary!.data.flatMap((d) => chunkCells(d, domain));
    return Array.from(data.values as ArrayLike<number | bigint>, (i) => entries[Number(i)]!);
  }
  if (domain.kind === "string") {
    const c = stringChunks(data)[0]!;
    return Array.from({ length: c.length }, (_, i) =>
      c.values.subarray(Number(c.offsets[i]), Number(c.offsets[i + 1])),
    );
  }
  if (domain.kind === "bool") {
    const bits = data.values as Uint8Array;
    return Array.from(
      { length: data.length },
      (_, i) => (bits[(data.offset + i) >> 3]! >> ((data.offset + i) & 7)) & 1,
    );
  }
  if (domain.kind === "null") return new Array<Cell>(data.length).fill(0);
  const raw = data.values as ArrayLike<number | bigint>;
  const values = Array.from({ length: data.length }, (_, i) => raw[i]!);
  if (domain.kind === "number" || domain.kind === "int64") {
    return domain.unitNs === null ? values : values.map((v) => BigInt(v) * domain.unitNs!);
  }
  return values;
}

function cells(column: ResolvedColumn, domain: ValueDomain): Cell[] {
  return column.chunks.flatMap((c) => chunkCells(c.data, domain));
}

/** Which domains compare with each other: numbers, instants, strings, booleans; NULL with anything. */
function family(domain: ValueDomain): string {
  if (domain.kind === "number" || domain.kind === "int64")
    return domain.unitNs === null ? "numeric" : "instant";
  return domain.kind;
}

function order(a: Cell, b: Cell): number {
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    const k = Math.min(a.length, b.length);
    for (let j = 0; j < k; j++) if (a[j] !== b[j]) return a[j]! < b[j]! ? 0 : 2;
    return a.length < b.length ? 0 : a.length === b.length ? 1 : 2;
  }
  // Relational operators compare bigint with number exactly; NaN sorts last and equals itself.
  const aNaN = typeof a === "number" && Number.isNaN(a);
  const bNaN = typeof b === "number" && Number.isNaN(b);
  if (aNaN || bNaN) return aNaN && bNaN ? 1 : aNaN ? 2 : 0;
  return a < b ? 0 : a > b ? 2 : 1;
}

const MASKS: Record<CompareOp, number> = {
  "=": 0b010,
  "!=": 0b101,
  "<": 0b001,
  "<=": 0b011,
  ">": 0b100,
  ">=": 0b110,
};

/**
 * `left op right` for two columns, row by row (a general path, not a hot loop): numeric columns
 * compare by value across widths and float/int, timestamps and dates by instant, strings by bytes.
 *
 * @throws MetadataSchemaError when the two types cannot be compared.
 * @example
 * compareColumns(resolveColumn(t, "a"), "<", resolveColumn(t, "b"), out);
 */
export function compareColumns(
  left: ResolvedColumn,
  op: CompareOp,
  right: ResolvedColumn,
  out: Uint8Array,
): void {
  const ld = valueDomain(left.type);
  const rd = valueDomain(right.type);
  const lf = family(ld);
  const rf = family(rd);
  if (lf === "unsupported" || rf === "unsupported" || (lf !== rf && lf !== "null" && rf !== "null")) {
    throw new MetadataSchemaError(
      `filters: cannot compare column ${JSON.stringify(left.name)} (${left.type}) with column ${JSON.stringify(right.name)} (${right.type})`,
    );
  }
  const valid = new Uint8Array(out.length);
  const rightValid = new Uint8Array(out.length);
  runKernel(left, (d, o, at) => o.fill(TRUE, at, at + d.length), FALSE, valid);
  runKernel(right, (d, o, at) => o.fill(TRUE, at, at + d.length), FALSE, rightValid);
  const a = cells(left, ld);
  const b = cells(right, rd);
  const mask = MASKS[op];
  for (let i = 0; i < out.length; i++) {
    out[i] = valid[i] === TRUE && rightValid[i] === TRUE ? ((mask >> order(a[i]!, b[i]!)) & 1) << 1 : UNKNOWN;
  }
}
