import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { escapeXml, listV2 } from "./s3-server-list.js";
import { checkSigV4 } from "./sigv4-check.js";

/** One request as the server saw it (key decoded), for tests that assert what the client sent. */
export interface RecordedRequest {
  readonly method: string;
  readonly bucket: string;
  readonly key: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** An injected error answer: status plus S3 error code. */
export interface InjectedError {
  readonly status: number;
  readonly code: string;
}

export interface S3ServerOptions {
  /** Buckets that exist from the start (default: none; create them with CreateBucket). */
  readonly buckets?: readonly string[];
  /** When set, every request must carry a valid SigV4 `Authorization` header for these credentials. */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  /** Largest ListObjectsV2 page the server returns (AWS: 1000), to exercise continuation tokens. */
  readonly pageSize?: number;
  /** Called before a request is served; an `InjectedError` is answered instead. For fault tests. */
  readonly intercept?: (request: RecordedRequest) => InjectedError | undefined;
  /**
   * Called after a PUT was applied; an `InjectedError` replaces the real answer, as when a response
   * is lost on the way back. For tests of ambiguous conditional writes.
   */
  readonly loseResponse?: (request: RecordedRequest) => InjectedError | undefined;
}

export interface S3Server {
  /** `http://127.0.0.1:<port>`: path-style, `{endpoint}/{bucket}/{key}`. */
  readonly endpoint: string;
  readonly requests: readonly RecordedRequest[];
  /** Objects of one bucket by key (live view), for assertions. */
  objects(bucket: string): ReadonlyMap<string, StoredObject>;
  close(): Promise<void>;
}

export interface StoredObject {
  readonly body: Buffer;
  readonly etag: string;
  readonly lastModified: Date;
}

/**
 * Starts the project's own small S3-compatible server on 127.0.0.1 (random port), in memory,
 * path-style. It honours what third-party test servers ignore: `If-None-Match: *` and `If-Match` on
 * PUT (412). Also GET/HEAD with `Range` (206 + Content-Range), DELETE, ListObjectsV2 (prefix,
 * delimiter, max-keys, continuation-token, start-after, encoding-type=url), CreateBucket, and
 * `aws-chunked` bodies.
 *
 * @example
 * const server = await startS3Server({ buckets: ["b"] });
 * const store = new S3ObjectStore({ bucket: "b", endpoint: server.endpoint, allowHttp: true, skipSignature: true });
 * await server.close();
 */
export async function startS3Server(options: S3ServerOptions = {}): Promise<S3Server> {
  const buckets = new Map<string, Map<string, StoredObject>>();
  for (const name of options.buckets ?? []) buckets.set(name, new Map());
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, "InternalError", String(error));
      else res.destroy();
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? "/";
    const queryAt = rawUrl.indexOf("?");
    const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? "" : rawUrl.slice(queryAt + 1));
    const slash = rawPath.indexOf("/", 1);
    const bucket = decodeURIComponent(slash < 0 ? rawPath.slice(1) : rawPath.slice(1, slash));
    const key = slash < 0 ? "" : decodeURIComponent(rawPath.slice(slash + 1));
    const method = req.method ?? "GET";
    const recorded: RecordedRequest = { method, bucket, key, query, headers: req.headers };
    requests.push(recorded);
    const body = await readBody(req);

    if (options.credentials !== undefined) {
      const problem = checkSigV4(
        req,
        rawPath,
        queryAt < 0 ? "" : rawUrl.slice(queryAt + 1),
        options.credentials,
      );
      if (problem !== null) return sendError(res, 403, problem.code, problem.message);
    }
    const declared = header(req, "x-amz-content-sha256");
    if (declared !== undefined && /^[0-9a-f]{64}$/.test(declared)) {
      if (createHash("sha256").update(body).digest("hex") !== declared) {
        return sendError(res, 400, "XAmzContentSHA256Mismatch", "payload hash mismatch");
      }
    }
    const injected = options.intercept?.(recorded);
    if (injected !== undefined) return sendError(res, injected.status, injected.code, "injected");

    if (bucket === "") return sendError(res, 400, "InvalidRequest", "path-style requests only");
    if (key === "" && method === "PUT") {
      if (!buckets.has(bucket)) buckets.set(bucket, new Map());
      res.writeHead(200, { location: `/${bucket}` }).end();
      return;
    }
    const objects = buckets.get(bucket);
    if (objects === undefined)
      return sendError(res, 404, "NoSuchBucket", "The specified bucket does not exist");
    if (key === "") {
      if (method !== "GET") return sendError(res, 405, "MethodNotAllowed", method);
      const xml = listV2(bucket, objects, query, options.pageSize ?? 1000);
      if (typeof xml !== "string") return sendError(res, 400, xml.code, xml.message);
      res.writeHead(200, { "content-type": "application/xml" }).end(xml);
      return;
    }
    switch (method) {
      case "PUT": {
        const outcome = applyPut(req, objects, key, decodeBody(req, body));
        const lost = options.loseResponse?.(recorded);
        if (lost !== undefined) return sendError(res, lost.status, lost.code, "injected after the write");
        if (outcome.status === 412) return sendError(res, 412, "PreconditionFailed", PRECONDITION_FAILED);
        res.writeHead(200, { etag: outcome.etag }).end();
        return;
      }
      case "GET":
      case "HEAD":
        return getObject(req, res, objects.get(key), method === "HEAD");
      case "DELETE":
        objects.delete(key);
        res.writeHead(204).end();
        return;
      default:
        return sendError(res, 405, "MethodNotAllowed", method);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    objects: (bucket) => buckets.get(bucket) ?? new Map(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const PRECONDITION_FAILED = "At least one of the pre-conditions you specified did not hold";

function applyPut(
  req: IncomingMessage,
  objects: Map<string, StoredObject>,
  key: string,
  body: Buffer,
): { status: 200; etag: string } | { status: 412 } {
  // The body is complete here and the check-and-set below is synchronous: conditional PUTs of one
  // key are serialised, exactly one of them wins.
  const existing = objects.get(key);
  const ifNoneMatch = header(req, "if-none-match");
  if (
    ifNoneMatch !== undefined &&
    existing !== undefined &&
    (ifNoneMatch === "*" || ifNoneMatch === existing.etag)
  ) {
    return { status: 412 };
  }
  const ifMatch = header(req, "if-match");
  if (ifMatch !== undefined && (existing === undefined || (ifMatch !== "*" && ifMatch !== existing.etag))) {
    return { status: 412 };
  }
  const etag = `"${createHash("md5").update(body).digest("hex")}"`;
  objects.set(key, { body, etag, lastModified: new Date() });
  return { status: 200, etag };
}

function getObject(
  req: IncomingMessage,
  res: ServerResponse,
  object: StoredObject | undefined,
  headOnly: boolean,
): void {
  if (object === undefined) {
    if (headOnly) return void res.writeHead(404).end();
    sendError(res, 404, "NoSuchKey", "The specified key does not exist.");
    return;
  }
  const common = {
    etag: object.etag,
    "last-modified": object.lastModified.toUTCString(),
    "accept-ranges": "bytes",
  };
  const ifMatch = header(req, "if-match");
  if (ifMatch !== undefined && ifMatch !== "*" && ifMatch !== object.etag) {
    sendError(res, 412, "PreconditionFailed", "If-Match failed");
    return;
  }
  const ifNoneMatch = header(req, "if-none-match");
  if (ifNoneMatch !== undefined && (ifNoneMatch === "*" || ifNoneMatch === object.etag)) {
    return void res.writeHead(304, common).end();
  }
  const size = object.body.length;
  const range = header(req, "range");
  if (range === undefined) {
    res.writeHead(200, { ...common, "content-length": size });
    return void res.end(headOnly ? undefined : object.body);
  }
  const parsed = parseRange(range, size);
  if (parsed === null) {
    sendError(res, 416, "InvalidRange", "The requested range is not satisfiable", {
      "content-range": `bytes */${size}`,
    });
    return;
  }
  const [first, last] = parsed;
  res.writeHead(206, {
    ...common,
    "content-length": last - first + 1,
    "content-range": `bytes ${first}-${last}/${size}`,
  });
  res.end(headOnly ? undefined : object.body.subarray(first, last + 1));
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` as inclusive `[first, last]`, or `null` if unsatisfiable. */
function parseRange(range: string, size: number): [number, number] | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (m === null || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const n = Number(m[2]);
    return n === 0 || size === 0 ? null : [Math.max(0, size - n), size - 1];
  }
  const first = Number(m[1]);
  const last = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  return first >= size || last < first ? null : [first, last];
}

/** Strips `aws-chunked` framing (`<hex size>[;chunk-signature=…]\r\n<data>\r\n … 0…\r\n<trailers>`). */
function decodeBody(req: IncomingMessage, body: Buffer): Buffer {
  const encoding = header(req, "content-encoding") ?? "";
  const sha = header(req, "x-amz-content-sha256") ?? "";
  if (!encoding.includes("aws-chunked") && !sha.startsWith("STREAMING-")) return body;
  const parts: Buffer[] = [];
  let pos = 0;
  while (pos < body.length) {
    const lineEnd = body.indexOf("\r\n", pos);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(pos, lineEnd).toString("latin1").split(";")[0]!, 16);
    pos = lineEnd + 2;
    if (!(size > 0)) break;
    parts.push(body.subarray(pos, pos + size));
    pos += size + 2;
  }
  return Buffer.concat(parts);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`;
  res.writeHead(status, { "content-type": "application/xml", ...extra }).end(xml);
}
