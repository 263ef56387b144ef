// Query parameters that carry secrets: SigV4 presigning, Azure SAS, GCS signed URLs, generic tokens.
const SECRET_PARAM = /sig|signature|token|secret|password|passwd|pwd|credential|key|auth|sas/i;

/**
 * A URI that is safe to log: user info (`user:pass@`) becomes `***@` and the values of secret-looking
 * query parameters (`X-Amz-Signature`, `X-Amz-Credential`, `X-Amz-Security-Token`, `sig`, `token`…)
 * become `***`. Anything that is not a `scheme://` URI (a local path) comes back unchanged.
 *
 * @example
 * sanitizeUri("s3://AKIA:secret@bucket/p?X-Amz-Signature=abc&versionId=3");
 * // "s3://***@bucket/p?X-Amz-Signature=***&versionId=3"
 */
export function sanitizeUri(uri: string): string {
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(uri);
  if (scheme === null) return uri;
  const start = scheme[0].length;
  const hashAt = indexOrEnd(uri, "#", start);
  const queryAt = indexOrEnd(uri.slice(0, hashAt), "?", start);
  let authorityEnd = Math.min(indexOrEnd(uri, "/", start), queryAt);
  let at = uri.lastIndexOf("@", authorityEnd - 1);
  // Secret keys may contain `/` (unencoded by careless callers): with `user:` ahead of a later `@`,
  // mask up to that `@` even if a path segment gets masked too.
  const lastAt = uri.lastIndexOf("@", queryAt - 1);
  const colon = uri.indexOf(":", start);
  if (at < start && lastAt >= start && colon >= start && colon < lastAt) {
    at = lastAt;
    authorityEnd = Math.min(indexOrEnd(uri, "/", at), queryAt);
  }
  const authority = at >= start ? `***@${uri.slice(at + 1, authorityEnd)}` : uri.slice(start, authorityEnd);
  const path = uri.slice(authorityEnd, queryAt);
  const query = queryAt < hashAt ? `?${maskQuery(uri.slice(queryAt + 1, hashAt))}` : "";
  return `${scheme[0]}${authority}${path}${query}${uri.slice(hashAt)}`;
}

function maskQuery(query: string): string {
  return query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name);
      } catch {
        // keep the raw name: it is only matched, never shown decoded
      }
      return SECRET_PARAM.test(name) ? `${pair.slice(0, eq)}=***` : pair;
    })
    .join("&");
}

function indexOrEnd(text: string, char: string, from: number): number {
  const i = text.indexOf(char, from);
  return i < 0 ? text.length : i;
}
