import { InvalidConfigError } from "../../errors.js";
import type { S3Options } from "./s3-options.js";
import { sanitizeUri } from "./sanitize-uri.js";

/**
 * `S3Options` checked and reduced to what requests need.
 *
 * @example
 * const { bucketUrl, keyPrefix } = resolveS3Config(options);
 */
export interface S3Config {
  /** URL of the bucket without a trailing `/`; object URLs append `/{encoded key}`. */
  readonly bucketUrl: string;
  /** Key prefix inside the bucket: `""` or ending with `/`. */
  readonly keyPrefix: string;
  /** `s3://bucket/prefix`. */
  readonly display: string;
  readonly region: string;
  /** `null` for unsigned requests. */
  readonly credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  } | null;
  readonly retries: number;
}

/**
 * Validates `S3Options` (bucket name, endpoint scheme, complete credentials) and derives the bucket
 * URL the way delta-rs does. Messages name the option, never a credential value.
 *
 * @example
 * resolveS3Config({ bucket: "b", prefix: "p", endpoint: "http://127.0.0.1:9000", allowHttp: true, skipSignature: true });
 * // { bucketUrl: "http://127.0.0.1:9000/b", keyPrefix: "p/", display: "s3://b/p", … }
 */
export function resolveS3Config(options: S3Options): S3Config {
  const { bucket } = options;
  const prefix = (options.prefix ?? "").replace(/^\/+|\/+$/g, "");
  const display = prefix === "" ? `s3://${bucket}` : `s3://${bucket}/${prefix}`;
  const fail = (problem: string) => new InvalidConfigError(`object store: ${display}: ${problem}`);
  if (!/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/.test(bucket)) {
    throw fail(`invalid bucket name ${JSON.stringify(bucket)}`);
  }
  if (prefix.split("/").some((part) => part === "" || part === "." || part === "..") && prefix !== "") {
    throw fail("the prefix must not contain empty, . or .. segments");
  }
  const region = options.region ?? "us-east-1";
  const bucketUrl = bucketUrlOf(options, region, fail);
  return {
    bucketUrl,
    keyPrefix: prefix === "" ? "" : `${prefix}/`,
    display,
    region,
    credentials: credentialsOf(options, fail),
    retries: options.retries ?? 3,
  };
}

function bucketUrlOf(options: S3Options, region: string, fail: (p: string) => Error): string {
  const { endpoint, bucket } = options;
  if (endpoint === undefined) {
    return options.virtualHostedStyle
      ? `https://${bucket}.s3.${region}.amazonaws.com`
      : `https://s3.${region}.amazonaws.com/${bucket}`;
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw fail(`endpoint ${JSON.stringify(sanitizeUri(endpoint))} is not a URL`);
  }
  if (url.username !== "" || url.password !== "") {
    throw fail(`endpoint ${sanitizeUri(endpoint)} must not carry credentials; use the key options`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw fail(`endpoint ${sanitizeUri(endpoint)} must be http(s)`);
  }
  if (url.protocol === "http:" && !options.allowHttp) {
    throw fail(`endpoint ${sanitizeUri(endpoint)} uses http: set AWS_ALLOW_HTTP=true to permit it`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw fail(`endpoint ${sanitizeUri(endpoint)} must not have a query or fragment`);
  }
  const base = url.href.replace(/\/+$/, "");
  return options.virtualHostedStyle ? base : `${base}/${bucket}`;
}

function credentialsOf(options: S3Options, fail: (p: string) => Error): S3Config["credentials"] {
  const { accessKeyId, secretAccessKey, sessionToken } = options;
  if (options.skipSignature) return null;
  if (accessKeyId === undefined && secretAccessKey === undefined) {
    throw fail(
      "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (storage options or environment), or AWS_SKIP_SIGNATURE=true",
    );
  }
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    throw fail(
      `incomplete credentials: ${accessKeyId === undefined ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY"} is missing`,
    );
  }
  return sessionToken === undefined
    ? { accessKeyId, secretAccessKey }
    : { accessKeyId, secretAccessKey, sessionToken };
}
