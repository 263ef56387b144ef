import { compareCodePoints } from "./code-point-compare.js";
import { FeatureKey, type FeatureKeyInput } from "./feature-key.js";
import { FieldKey, type FieldKeyInput } from "./field-key.js";

/**
 * A field of a specific feature (Python `FQFieldKey`); its string form `"feature/key.field/key"` is what
 * graph-level and record-level hashes contain, and what parent fields are sorted by.
 *
 * @example
 * const fq = new FQFieldKey("video/raw", "audio/french");
 * fq.toString(); // "video/raw.audio/french"
 */
export class FQFieldKey {
  /** The feature. */
  readonly feature: FeatureKey;
  /** The field of that feature. */
  readonly field: FieldKey;

  constructor(feature: FeatureKeyInput, field: FieldKeyInput) {
    this.feature = FeatureKey.from(feature);
    this.field = FieldKey.from(field);
    Object.freeze(this);
  }

  /** `feature.toString() + "." + field.toString()`. */
  toString(): string {
    return `${this.feature.toString()}.${this.field.toString()}`;
  }

  /** Same feature and same field. */
  equals(other: unknown): boolean {
    return (
      other instanceof FQFieldKey && this.feature.equals(other.feature) && this.field.equals(other.field)
    );
  }

  /** Python's `FQFieldKey.__lt__`: string order. */
  compare(other: FQFieldKey): number {
    return compareCodePoints(this.toString(), other.toString());
  }

  /** The JSON form, `"feature/key.field/key"`. */
  toJSON(): string {
    return this.toString();
  }
}
