import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidConfigError, ObjectStoreError } from "../../../src/errors.js";
import { S3ObjectStore } from "../../../src/store/io/s3.js";
import type { S3Options } from "../../../src/store/io/s3-options.js";
import {
  type InjectedError,
  type RecordedRequest,
  type S3Server,
  startS3Server,
} from "../../support/s3-server.js";
import { describeObjectStore } from "./conformance.js";

const CREDENTIALS = {
  accessKeyId: "AKIAOWNSERVERTEST01",
  secretAccessKey: "own/Server+Secret=Key/0123456789abcdef",
  sessionToken: "FwoGZXIvYXdzEOWN//session+token==",
};
const BUCKET = "metaxy-test";
const text = (s: string) => new TextEncoder().encode(s);

let server: S3Server;
// Fault injection for the tests below: each test sets it and clears it.
let intercept: ((r: RecordedRequest) => InjectedError | undefined) | undefined;
let loseResponse: ((r: RecordedRequest) => InjectedError | undefined) | undefined;

beforeAll(async () => {
  server = await startS3Server({
    buckets: [BUCKET],
    credentials: CREDENTIALS,
    pageSize: 4,
    intercept: (r) => intercept?.(r),
    loseResponse: (r) => loseResponse?.(r),
  });
});
afterAll(async () => {
  await server.close();
});

function options(extra: Partial<S3Options> = {}): S3Options {
  return {
    bucket: BUCKET,
    prefix: `runs/${randomUUID()}`,
    endpoint: server.endpoint,
    allowHttp: true,
    ...CREDENTIALS,
    ...extra,
  };
}

describeObjectStore(
  "S3ObjectStore against the project's S3 server (SigV4 verified)",
  async () => new S3ObjectStore(options()),
  {
    conditionalPut: true,
  },
);

