import { InvalidKeyError } from "../errors.js";
import { describeInput, Key, type KeyInput, parseKeyParts } from "./key.js";

/**
 * Anything that names a feature: a key input (`"a/b"`, parts, `{ root }`), or an object carrying a
 * `key` — a `Feature` or a `FeatureSpec`.
 *
 * @example
 * graph.get("video/raw"); graph.get(video); graph.get(["video", "raw"]);
 */
export type FeatureKeyInput = KeyInput | { readonly key: FeatureKeyInput };

/**
 * Immutable key of a feature, e.g. `video/raw` (Python `FeatureKey`).
 *
 * @example
 * const k = FeatureKey.from("video/raw");
 * k.equals(new FeatureKey(["video", "raw"])); // true
 * k.tableName; // "video__raw"
 */
export class FeatureKey extends Key {
  /** Parses and validates; throws `InvalidKeyError` naming the offending part and rule. */
  constructor(input: FeatureKeyInput) {
    super(parseKeyParts(unwrap(input), "feature key"));
    Object.freeze(this);
  }

  /** Returns `input` itself when it is already a `FeatureKey`, else parses it. */
  static from(input: FeatureKeyInput): FeatureKey {
    return input instanceof FeatureKey ? input : new FeatureKey(input);
  }

  /** Parses `"a/b"`. */
  static parse(text: string): FeatureKey {
    return new FeatureKey(text);
  }
}

function unwrap(input: FeatureKeyInput): KeyInput {
  let current: unknown = input;
  // A Feature or FeatureSpec carries its key; follow `.key` a bounded number of times.
  for (let depth = 0; depth < 4; depth++) {
    if (
      typeof current !== "object" ||
      current === null ||
      current instanceof Key ||
      Array.isArray(current) ||
      !("key" in current)
    ) {
      return current as KeyInput;
    }
    current = (current as { key: unknown }).key;
  }
  throw new InvalidKeyError(`keys: cannot build a feature key from ${describeInput(input)}`);
}
