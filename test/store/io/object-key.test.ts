import { describe, expect, it } from "vitest";
import { compareObjectKeys } from "../../../src/store/io/object-key.js";
import { parseListPage } from "../../../src/store/io/s3-list.js";
import { encodeKey } from "../../../src/store/io/s3-transport.js";

describe("compareObjectKeys", () => {
  it("orders by code point, which is UTF-8 byte order", () => {
    const keys = ["😀", "\uffff", "é", "b", "a/b", "a0", "a.b", "a", "A", ""];
    const bytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...keys].sort(compareObjectKeys)).toEqual(bytes);
    expect(bytes).toEqual(["", "A", "a", "a.b", "a/b", "a0", "b", "é", "\uffff", "😀"]);
    // Plain UTF-16 comparison disagrees on the last two.
    expect("😀" < "\uffff").toBe(true);
    expect(compareObjectKeys("😀", "\uffff")).toBe(1);
  });
});

describe("encodeKey", () => {
  it("percent-encodes each segment the way SigV4 canonicalises it", () => {
    expect(encodeKey("a b/c+d(1)!*'~.json")).toBe("a%20b/c%2Bd%281%29%21%2A%27~.json");
    expect(encodeKey("ünï/%")).toBe("%C3%BCn%C3%AF/%25");
  });
});

describe("parseListPage", () => {
  it("decodes XML entities and reads sizes and the continuation token", () => {
    const xml =
      "<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>tok&amp;1</NextContinuationToken>" +
      "<Contents><Key>a&amp;b&lt;c&#x1F600;</Key><Size>12</Size></Contents>" +
      "<Contents><Key>d</Key><Size>0</Size></Contents></ListBucketResult>";
    expect(parseListPage(xml)).toEqual({
      objects: [
        { key: "a&b<c😀", size: 12 },
        { key: "d", size: 0 },
      ],
      next: "tok&1",
    });
  });

  it("URL-decodes keys only when the server says it encoded them", () => {
    const encoded =
      "<ListBucketResult><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>" +
      "<Contents><Key>a+b%2Bc%25</Key><Size>1</Size></Contents></ListBucketResult>";
    expect(parseListPage(encoded).objects).toEqual([{ key: "a b+c%", size: 1 }]);
    const plain = "<ListBucketResult><Contents><Key>a+b%2B</Key><Size>1</Size></Contents></ListBucketResult>";
    expect(parseListPage(plain)).toEqual({ objects: [{ key: "a+b%2B", size: 1 }], next: undefined });
  });

  it("refuses a truncated page without a token", () => {
    expect(() =>
      parseListPage("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>"),
    ).toThrow("object store: list failed: a truncated page without NextContinuationToken");
  });
});
