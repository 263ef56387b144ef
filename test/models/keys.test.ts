import { describe, expect, it } from "vitest";
import { InvalidKeyError } from "../../src/errors.js";
import {
  compareCodePoints,
  compareKeyParts,
  compareKeyStrings,
  FeatureGraph,
  FeatureKey,
  FeatureSpec,
  FieldKey,
  FQFieldKey,
} from "../../src/models/index.js";

function keyError(fn: () => unknown): InvalidKeyError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidKeyError);
    expect((e as InvalidKeyError).code).toBe("INVALID_KEY");
    return e as InvalidKeyError;
  }
  throw new Error("expected InvalidKeyError");
}

describe("FeatureKey parsing", () => {
  it("accepts every Python input form", () => {
    const expected = ["video", "raw-x"];
    expect(FeatureKey.from("video/raw-x").parts).toEqual(expected);
    expect(new FeatureKey(["video", "raw-x"]).parts).toEqual(expected);
    expect(FeatureKey.from({ root: ["video", "raw-x"] }).parts).toEqual(expected);
    expect(FeatureKey.from({ parts: ["video", "raw-x"] }).parts).toEqual(expected);
    expect(FeatureKey.parse("video/raw-x").parts).toEqual(expected);
    const k = FeatureKey.from("video/raw-x");
    expect(FeatureKey.from(k)).toBe(k);
    expect(new FeatureKey(k).equals(k)).toBe(true);
  });

  it("takes the key of a spec or a feature object", () => {
    const spec = FeatureSpec.from({ key: "video/raw", idColumns: ["id"] });
    expect(FeatureKey.from(spec).toString()).toBe("video/raw");
    const feature = new FeatureGraph().feature({ key: "a/b", idColumns: ["id"] });
    expect(FeatureKey.from(feature).equals(FeatureKey.from("a/b"))).toBe(true);
  });

  it("gives every string form", () => {
    const k = FeatureKey.from("video/raw-x");
    expect(k.toString()).toBe("video/raw-x");
    expect(k.toStructKey()).toBe("video_raw-x");
    expect(k.toColumnSuffix()).toBe("__video_raw-x");
    expect(k.tableName).toBe("video__raw_x");
    expect(k.toJSON()).toBe("video/raw-x");
    expect(JSON.stringify({ k })).toBe('{"k":"video/raw-x"}');
    expect(new FQFieldKey("video/raw", "audio/french").toString()).toBe("video/raw.audio/french");
  });

  it("is immutable", () => {
    const k = FeatureKey.from("a/b");
    expect(Object.isFrozen(k)).toBe(true);
    expect(Object.isFrozen(k.parts)).toBe(true);
    expect(() => (k.parts as string[]).push("c")).toThrow(TypeError);
  });

  it("distinguishes feature keys from field keys in equals()", () => {
    expect(FeatureKey.from("a").equals(FieldKey.from("a"))).toBe(false);
    expect(FieldKey.from("a/b").equals(FieldKey.from(["a", "b"]))).toBe(true);
    expect(FieldKey.from("a/b").equals("a/b")).toBe(false);
  });

  it.each([
    [
      "Video/raw",
      'invalid feature key part "Video" in "Video/raw": the first part must match ^[a-z_][a-z0-9_-]*$',
    ],
    [
      "1video",
      'invalid feature key part "1video" in "1video": the first part must match ^[a-z_][a-z0-9_-]*$',
    ],
    [
      "a/-b",
      'invalid feature key part "-b" in "a/-b": parts after the first must match ^[a-z0-9_][a-z0-9_-]*$',
    ],
    ["a//b", 'invalid feature key part "" in "a//b": parts must not be empty'],
    ["a/", 'invalid feature key part "" in "a/": parts must not be empty'],
    ["", 'invalid feature key part "" in "": parts must not be empty'],
    ["a__b", 'invalid feature key part "a__b" in "a__b": parts must not contain "__"'],
    [
      "a/b c",
      'invalid feature key part "b c" in "a/b c": parts after the first must match ^[a-z0-9_][a-z0-9_-]*$',
    ],
    ["a/é", 'invalid feature key part "é" in "a/é": parts after the first must match ^[a-z0-9_][a-z0-9_-]*$'],
  ])("rejects %j", (input, message) => {
    expect(keyError(() => FeatureKey.from(input)).message).toBe(`keys: ${message}`);
  });

  it("accepts digits and hyphens after the first part and a leading underscore", () => {
    expect(FeatureKey.from("_a/0-b/c_d").parts).toEqual(["_a", "0-b", "c_d"]);
  });

  it("rejects a part containing / in array form, empty arrays and non-strings", () => {
    expect(keyError(() => FeatureKey.from(["a/b"])).message).toBe(
      'keys: invalid feature key part "a/b" in "a/b": parts must not contain "/"',
    );
    expect(keyError(() => FeatureKey.from([])).message).toBe("keys: feature key must have at least one part");
    expect(keyError(() => FeatureKey.from([1 as unknown as string])).message).toMatch(
      /parts must be strings/,
    );
    expect(keyError(() => FeatureKey.from(42 as unknown as string)).message).toMatch(
      /cannot build a feature key/,
    );
  });

  it("validates field keys with the same rules", () => {
    expect(keyError(() => FieldKey.from("Audio")).message).toBe(
      'keys: invalid field key part "Audio" in "Audio": the first part must match ^[a-z_][a-z0-9_-]*$',
    );
    expect(FieldKey.from("audio/french").toStructKey()).toBe("audio_french");
  });
});

describe("key ordering", () => {
  it("parts-tuple order differs from string order with hyphens", () => {
    const az = FeatureKey.from("a/z");
    const ab = FeatureKey.from("a-b");
    expect(compareKeyParts(az, ab)).toBe(-1);
    expect(az.compare(ab)).toBe(-1);
    expect(compareKeyStrings(az, ab)).toBe(1);
    expect([ab, az].sort(compareKeyParts).map(String)).toEqual(["a/z", "a-b"]);
    expect([az, ab].sort(compareKeyStrings).map(String)).toEqual(["a-b", "a/z"]);
  });

  it("orders FQ field keys by their string", () => {
    const a = new FQFieldKey("a-b", "x");
    const b = new FQFieldKey("a/z", "x");
    expect(a.compare(b)).toBe(-1);
    expect(a.equals(new FQFieldKey("a-b", "x"))).toBe(true);
  });

  it("compares strings by code point like Python", () => {
    expect(compareCodePoints("\uffff", "\u{1f600}")).toBe(-1);
    expect("\uffff" < "\u{1f600}").toBe(false);
    expect(compareCodePoints("ab", "a")).toBe(1);
    expect(compareCodePoints("a", "a")).toBe(0);
  });
});
