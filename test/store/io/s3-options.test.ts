import { describe, expect, it } from "vitest";
import { InvalidConfigError } from "../../../src/errors.js";
import { resolveS3Config } from "../../../src/store/io/s3-config.js";
import { s3OptionsFromStorage } from "../../../src/store/io/s3-options.js";

describe("s3OptionsFromStorage", () => {
  it("reads delta-rs storage option names case-insensitively, with their aliases", () => {
    const opts = s3OptionsFromStorage(
      "b",
      "p",
      {
        aws_access_key_id: "AK",
        SECRET_ACCESS_KEY: "SK",
        Aws_Session_Token: "ST",
        REGION: "eu-west-1",
        endpoint: "http://127.0.0.1:9000",
        AWS_ALLOW_HTTP: "TRUE",
        aws_virtual_hosted_style_request: false,
        AWS_S3_ALLOW_UNSAFE_RENAME: "true",
        AZURE_STORAGE_ACCOUNT_NAME: "ignored",
      },
      {},
    );
    expect(opts).toEqual({
      bucket: "b",
      prefix: "p",
      accessKeyId: "AK",
      secretAccessKey: "SK",
      sessionToken: "ST",
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:9000",
      allowHttp: true,
      virtualHostedStyle: false,
    });
  });

  it("falls back to the AWS environment, preferring AWS_ENDPOINT_URL_S3 and AWS_REGION", () => {
    const env = {
      AWS_ACCESS_KEY_ID: "EK",
      AWS_SECRET_ACCESS_KEY: "ES",
      AWS_SESSION_TOKEN: "ET",
      AWS_REGION: "us-west-2",
      AWS_DEFAULT_REGION: "ap-south-1",
      AWS_ENDPOINT_URL: "http://127.0.0.1:1",
      AWS_ENDPOINT_URL_S3: "http://127.0.0.1:2",
    };
    expect(s3OptionsFromStorage("b", "", {}, env)).toEqual({
      bucket: "b",
      prefix: "",
      accessKeyId: "EK",
      secretAccessKey: "ES",
      sessionToken: "ET",
      region: "us-west-2",
      endpoint: "http://127.0.0.1:2",
    });
    expect(s3OptionsFromStorage("b", "", {}, { AWS_DEFAULT_REGION: "ap-south-1" }).region).toBe("ap-south-1");
  });

  it("options override the environment; own keys never mix with an environment session token", () => {
    const env = {
      AWS_ACCESS_KEY_ID: "EK",
      AWS_SECRET_ACCESS_KEY: "ES",
      AWS_SESSION_TOKEN: "ET",
      AWS_REGION: "r1",
    };
    const opts = s3OptionsFromStorage("b", "", { AWS_ACCESS_KEY_ID: "OK", AWS_SECRET_ACCESS_KEY: "OS" }, env);
    expect([opts.accessKeyId, opts.secretAccessKey, opts.sessionToken, opts.region]).toEqual([
      "OK",
      "OS",
      undefined,
      "r1",
    ]);
  });

  it("rejects a flag that is neither true nor false", () => {
    expect(() => s3OptionsFromStorage("b", "", { AWS_ALLOW_HTTP: "maybe" }, {})).toThrow(InvalidConfigError);
    expect(() => s3OptionsFromStorage("b", "", { AWS_ALLOW_HTTP: "maybe" }, {})).toThrow(
      'object store: storage option for allowHttp must be true or false, got "maybe"',
    );
  });
});

describe("resolveS3Config", () => {
  const creds = { accessKeyId: "AK", secretAccessKey: "SK" };

  it("addresses AWS path-style by default, virtual-hosted on request", () => {
    expect(resolveS3Config({ bucket: "b", ...creds }).bucketUrl).toBe("https://s3.us-east-1.amazonaws.com/b");
    expect(
      resolveS3Config({ bucket: "b", region: "eu-west-1", virtualHostedStyle: true, ...creds }).bucketUrl,
    ).toBe("https://b.s3.eu-west-1.amazonaws.com");
  });

  it("appends the bucket to a custom endpoint, or uses it as the bucket URL when virtual-hosted (delta-rs)", () => {
    const base = { bucket: "b", allowHttp: true, ...creds };
    expect(resolveS3Config({ ...base, endpoint: "http://127.0.0.1:9000/" }).bucketUrl).toBe(
      "http://127.0.0.1:9000/b",
    );
    expect(
      resolveS3Config({ ...base, endpoint: "http://b.localhost:9000", virtualHostedStyle: true }).bucketUrl,
    ).toBe("http://b.localhost:9000");
  });

  it("normalises the prefix and builds the display", () => {
    const config = resolveS3Config({ bucket: "b", prefix: "/x/y/", ...creds });
    expect([config.keyPrefix, config.display]).toEqual(["x/y/", "s3://b/x/y"]);
    expect(resolveS3Config({ bucket: "b", ...creds }).keyPrefix).toBe("");
  });

  it.each([
    [{ bucket: "b/c" }, 'object store: s3://b/c: invalid bucket name "b/c"'],
    [
      { bucket: "b", prefix: "x//y" },
      "object store: s3://b/x//y: the prefix must not contain empty, . or .. segments",
    ],
    [
      { bucket: "b", endpoint: "ftp://127.0.0.1" },
      "object store: s3://b: endpoint ftp://127.0.0.1 must be http(s)",
    ],
    [
      { bucket: "b", endpoint: "http://user:pw@127.0.0.1", allowHttp: true },
      "object store: s3://b: endpoint http://***@127.0.0.1 must not carry credentials; use the key options",
    ],
    [{ bucket: "b", endpoint: "not a url" }, 'object store: s3://b: endpoint "not a url" is not a URL'],
  ])("rejects %j", (options, message) => {
    expect(() => resolveS3Config({ ...creds, ...options })).toThrow(message);
  });
});
