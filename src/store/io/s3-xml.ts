/**
 * Inner texts of every `<tag>…</tag>` element, in document order, entities decoded. Enough for the
 * flat S3 responses we read (ListObjectsV2, errors); not a general XML parser.
 *
 * @example
 * xmlElements("<a><Key>x&amp;y</Key><Key>z</Key></a>", "Key"); // ["x&y", "z"]
 */
export function xmlElements(xml: string, tag: string): string[] {
  const out: string[] = [];
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${tag}\\s*>)`, "g");
  for (const match of xml.matchAll(pattern)) out.push(unescapeXml(match[1] ?? ""));
  return out;
}

/**
 * Text of the first `<tag>` element, or `undefined`.
 *
 * @example
 * xmlText("<Error><Code>NoSuchKey</Code></Error>", "Code"); // "NoSuchKey"
 */
export function xmlText(xml: string, tag: string): string | undefined {
  return xmlElements(xml, tag)[0];
}

/**
 * Raw (still escaped) inner XML of every `<tag>` element, for nested records like `<Contents>`.
 *
 * @example
 * xmlBlocks("<r><Contents><Key>a</Key></Contents></r>", "Contents"); // ["<Key>a</Key>"]
 */
export function xmlBlocks(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}\\s*>`, "g");
  return [...xml.matchAll(pattern)].map((m) => m[1] ?? "");
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(text);
  if (cdata) return cdata[1]!;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}
