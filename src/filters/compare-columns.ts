import { MetadataSchemaError } from "../errors.js";
import { type Cell, cells, doubles, stringSpans } from "./column-cells.js";
import type { CompareOp } from "./filter-expr.js";
import type { ResolvedColumn } from "./resolve-column.js";
import { FALSE, runKernel, TRUE, UNKNOWN } from "./run-kernel.js";
import { type ValueDomain, valueDomain } from "./value-domain.js";

/** Which domains compare with each other: numbers, instants, strings, booleans; NULL with anything. */
function family(domain: ValueDomain): string {
  if (domain.kind === "number" || domain.kind === "int64")
    return domain.unitNs === null ? "numeric" : "instant";
  return domain.kind;
}

function order(a: Cell, b: Cell): number {
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
  const mask = MASKS[op];
  const x = doubles(left, ld);
  const y = x === null ? null : doubles(right, rd);
  if (x !== null && y !== null) {
    for (let i = 0; i < out.length; i++) {
      if (valid[i] !== TRUE || rightValid[i] !== TRUE) out[i] = UNKNOWN;
      else {
        const p = x[i]!;
        const q = y[i]!;
        // NaN sorts last and equals itself, as in the literal kernels.
        const c = p < q ? 0 : p > q ? 2 : p === q ? 1 : Number.isNaN(p) ? (Number.isNaN(q) ? 1 : 2) : 0;
        out[i] = ((mask >> c) & 1) << 1;
      }
    }
    return;
  }
  if (ld.kind === "string" && rd.kind === "string") {
    const a = stringSpans(left);
    const b = stringSpans(right);
    for (let i = 0; i < out.length; i++) {
      if (valid[i] !== TRUE || rightValid[i] !== TRUE) {
        out[i] = UNKNOWN;
        continue;
      }
      const p = a.buffers[a.buffer[i]!]!;
      const q = b.buffers[b.buffer[i]!]!;
      const ps = a.start[i]!;
      const qs = b.start[i]!;
      const pl = a.end[i]! - ps;
      const ql = b.end[i]! - qs;
      const k = Math.min(pl, ql);
      let j = 0;
      while (j < k && p[ps + j] === q[qs + j]) j++;
      const c = j < k ? (p[ps + j]! < q[qs + j]! ? 0 : 2) : pl < ql ? 0 : pl === ql ? 1 : 2;
      out[i] = ((mask >> c) & 1) << 1;
    }
    return;
  }
  const a = cells(left, ld);
  const b = cells(right, rd);
  for (let i = 0; i < out.length; i++) {
    out[i] = valid[i] === TRUE && rightValid[i] === TRUE ? ((mask >> order(a[i]!, b[i]!)) & 1) << 1 : UNKNOWN;
  }
}
