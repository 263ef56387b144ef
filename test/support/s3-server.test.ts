import { AwsClient } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type S3Server, startS3Server } from "./s3-server.js";

// The test server is a tool other tests trust: its S3 behaviour is checked here with raw requests.
let server: S3Server;
beforeAll(async () => {
  server = await startS3Server({ buckets: ["b"], pageSize: 1000 });
});
afterAll(async () => {
  await server.close();
});

const url = (path: string) => `${server.endpoint}/${path}`;
const put = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url(path), { method: "PUT", body, headers });

describe("startS3Server", () => {
  it("listens on 127.0.0.1 with a random port", () => {
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("creates buckets and refuses requests to missing ones", async () => {
    expect((await fetch(url("nb/k"))).status).toBe(404);
    expect((await fetch(url("nb"), { method: "PUT" })).status).toBe(200);
    expect((await put("nb/k", "v")).status).toBe(200);
    expect(await (await fetch(url("nb/k"))).text()).toBe("v");
    const missing = await fetch(url("other/k"));
    expect(await missing.text()).toContain("<Code>NoSuchBucket</Code>");
  });

  it("honours If-None-Match: * and If-Match on PUT", async () => {
    expect((await put("b/c", "1", { "if-none-match": "*" })).status).toBe(200);
    const refused = await put("b/c", "2", { "if-none-match": "*" });
    expect(refused.status).toBe(412);
    expect(await refused.text()).toContain("<Code>PreconditionFailed</Code>");
    const etag = (await fetch(url("b/c"), { method: "HEAD" })).headers.get("etag")!;
    expect((await put("b/c", "3", { "if-match": '"wrong"' })).status).toBe(412);
    expect((await put("b/c", "4", { "if-match": etag })).status).toBe(200);
    expect((await put("b/absent", "5", { "if-match": "*" })).status).toBe(412);
    expect(await (await fetch(url("b/c"))).text()).toBe("4");
  });

  it("serves ranges with 206 and Content-Range, 416 past the end, 304 on a matching ETag", async () => {
    await put("b/r", "0123456789");
    const cases: [string, number, string, string | null][] = [
      ["bytes=2-4", 206, "234", "bytes 2-4/10"],
      ["bytes=7-", 206, "789", "bytes 7-9/10"],
      ["bytes=-2", 206, "89", "bytes 8-9/10"],
      ["bytes=8-20", 206, "89", "bytes 8-9/10"],
    ];
    for (const [range, status, body, contentRange] of cases) {
      const response = await fetch(url("b/r"), { headers: { range } });
      expect([response.status, await response.text(), response.headers.get("content-range")]).toEqual([
        status,
        body,
        contentRange,
      ]);
    }
    const past = await fetch(url("b/r"), { headers: { range: "bytes=10-12" } });
    expect([past.status, past.headers.get("content-range")]).toEqual([416, "bytes */10"]);
    const etag = (await fetch(url("b/r"), { method: "HEAD" })).headers.get("etag")!;
    expect((await fetch(url("b/r"), { headers: { "if-none-match": etag } })).status).toBe(304);
  });

  it("decodes aws-chunked bodies", async () => {
    const framed =
      "5;chunk-signature=aaaa\r\nhello\r\n6;chunk-signature=bbbb\r\n-world\r\n0;chunk-signature=cccc\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";
    const response = await put("b/chunked", framed, {
      "content-encoding": "aws-chunked",
      "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
      "x-amz-decoded-content-length": "11",
    });
    expect(response.status).toBe(200);
    expect(await (await fetch(url("b/chunked"))).text()).toBe("hello-world");
  });

  it("rejects a body whose declared SHA-256 does not match", async () => {
    const response = await put("b/h", "abc", { "x-amz-content-sha256": "0".repeat(64) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("XAmzContentSHA256Mismatch");
  });

  it("lists with prefix, delimiter, max-keys, continuation and start-after", async () => {
    for (const key of ["l/a/1", "l/a/2", "l/b", "l/c/1", "l/d"]) await put(`b/${key}`, "x");
    const list = async (query: string) => {
      const xml = await (await fetch(url(`b?list-type=2&${query}`))).text();
      const all = (tag: string) =>
        [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => m[1]);
      return {
        keys: all("Key"),
        prefixes: all("Prefix").slice(1),
        next: all("NextContinuationToken")[0],
        xml,
      };
    };
    expect((await list("prefix=l/&delimiter=/")).keys).toEqual(["l/b", "l/d"]);
    expect((await list("prefix=l/&delimiter=/")).prefixes).toEqual(["l/a/", "l/c/"]);
    const first = await list("prefix=l/&delimiter=/&max-keys=2");
    expect([first.keys, first.prefixes]).toEqual([["l/b"], ["l/a/"]]);
    const second = await list(`prefix=l/&delimiter=/&max-keys=2&continuation-token=${first.next}`);
    expect([second.keys, second.prefixes, second.next]).toEqual([["l/d"], ["l/c/"], undefined]);
    expect((await list("prefix=l/&start-after=l/b")).keys).toEqual(["l/c/1", "l/d"]);
    const encoded = await list("prefix=l/a&encoding-type=url");
    expect(encoded.xml).toContain("<EncodingType>url</EncodingType>");
  });
});

describe("startS3Server with SigV4 verification", () => {
  const credentials = { accessKeyId: "AKIDSIGTEST", secretAccessKey: "sig/secret+key" };
  let signed: S3Server;
  beforeAll(async () => {
    signed = await startS3Server({ buckets: ["s"], credentials });
  });
  afterAll(async () => {
    await signed.close();
  });

  it("accepts correctly signed requests, including encoded keys and queries", async () => {
    const client = new AwsClient({ ...credentials, service: "s3", region: "us-east-1", retries: 0 });
    const key = "dir/a%20b%2Bc%28x%29";
    expect((await client.fetch(`${signed.endpoint}/s/${key}`, { method: "PUT", body: "v" })).status).toBe(
      200,
    );
    expect((await client.fetch(`${signed.endpoint}/s?list-type=2&prefix=dir%2Fa%20b`)).status).toBe(200);
    expect(signed.objects("s").has("dir/a b+c(x)")).toBe(true);
  });

  it("refuses unsigned requests, unknown keys and wrong secrets", async () => {
    const codeOf = async (response: Response) => /<Code>(\w+)<\/Code>/.exec(await response.text())?.[1];
    expect(await codeOf(await fetch(`${signed.endpoint}/s/k`))).toBe("AccessDenied");
    const stranger = new AwsClient({ accessKeyId: "OTHER", secretAccessKey: "x", service: "s3", retries: 0 });
    expect(await codeOf(await stranger.fetch(`${signed.endpoint}/s/k`))).toBe("InvalidAccessKeyId");
    const wrong = new AwsClient({ ...credentials, secretAccessKey: "nope", service: "s3", retries: 0 });
    expect(await codeOf(await wrong.fetch(`${signed.endpoint}/s/k`))).toBe("SignatureDoesNotMatch");
  });
});
