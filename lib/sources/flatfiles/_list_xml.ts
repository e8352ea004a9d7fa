/**
 * The few fields of S3's XML answers the client needs: a `ListObjectsV2` page and an error.
 *
 * @module
 */

/** One object of a listing. */
export interface S3Object {
  key: string;
  /** Bytes. */
  size: number;
  /** The ETag without quotes (the MD5 of the content for a single-part upload). */
  etag: string;
}

const unescape = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const tag = (xml: string, name: string) => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m === null ? null : unescape(m[1]);
};

/** Parses a `ListBucketResult` page: its objects and the token of the next page. */
export function parseListPage(xml: string): { objects: S3Object[]; next: string | null } {
  const objects: S3Object[] = [];
  for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
    const key = tag(m[1], "Key"), size = tag(m[1], "Size"), etag = tag(m[1], "ETag");
    if (key === null || size === null) throw new TypeError("a <Contents> without Key or Size");
    objects.push({ key, size: Number(size), etag: (etag ?? "").replace(/"/g, "") });
  }
  const truncated = tag(xml, "IsTruncated") === "true";
  return { objects, next: truncated ? tag(xml, "NextContinuationToken") : null };
}

/** The `<Code>` and `<Message>` of an S3 error body, when it has them. */
export function parseS3Error(xml: string): { code: string | null; message: string | null } {
  return { code: tag(xml, "Code"), message: tag(xml, "Message") };
}
