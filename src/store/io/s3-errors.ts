import { ObjectStoreError } from "../../errors.js";
import { xmlText } from "./s3-xml.js";

/**
 * An `ObjectStoreError` for a failed S3 response, naming operation, key, store and HTTP status plus
 * the S3 error code (`NoSuchBucket`, `AccessDenied`…). The response's message and other fields are
 * left out on purpose: servers echo things like the access key id there.
 *
 * @example
 * throw await s3Failure("get", "a.json", "s3://b/p", response); // "… failed: HTTP 403 AccessDenied"
 */
export async function s3Failure(
  operation: string,
  key: string,
  display: string,
  response: Response,
): Promise<ObjectStoreError> {
  const code = await s3ErrorCode(response);
  const suffix = code === undefined ? "" : ` ${code}`;
  return new ObjectStoreError(
    `object store: ${operation} ${JSON.stringify(key)} in ${display} failed: HTTP ${response.status}${suffix}`,
  );
}

/**
 * The `<Code>` of an S3 error body, if it looks like one (letters, digits, dots only); consumes the body.
 *
 * @example
 * await s3ErrorCode(response); // "PreconditionFailed"
 */
export async function s3ErrorCode(response: Response): Promise<string | undefined> {
  if (response.bodyUsed) return undefined;
  const body = await response.text().catch(() => "");
  const code = xmlText(body.slice(0, 4096), "Code");
  return code !== undefined && /^[A-Za-z0-9.]{1,64}$/.test(code) ? code : undefined;
}

/**
 * An `ObjectStoreError` for a request that got no response (refused, reset, DNS). The cause is kept
 * for its system error code; it never holds request headers.
 *
 * @example
 * throw networkFailure("put", "a.json", "s3://b", error); // "… failed: no response (ECONNREFUSED)"
 */
export function networkFailure(
  operation: string,
  key: string,
  display: string,
  error: unknown,
): ObjectStoreError {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === "string" ? ` (${cause.code})` : "";
  return new ObjectStoreError(
    `object store: ${operation} ${JSON.stringify(key)} in ${display} failed: no response${code}`,
    { cause: error },
  );
}
