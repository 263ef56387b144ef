import { compareValues } from "./compare-values.js";
import type { CompareOp, FilterExpr, FilterLiteral } from "./filter-expr.js";
import { parseIsoTimestamp } from "./iso-timestamp.js";
import { toFilterExpr } from "./to-filter-expr.js";

/**
 * Per-file column statistics in the shape of Delta's `add.stats`: JSON scalars keyed by column name,
 * struct fields as nested objects (or as dotted keys).
 *
 * @example
 * const stats: FileStats = { numRecords: 2, nullCount: { id: 0 }, minValues: { id: "a" }, maxValues: { id: "b" } };
 */
export interface FileStats {
  readonly numRecords: number;
  readonly nullCount?: Readonly<Record<string, unknown>>;
  readonly minValues?: Readonly<Record<string, unknown>>;
  readonly maxValues?: Readonly<Record<string, unknown>>;
}

/**
 * How to read a column's min/max values; without it strings that look like instants are not used.
 *
 * @example
 * const kind: StatsValueKind = "timestamp";
 */
export type StatsValueKind = "string" | "number" | "timestamp" | "boolean";

/**
 * Options of {@link mayMatchStats}.
 *
 * @example
 * const options: MayMatchOptions = { types: { [METAXY_UPDATED_AT]: "timestamp" } };
 */
export interface MayMatchOptions {
  /** Kind of each column's statistics, by (dotted) column name. */
  readonly types?: Readonly<Record<string, StatsValueKind>>;
}

// Possible outcomes of a condition over the file's rows, as bits.
const T = 1;
const F = 2;
const N = 4;
const ANY = T | F | N;

/** Delta truncates string statistics to 32 characters; a max that long may be a prefix. */
const STRING_PREFIX_LENGTH = 32;
/** Writers may truncate timestamp statistics to milliseconds, so a max may be up to 1 ms low. */
const MAX_TRUNCATION_NS = 999_999n;

