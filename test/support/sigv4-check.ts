import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Why a request's signature was refused: an S3 error code and a short message. */
export interface SigV4Problem {
  readonly code: string;
  readonly message: string;
}

/**
 * Verifies an AWS SigV4 `Authorization` header the way S3 does: rebuilds the canonical request
 * (re-encoded path, sorted query, signed headers, payload hash header), derives the signing key from
 * the secret and compares signatures. `null` when the request is correctly signed.
 *
 * @example
 * const problem = checkSigV4(req, "/bucket/key", "list-type=2", { accessKeyId: "AK", secretAccessKey: "SK" });
 */
export function checkSigV4(
  req: IncomingMessage,
  rawPath: string,
  rawQuery: string,
  credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  },
): SigV4Problem | null {
  const auth = req.headers.authorization;
  if (auth === undefined) return { code: "AccessDenied", message: "missing Authorization header" };
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (m === null) return { code: "AuthorizationHeaderMalformed", message: "malformed Authorization header" };
  const [, accessKeyId, date, region, signedHeaders, signature] = m as unknown as string[];
  if (accessKeyId !== credentials.accessKeyId)
    return { code: "InvalidAccessKeyId", message: "unknown access key" };
  const amzDate = first(req.headers["x-amz-date"]);
  const payloadHash = first(req.headers["x-amz-content-sha256"]);
  if (amzDate === undefined || !amzDate.startsWith(date!))
    return { code: "AccessDenied", message: "bad X-Amz-Date" };
  if (payloadHash === undefined) return { code: "InvalidRequest", message: "missing X-Amz-Content-Sha256" };
  const names = signedHeaders!.split(";");
  if (!names.includes("host") || !names.includes("x-amz-date")) {
    return { code: "AccessDenied", message: "host and x-amz-date must be signed" };
  }
  if (credentials.sessionToken !== undefined) {
    if (
      first(req.headers["x-amz-security-token"]) !== credentials.sessionToken ||
      !names.includes("x-amz-security-token")
    ) {
      return { code: "InvalidToken", message: "missing or wrong security token" };
    }
  }
  const canonical = [
    req.method ?? "GET",
    canonicalPath(rawPath),
    canonicalQuery(rawQuery),
    `${names.map((n) => `${n}:${(first(req.headers[n]) ?? "").trim().replace(/\s+/g, " ")}`).join("\n")}\n`,
    signedHeaders,
    payloadHash,
  ].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonical)].join("\n");
  let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, date!);
  for (const part of [region!, "s3", "aws4_request"]) key = hmac(key, part);
  const expected = Buffer.from(hmac(key, toSign).toString("hex"));
  const given = Buffer.from(signature!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { code: "SignatureDoesNotMatch", message: "signature mismatch" };
  }
  return null;
}

function canonicalPath(rawPath: string): string {
  return rawPath
    .split("/")
    .map((segment) => rfc3986(decodeURIComponent(segment)))
    .join("/");
}

function canonicalQuery(rawQuery: string): string {
  return [...new URLSearchParams(rawQuery)]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([k1, v1], [k2, v2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
