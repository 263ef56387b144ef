import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import type { S3Config } from "./s3-config.js";
import { networkFailure } from "./s3-errors.js";

/**
 * One S3 request before signing.
 *
 * @example
 * const request: S3Request = { method: "GET", key: "a.json", headers: { range: "bytes=0-7" } };
 */
export interface S3Request {
  readonly method: "GET" | "HEAD" | "PUT" | "DELETE";
  /** Key inside the store (the store prefix is added here), or `null` for a bucket-level request. */
  readonly key: string | null;
  /** Query string without `?`, already encoded. */
  readonly query?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
}

/**
 * Signs (SigV4 via aws4fetch) and sends requests to one bucket, retrying 5xx, 429 and network
 * failures with jittered exponential backoff. Returns the last response whatever its status; callers
 * map statuses. Never puts credentials anywhere but the signed headers.
 *
 * @example
 * const transport = new S3Transport(resolveS3Config(options));
 * const response = await transport.send("get", { method: "GET", key: "a.json" });
 */
export class S3Transport {
  readonly config: S3Config;
  private readonly client: AwsClient | null;

  constructor(config: S3Config) {
    this.config = config;
    const { credentials } = config;
    this.client =
      credentials === null
        ? null
        : new AwsClient({ ...credentials, service: "s3", region: config.region, retries: 0 });
  }

  /** The URL of a request: bucket URL, encoded prefixed key, query. */
  urlOf(request: S3Request): string {
    const path = request.key === null ? "" : `/${encodeKey(this.config.keyPrefix + request.key)}`;
    const query = request.query === undefined ? "" : `?${request.query}`;
    return `${this.config.bucketUrl}${path}${query}`;
  }

  /** Sends with retries; `label` names the key or prefix in errors (default: the request key). */
  async send(operation: string, request: S3Request, label = request.key ?? ""): Promise<Response> {
    return (await this.sendTracked(operation, request, label)).response;
  }

  /**
   * Like `send`, and also says whether an earlier attempt may have reached the server (a network
   * failure or a retried 5xx): a conditional PUT that then fails may have failed against itself.
   */
  async sendTracked(
    operation: string,
    request: S3Request,
    label = request.key ?? "",
  ): Promise<{ readonly response: Response; readonly retried: boolean }> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) {
      // A signed payload hash lets the server reject a body damaged in transit.
      headers["x-amz-content-sha256"] = createHash("sha256").update(request.body).digest("hex");
    }
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.config.retries;
      let response: Response;
      try {
        response = await this.fetchOnce(request, headers);
      } catch (error) {
        if (last) throw networkFailure(operation, label, this.config.display, error);
        await backoff(attempt);
        continue;
      }
      if (last || !RETRIED(response.status)) return { response, retried: attempt > 0 };
      await response.body?.cancel();
      await backoff(attempt);
    }
  }

  private async fetchOnce(request: S3Request, headers: Record<string, string>): Promise<Response> {
    const url = this.urlOf(request);
    const init: RequestInit = { method: request.method, headers };
    if (request.body !== undefined) init.body = request.body;
    if (this.client === null) return fetch(url, init);
    return fetch(await this.client.sign(url, init));
  }
}

/**
 * Percent-encodes each `/`-separated segment of a key as SigV4 canonicalises it (RFC 3986: also
 * `!'()*`), so the URL sent and the URL signed are the same string.
 *
 * @example
 * encodeKey("a b/c+d(1).json"); // "a%20b/c%2Bd%281%29.json"
 */
export function encodeKey(key: string): string {
  return key.split("/").map(encodeRfc3986).join("/");
}

/**
 * `encodeURIComponent` plus the five characters it leaves alone that RFC 3986 reserves.
 *
 * @example
 * encodeRfc3986("it's (1)*"); // "it%27s%20%281%29%2A"
 */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

// Throttling and server-side failures; 501 Not Implemented will not change on a retry.
const RETRIED = (status: number) => status === 429 || (status >= 500 && status !== 501);

function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * 50 * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
