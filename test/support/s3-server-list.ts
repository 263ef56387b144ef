import type { StoredObject } from "./s3-server.js";

/**
 * ListObjectsV2 over one bucket's objects: the response XML, or an error code and message. Keys are
 * ordered by UTF-8 bytes as S3 orders them; every key and common prefix counts toward `max-keys`.
 * Pages hold at most `pageSize` entries. The continuation token is opaque to clients; here it names
 * the last entry returned.
 *
 * @example
 * listV2("b", objects, new URLSearchParams("list-type=2&prefix=a/&delimiter=/"));
 */
export function listV2(
  bucket: string,
  objects: ReadonlyMap<string, StoredObject>,
  query: URLSearchParams,
  pageSize = 1000,
): string | { code: string; message: string } {
  const prefix = query.get("prefix") ?? "";
  const delimiter = query.get("delimiter") ?? "";
  const requested = Number(query.get("max-keys") ?? "1000");
  if (!Number.isInteger(requested) || requested < 0) return { code: "InvalidArgument", message: "max-keys" };
  const maxKeys = Math.min(requested, pageSize);
  const urlEncode = query.get("encoding-type") === "url";
  const token = query.get("continuation-token");
  let after = query.get("start-after") ?? "";
  let skipPrefix = "";
  if (token !== null) {
    try {
      ({ after, skipPrefix } = JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    } catch {
      return { code: "InvalidArgument", message: "The continuation token provided is incorrect" };
    }
  }
  const keys = [...objects.keys()]
    .filter(
      (k) =>
        k.startsWith(prefix) && byteCompare(k, after) > 0 && (skipPrefix === "" || !k.startsWith(skipPrefix)),
    )
    .sort(byteCompare);

  const contents: string[] = [];
  const commonPrefixes: string[] = [];
  let count = 0;
  let truncated = false;
  let last = { after: "", skipPrefix: "" };
  for (const key of keys) {
    const rest = key.slice(prefix.length);
    const cut = delimiter === "" ? -1 : rest.indexOf(delimiter);
    const common = cut < 0 ? null : prefix + rest.slice(0, cut + delimiter.length);
    if (common !== null && common === commonPrefixes[commonPrefixes.length - 1]) continue;
    if (count === maxKeys) {
      truncated = true;
      break;
    }
    count++;
    if (common !== null) {
      commonPrefixes.push(common);
      last = { after: key, skipPrefix: common };
    } else {
      const o = objects.get(key)!;
      contents.push(
        `<Contents><Key>${enc(key, urlEncode)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified>` +
          `<ETag>${escapeXml(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
      );
      last = { after: key, skipPrefix: "" };
    }
  }
  const parts = [
    `<Name>${escapeXml(bucket)}</Name>`,
    `<Prefix>${enc(prefix, urlEncode)}</Prefix>`,
    delimiter === "" ? "" : `<Delimiter>${enc(delimiter, urlEncode)}</Delimiter>`,
    `<MaxKeys>${maxKeys}</MaxKeys>`,
    `<KeyCount>${count}</KeyCount>`,
    `<IsTruncated>${truncated}</IsTruncated>`,
    token === null ? "" : `<ContinuationToken>${escapeXml(token)}</ContinuationToken>`,
    truncated
      ? `<NextContinuationToken>${Buffer.from(JSON.stringify(last)).toString("base64url")}</NextContinuationToken>`
      : "",
    urlEncode ? "<EncodingType>url</EncodingType>" : "",
    ...contents,
    ...commonPrefixes.map((p) => `<CommonPrefixes><Prefix>${enc(p, urlEncode)}</Prefix></CommonPrefixes>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts.join("")}</ListBucketResult>`;
}

/** Escapes text for XML element content. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// S3's encoding-type=url is form encoding: spaces become `+`, `/` stays.
function enc(text: string, urlEncode: boolean): string {
  return urlEncode ? encodeURIComponent(text).replace(/%2F/g, "/").replace(/%20/g, "+") : escapeXml(text);
}

function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
