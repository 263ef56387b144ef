import { Key, type KeyInput, parseKeyParts } from "./key.js";

/**
 * Anything that names a field: `"a/b"`, parts, another key, `{ root }` / `{ parts }`.
 *
 * @example
 * const inputs: FieldKeyInput[] = ["audio/french", ["audio", "french"], { root: ["audio"] }];
 */
export type FieldKeyInput = KeyInput;

/**
 * Immutable key of a field within a feature, e.g. `audio/french` (Python `FieldKey`).
 *
 * @example
 * const f = FieldKey.from("audio/french");
 * f.toStructKey(); // "audio_french"
 */
export class FieldKey extends Key {
  /** Parses and validates; throws `InvalidKeyError` naming the offending part and rule. */
  constructor(input: FieldKeyInput) {
    super(parseKeyParts(input, "field key"));
    Object.freeze(this);
  }

  /** Returns `input` itself when it is already a `FieldKey`, else parses it. */
  static from(input: FieldKeyInput): FieldKey {
    return input instanceof FieldKey ? input : new FieldKey(input);
  }

  /** Parses `"a/b"`. */
  static parse(text: string): FieldKey {
    return new FieldKey(text);
  }
}
