import { homedir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidConfigError, ObjectStoreError } from "../../../src/errors.js";
import { LocalObjectStore } from "../../../src/store/io/local.js";
import { S3ObjectStore } from "../../../src/store/io/s3.js";
import { openObjectStore, sanitizeUri } from "../../../src/store/io/uri.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

function rootOf(path: string): string {
  const store = openObjectStore(path);
  expect(store).toBeInstanceOf(LocalObjectStore);
  return (store as LocalObjectStore).root;
}

function failure(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("openObjectStore: local roots", () => {
  it("resolves relative paths against the working directory", () => {
    expect(rootOf("metadata")).toBe(join(process.cwd(), "metadata"));
    expect(rootOf("./a/../b")).toBe(join(process.cwd(), "b"));
  });

  it("keeps absolute paths and expands ~", () => {
    expect(rootOf("/srv/metaxy")).toBe("/srv/metaxy");
    expect(rootOf("~")).toBe(homedir());
    expect(rootOf("~/metaxy/store")).toBe(join(homedir(), "metaxy", "store"));
  });

  it("accepts file:// (percent-decoded) and local:// URIs", () => {
    expect(rootOf("file:///srv/my%20store")).toBe("/srv/my store");
    expect(rootOf("FILE:///srv/x")).toBe("/srv/x");
    expect(rootOf("local:///srv/y")).toBe("/srv/y");
    expect(rootOf("local://rel/dir")).toBe(join(process.cwd(), "rel", "dir"));
  });

  it("rejects an empty root and a malformed file URI", () => {
    expect(failure(() => openObjectStore(""))).toBeInstanceOf(ObjectStoreError);
    const error = failure(() => openObjectStore("file://host/share"));
    expect(error).toBeInstanceOf(ObjectStoreError);
    expect(error.message).toBe('object store: "file://host/share" is not a valid file:// URI');
  });
});

describe("openObjectStore: S3", () => {
  const local = { AWS_ENDPOINT_URL: "http://127.0.0.1:9", AWS_ALLOW_HTTP: "true" };

  it("parses s3:// and s3a:// into bucket and prefix", () => {
    const opts = { ...local, AWS_ACCESS_KEY_ID: "AK", AWS_SECRET_ACCESS_KEY: "SK" };
    const store = openObjectStore("s3://bucket/some/prefix/", opts);
    expect(store).toBeInstanceOf(S3ObjectStore);
    expect(store.display).toBe("s3://bucket/some/prefix");
    expect(openObjectStore("s3a://bucket", opts).display).toBe("s3://bucket");
  });

  it("takes credentials from the AWS environment when the options have none", () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "ENVKEY");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "ENVSECRET");
    expect(openObjectStore("s3://bucket/p", local).display).toBe("s3://bucket/p");
  });

  it("refuses a store without credentials, naming the options to set", () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
    const error = failure(() => openObjectStore("s3://bucket/p", local));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message).toBe(
      "object store: s3://bucket/p: no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (storage options or environment), or AWS_SKIP_SIGNATURE=true",
    );
  });

  it("refuses credentials inside the URI without echoing them", () => {
    const error = failure(() => openObjectStore("s3://AKIAXYZ:topsecret@bucket/p", local));
    expect(error).toBeInstanceOf(ObjectStoreError);
    expect(error.message).toBe(
      'object store: "s3://***@bucket/p" is not an s3://bucket/prefix URI (credentials belong in storage options)',
    );
  });
});

describe("openObjectStore: other schemes", () => {
  for (const uri of ["gs://bucket/x", "az://container/x", "abfss://fs@account.dfs.core.windows.net/x"]) {
    it(`refuses ${uri.split(":")[0]}:// as not supported yet`, () => {
      const error = failure(() => openObjectStore(uri));
      expect(error).toBeInstanceOf(ObjectStoreError);
      expect((error as ObjectStoreError).code).toBe("OBJECT_STORE");
      expect(error.message).toContain(`the ${uri.split(":")[0]}:// scheme is not supported yet`);
    });
  }

  it("masks credentials when refusing a scheme", () => {
    const error = failure(() => openObjectStore("https://user:pw@host/x?sig=abc"));
    expect(error.message).toBe(
      'object store: "https://***@host/x?sig=***": the https:// scheme is not supported yet; use a local path or s3://',
    );
    expect(failure(() => openObjectStore("weird://x")).message).toContain("the weird:// scheme is unknown");
  });
});

describe("sanitizeUri", () => {
  it.each([
    [
      "s3://AKIA:secret@bucket/p?X-Amz-Signature=abc&versionId=3",
      "s3://***@bucket/p?X-Amz-Signature=***&versionId=3",
    ],
    ["https://tok@host:9000/x#frag", "https://***@host:9000/x#frag"],
    // An unencoded `/` in the secret still masks all of it.
    ["s3://AKIA:se/cr+et@bucket/p/x", "s3://***@bucket/p/x"],
    [
      "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20240101&X-Amz-Security-Token=t&X-Amz-Date=20240101T000000Z",
      "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=***&X-Amz-Security-Token=***&X-Amz-Date=20240101T000000Z",
    ],
    ["az://acct/c?sv=2022&sig=abc%3D&se=2030", "az://acct/c?sv=2022&sig=***&se=2030"],
    ["s3://bucket/key@with-at", "s3://bucket/key@with-at"],
    ["/local/path:with@signs", "/local/path:with@signs"],
    ["http://127.0.0.1:9000", "http://127.0.0.1:9000"],
  ])("%s", (uri, expected) => {
    expect(sanitizeUri(uri)).toBe(expected);
  });
});