function lookup(obj: Readonly<Record<string, unknown>> | undefined, name: string): unknown {
  if (obj === undefined || obj === null || typeof obj !== "object") return undefined;
  if (Object.hasOwn(obj, name)) return obj[name];
  for (let dot = name.indexOf("."); dot > 0; dot = name.indexOf(".", dot + 1)) {
    const head = obj[name.slice(0, dot)];
    if (head !== null && typeof head === "object") {
      const found = lookup(head as Record<string, unknown>, name.slice(dot + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The file's value range for one column, in a domain where `compareValues` orders correctly. */
interface Range {
  readonly lo: unknown;
  readonly hi: unknown;
  /** `hi` may be a truncated prefix of the true max (strings only). */
  readonly hiPrefix: boolean;
  /** `lo` and `hi` are the true min and max (so lo == hi means one value). */
  readonly exact: boolean;
}

const looksTemporal = (v: unknown) => typeof v === "string" && parseIsoTimestamp(v) !== null;

/** Converts stats and literal to one domain; null when that cannot be done safely. */
function rangeFor(kind: StatsValueKind | undefined, min: unknown, max: unknown, literal: FilterLiteral) {
  const lit = typeof literal;
  const inferred: StatsValueKind | undefined =
    kind ??
    (lit === "number" || lit === "bigint"
      ? "number"
      : lit === "boolean"
        ? "boolean"
        : lit === "string" && ![literal, min, max].some(looksTemporal)
          ? "string"
          : undefined);
  const known = (v: unknown, ok: (v: unknown) => boolean) => (ok(v) ? v : undefined);
  switch (inferred) {
    case "number": {
      if (lit !== "number" && lit !== "bigint") return null;
      // JSON numbers beyond 2^53 may have been rounded: unusable as bounds.
      const ok = (v: unknown) =>
        typeof v === "bigint" || (typeof v === "number" && (!Number.isInteger(v) || Number.isSafeInteger(v)));
      return {
        value: literal,
        range: { lo: known(min, ok), hi: known(max, ok), hiPrefix: false, exact: true },
      };
    }
    case "boolean": {
      const ok = (v: unknown) => typeof v === "boolean";
      if (lit !== "boolean") return null;
      return {
        value: literal,
        range: { lo: known(min, ok), hi: known(max, ok), hiPrefix: false, exact: true },
      };
    }
    case "string": {
      const ok = (v: unknown) => typeof v === "string";
      if (lit !== "string") return null;
      const hiPrefix = typeof max === "string" && [...max].length >= STRING_PREFIX_LENGTH;
      const loPrefix = typeof min === "string" && [...min].length >= STRING_PREFIX_LENGTH;
      return {
        value: literal,
        range: { lo: known(min, ok), hi: known(max, ok), hiPrefix, exact: !hiPrefix && !loPrefix },
      };
    }
    case "timestamp": {
      const value = typeof literal === "string" ? parseIsoTimestamp(literal) : null;
      if (value === null) return null;
      const ns = (v: unknown) => (typeof v === "string" ? (parseIsoTimestamp(v) ?? undefined) : undefined);
      const hi = ns(max);
      return {
        value,
        range: {
          lo: ns(min),
          hi: hi === undefined ? hi : hi + MAX_TRUNCATION_NS,
          hiPrefix: false,
          exact: false,
        },
      };
    }
    default:
      return null;
  }
}

/** Which of less / equal / greater than the literal the file's values can be. */
function sides(range: Range, value: unknown) {
  const cmp = (a: unknown) => (a === undefined ? null : compareValues(a, value));
  const lo = cmp(range.lo);
  const hi = cmp(range.hi);
  // A prefix max P bounds values from above unless the literal extends P.
  const extendsHi = range.hiPrefix && typeof value === "string" && value.startsWith(range.hi as string);
  const less = lo === null || lo < 0;
  const greater = hi === null || hi > 0 || extendsHi;
  const equal = (lo === null || lo <= 0) && (hi === null || hi >= 0 || extendsHi);
  const onlyEqual = range.exact && lo === 0 && hi === 0;
  return { less, equal, greater, onlyEqual };
}

function compareOutcomes(op: CompareOp, s: ReturnType<typeof sides>): number {
  const holds = { "=": [s.equal, !s.onlyEqual], "!=": [!s.onlyEqual, s.equal] } as Record<
    string,
    [boolean, boolean]
  >;
  const [t, f] =
    holds[op] ??
    (op === "<"
      ? [s.less, s.equal || s.greater]
      : op === "<="
        ? [s.less || s.equal, s.greater]
        : op === ">"
          ? [s.greater, s.equal || s.less]
          : [s.greater || s.equal, s.less]);
  return (t ? T : 0) | (f ? F : 0);
}

function outcomes(
  expr: FilterExpr,
  stats: FileStats,
  types: Readonly<Record<string, StatsValueKind>>,
): number {
  const column = (name: string) => {
    const nulls = lookup(stats.nullCount, name);
    const nullCount = typeof nulls === "number" ? nulls : undefined;
    return {
      allNull: nullCount === stats.numRecords,
      someNull: nullCount === undefined || nullCount > 0,
      sides: (literal: FilterLiteral) => {
        const r = rangeFor(
          types[name],
          lookup(stats.minValues, name),
          lookup(stats.maxValues, name),
          literal,
        );
        return r === null ? null : sides(r.range, r.value);
      },
    };
  };
  const compareLiteral = (name: string, op: CompareOp, literal: FilterLiteral) => {
    const c = column(name);
    if (literal === null || c.allNull) return N;
    const s = c.sides(literal);
    return (s === null ? T | F : compareOutcomes(op, s)) | (c.someNull ? N : 0);
  };
  switch (expr.kind) {
    case "literal":
      return expr.value === null ? N : expr.value === true ? T : expr.value === false ? F : ANY;
    case "column":
      return compareLiteral(expr.name, "=", true);
    case "compare": {
      const { left, right, op } = expr;
      if (left.kind === "column" && right.kind === "literal")
        return compareLiteral(left.name, op, right.value);
      if (left.kind === "literal" && right.kind === "column") {
        const flipped =
          ({ "<": ">", "<=": ">=", ">": "<", ">=": "<=" } as Record<string, CompareOp>)[op] ?? op;
        return compareLiteral(right.name, flipped, left.value);
      }
      if (left.kind === "literal" && right.kind === "literal") {
        if (left.value === null || right.value === null) return N;
        const c = compareValues(left.value, right.value);
        return c === null
          ? ANY
          : compareOutcomes(op, { less: c < 0, equal: c === 0, greater: c > 0, onlyEqual: c === 0 });
      }
      return ANY;
    }
    case "in": {
      const c = column(expr.column.name);
      if (c.allNull) return N;
      const present = expr.values.filter((v) => v !== null);
      const hasNull = present.length < expr.values.length;
      const all = present.map((v) => c.sides(v));
      const match = all.some((s) => s === null || s.equal);
      const miss = !all.some((s) => s?.onlyEqual);
      const [hit, other] = expr.negated ? [F, T] : [T, F];
      return (match ? hit : 0) | (miss && !hasNull ? other : 0) | (c.someNull || (miss && hasNull) ? N : 0);
    }
    case "isNull": {
      const nulls = lookup(stats.nullCount, expr.column.name);
      const isNull = typeof nulls !== "number" || nulls > 0;
      const notNull = typeof nulls !== "number" || nulls < stats.numRecords;
      return expr.negated ? (notNull ? T : 0) | (isNull ? F : 0) : (isNull ? T : 0) | (notNull ? F : 0);
    }
    case "not": {
      const o = outcomes(expr.arg, stats, types);
      return (o & N) | (o & T ? F : 0) | (o & F ? T : 0);
    }
    case "and":
    case "or": {
      const all = expr.args.map((a) => outcomes(a, stats, types));
      const [every, some] = expr.kind === "and" ? [T, F] : [F, T];
      return (
        (all.every((o) => o & every) ? every : 0) |
        (all.some((o) => o & some) ? some : 0) |
        (all.some((o) => o & N) ? N : 0)
      );
    }
  }
}

/**
 * False only when a file provably holds no row matching the filter, judged from its statistics
 * (min/max per column, null counts, row count); anything unknown counts as "may match". Used to skip
 * files before reading them. Strings of 32+ characters are treated as possibly truncated, timestamp
 * maxima as possibly truncated to milliseconds; strings that look like ISO instants are only used
 * when `options.types` says how to read the column.
 *
 * @example
 * const v = METAXY_FEATURE_VERSION;
 * mayMatchStats(`${v} = 'abc'`, { numRecords: 10, minValues: { [v]: "xyz" }, maxValues: { [v]: "xyz" } }); // false
 */
export function mayMatchStats(
  expr: string | FilterExpr,
  stats: FileStats,
  options: MayMatchOptions = {},
): boolean {
  if (stats.numRecords === 0) return false;
  return (outcomes(toFilterExpr(expr), stats, options.types ?? {}) & T) !== 0;
}