describe("S3ObjectStore requests", () => {
  it("displays s3://bucket/prefix and keeps keys under the prefix", async () => {
    const opts = options({ prefix: "/nested/prefix/" });
    const store = new S3ObjectStore(opts);
    expect(store.display).toBe(`s3://${BUCKET}/nested/prefix`);
    await store.put("k.json", text("v"));
    expect(server.objects(BUCKET).has("nested/prefix/k.json")).toBe(true);
    const root = new S3ObjectStore({ ...opts, prefix: "" });
    expect(root.display).toBe(`s3://${BUCKET}`);
    expect((await root.list("nested/prefix/")).map((o) => o.key)).toEqual(["nested/prefix/k.json"]);
  });

  it("sends ranged reads as an explicit bytes=start-(end-1) header", async () => {
    const store = new S3ObjectStore(options());
    await store.put("r.bin", text("0123456789"));
    const before = server.requests.length;
    await store.getRange("r.bin", 2, 6);
    const sent = server.requests.slice(before);
    expect(sent.map((r) => [r.method, r.headers.range])).toEqual([["GET", "bytes=2-5"]]);
  });

  it("follows continuation tokens across list pages", async () => {
    const store = new S3ObjectStore(options());
    const keys = Array.from({ length: 11 }, (_, i) => `p/${String(i).padStart(2, "0")}.json`);
    for (const key of keys) await store.put(key, text(key));
    const before = server.requests.length;
    expect((await store.list("p/")).map((o) => o.key)).toEqual(keys);
    const pages = server.requests.slice(before);
    expect(pages).toHaveLength(3);
    expect(pages.map((r) => r.query.has("continuation-token"))).toEqual([false, true, true]);
  });

  it("sends If-None-Match: * for putIfAbsent", async () => {
    const store = new S3ObjectStore(options());
    const before = server.requests.length;
    await store.putIfAbsent("c.json", text("x"));
    expect(server.requests.slice(before).map((r) => r.headers["if-none-match"])).toEqual(["*"]);
  });

  it("retries putIfAbsent on 409 ConditionalRequestConflict until the server decides", async () => {
    const store = new S3ObjectStore(options());
    let conflicts = 2;
    intercept = (r) =>
      r.method === "PUT" && r.headers["if-none-match"] === "*" && conflicts-- > 0
        ? { status: 409, code: "ConditionalRequestConflict" }
        : undefined;
    try {
      expect(await store.putIfAbsent("cc.json", text("x"))).toBe(true);
      expect(conflicts).toBe(-1);
      conflicts = 1;
      expect(await store.putIfAbsent("cc.json", text("y"))).toBe(false);
    } finally {
      intercept = undefined;
    }
  });

  it("claims a conditional write whose success response was lost, once the stored bytes prove it", async () => {
    const store = new S3ObjectStore(options());
    let lost = 1;
    loseResponse = (r) =>
      r.method === "PUT" && lost-- > 0 ? { status: 500, code: "InternalError" } : undefined;
    try {
      expect(await store.putIfAbsent("_delta_log/00000000000000000003.json", text("mine"))).toBe(true);
      expect(lost).toBe(-1);
    } finally {
      loseResponse = undefined;
    }
  });

  it("does not claim another writer's object after a retried conditional write", async () => {
    const store = new S3ObjectStore(options());
    await store.put("_delta_log/00000000000000000004.json", text("theirs"));
    let failures = 1;
    intercept = (r) => (r.method === "PUT" && failures-- > 0 ? { status: 503, code: "SlowDown" } : undefined);
    try {
      expect(await store.putIfAbsent("_delta_log/00000000000000000004.json", text("mine"))).toBe(false);
      expect(failures).toBe(-1);
    } finally {
      intercept = undefined;
    }
  });

  it("gives up on a conflict that never settles with an ObjectStoreError", async () => {
    const store = new S3ObjectStore(options());
    intercept = (r) => (r.method === "PUT" ? { status: 409, code: "ConditionalRequestConflict" } : undefined);
    try {
      const error = await store.putIfAbsent("stuck.json", text("x")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ObjectStoreError);
      expect((error as Error).message).toBe(
        `object store: putIfAbsent "stuck.json" in ${store.display} failed: HTTP 409 ConditionalRequestConflict`,
      );
    } finally {
      intercept = undefined;
    }
  });

  it("retries 500 and 503 answers, then reports the status", async () => {
    const store = new S3ObjectStore(options({ retries: 2 }));
    await store.put("flaky.json", text("ok"));
    let failures = 2;
    intercept = (r) => (r.method === "GET" && failures-- > 0 ? { status: 503, code: "SlowDown" } : undefined);
    try {
      expect(new TextDecoder().decode((await store.get("flaky.json"))!)).toBe("ok");
      failures = 10;
      const error = await store.get("flaky.json").catch((e: unknown) => e);
      expect((error as Error).message).toBe(
        `object store: get "flaky.json" in ${store.display} failed: HTTP 503 SlowDown`,
      );
      expect(failures).toBe(7);
    } finally {
      intercept = undefined;
    }
  });

  it("reports a conditional PUT the server does not implement", async () => {
    const store = new S3ObjectStore(options());
    intercept = (r) =>
      r.headers["if-none-match"] !== undefined ? { status: 501, code: "NotImplemented" } : undefined;
    try {
      const error = await store.putIfAbsent("n.json", text("x")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ObjectStoreError);
      expect((error as Error).message).toContain("does not support conditional PUT (If-None-Match)");
    } finally {
      intercept = undefined;
    }
  });

  it("treats a missing bucket as an error, not as a missing object", async () => {
    const store = new S3ObjectStore(options({ bucket: "no-such-bucket" }));
    const error = await store.get("x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectStoreError);
    expect((error as Error).message).toBe(
      `object store: get "x" in ${store.display} failed: HTTP 404 NoSuchBucket`,
    );
    const listError = await store.list("").catch((e: unknown) => e);
    expect((listError as Error).message).toBe(
      `object store: list "" in ${store.display} failed: HTTP 404 NoSuchBucket`,
    );
  });
});

describe("S3ObjectStore never leaks credentials", () => {
  const secrets = [CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey, CREDENTIALS.sessionToken];
  function expectClean(error: unknown): void {
    expect(error).toBeInstanceOf(ObjectStoreError);
    let text = "";
    for (let e: unknown = error; e instanceof Error; e = e.cause)
      text += `${String(e)}\n${e.stack}\n${JSON.stringify(e)}\n`;
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain("Signature=");
    expect(text).not.toContain("X-Amz-");
  }

  it("in a signature rejection (403)", async () => {
    const store = new S3ObjectStore(options({ secretAccessKey: "wrong/secret+value" }));
    const error = await store.put("k", text("x")).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `object store: put "k" in ${store.display} failed: HTTP 403 SignatureDoesNotMatch`,
    );
    expectClean(error);
  });

  it("in an access-denied error whose body names the access key", async () => {
    const store = new S3ObjectStore(options());
    intercept = () => ({ status: 403, code: "AccessDenied" });
    try {
      const error = await store.get("k").catch((e: unknown) => e);
      expect((error as Error).message).toBe(
        `object store: get "k" in ${store.display} failed: HTTP 403 AccessDenied`,
      );
      expectClean(error);
    } finally {
      intercept = undefined;
    }
  });

  it("when the endpoint does not answer", async () => {
    const closed = await startS3Server({ buckets: [BUCKET] });
    await closed.close();
    const store = new S3ObjectStore({ ...options({ retries: 1 }), endpoint: closed.endpoint });
    const error = await store.putIfAbsent("k", text("x")).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `object store: putIfAbsent "k" in ${store.display} failed: no response (ECONNREFUSED)`,
    );
    expectClean(error);
  });
});

describe("S3ObjectStore configuration", () => {
  it("refuses http endpoints unless allowHttp is set", () => {
    const error = (() => {
      try {
        return new S3ObjectStore(options({ allowHttp: false }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as Error).message).toContain("uses http: set AWS_ALLOW_HTTP=true");
  });

  it("needs both credential halves unless skipSignature is set", () => {
    expect(() => new S3ObjectStore(options({ secretAccessKey: undefined }))).toThrow(
      /incomplete credentials: AWS_SECRET_ACCESS_KEY is missing/,
    );
    expect(() => new S3ObjectStore({ bucket: BUCKET, endpoint: server.endpoint, allowHttp: true })).toThrow(
      InvalidConfigError,
    );
  });

  it("sends unsigned requests with skipSignature (refused by a server that checks)", async () => {
    const store = new S3ObjectStore({
      ...options(),
      accessKeyId: undefined,
      secretAccessKey: undefined,
      skipSignature: true,
    });
    const error = await store.get("k").catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `object store: get "k" in ${store.display} failed: HTTP 403 AccessDenied`,
    );
    const open = await startS3Server({ buckets: [BUCKET] });
    try {
      const anonymous = new S3ObjectStore({
        bucket: BUCKET,
        endpoint: open.endpoint,
        allowHttp: true,
        skipSignature: true,
      });
      await anonymous.put("k", text("v"));
      expect(open.requests.at(-1)!.headers.authorization).toBeUndefined();
      expect(await anonymous.head("k")).toEqual({ size: 1 });
    } finally {
      await open.close();
    }
  });
});
