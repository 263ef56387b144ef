/**
 * A Python `float` inside JSON-like data. JavaScript has one number type, so `1.0` and `1` are the same
 * JS value while Python writes them differently (`1.0` vs `1`); spec versions hash that text. The lossless
 * parser wraps every JSON number token with a fraction or exponent in a `PyFloat`, and the canonical
 * writer prints it as Python's `repr` would.
 *
 * @example
 * const x = new PyFloat("1e-07");
 * x.value;      // 1e-7
 * x.toPython(); // "1e-07"
 * new PyFloat(1).toPython(); // "1.0"
 */
export class PyFloat {
  /** The numeric value. */
  readonly value: number;
  /** The token as it appeared in the source text, or Python's repr when built from a number. */
  readonly text: string;

  constructor(value: number | string) {
    if (typeof value === "string") {
      this.text = value;
      this.value = Number(value);
    } else {
      this.value = value;
      this.text = pyFloatRepr(value);
    }
    Object.freeze(this);
  }

  /** Python's `repr(float(text))`: what `json.dumps` writes for this value. */
  toPython(): string {
    return pyFloatRepr(this.value);
  }

  /** `JSON.stringify` support: the plain number (loses the float-ness, as any JS JSON would). */
  toJSON(): number {
    return this.value;
  }

  /** Python-style rendering. */
  toString(): string {
    return this.toPython();
  }
}

/**
 * Python's `repr()` of a float: shortest round-trip digits, exponent form when the decimal exponent is
 * below -4 or at least 16 (`1e-05`, `1e+16`), `.0` on integral values, `NaN`/`Infinity` as `json.dumps`
 * writes them.
 *
 * @example
 * pyFloatRepr(0.1);  // "0.1"
 * pyFloatRepr(1e-7); // "1e-07"
 * pyFloatRepr(1e16); // "1e+16"
 * pyFloatRepr(2);    // "2.0"
 */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const sign = value < 0 ? "-" : "";
  // toExponential() without an argument yields the shortest digits that round-trip, like Python's repr.
  const [mantissa, exponentText] = Math.abs(value).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  const decimalPoint = exponent + 1; // digits[0..decimalPoint) are the integer part
  if (decimalPoint <= -4 || decimalPoint > 16) {
    const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expDigits = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${head}e${exponent < 0 ? "-" : "+"}${expDigits}`;
  }
  if (decimalPoint <= 0) return `${sign}0.${"0".repeat(-decimalPoint)}${digits}`;
  if (decimalPoint >= digits.length) return `${sign}${digits}${"0".repeat(decimalPoint - digits.length)}.0`;
  return `${sign}${digits.slice(0, decimalPoint)}.${digits.slice(decimalPoint)}`;
}
