/**
 * Secret redaction: the API key never reaches a log line, an error, a manifest or a report.
 *
 * @module
 */
import type { Config } from "./schema.ts";

/** What a redacted secret is replaced with. */
export const REDACTED = "***";

/**
 * The secrets a config holds (the Polygon API key and the flat files' S3 keys), for
 * {@linkcode redactText}.
 */
export function secretsOf(config: Config): string[] {
  const { accessKeyId, secretAccessKey } = config.source.flatfiles;
  return [config.source.polygon.apiKey, accessKeyId, secretAccessKey].filter(
    (k): k is string => !!k,
  );
}

/** A copy of the config with every secret replaced by `***` (for manifests and reports). */
export function redactConfig(config: Config): Config {
  const copy = structuredClone(config);
  if (copy.source.polygon.apiKey !== null) copy.source.polygon.apiKey = REDACTED;
  const s3 = copy.source.flatfiles;
  if (s3.accessKeyId !== null) s3.accessKeyId = REDACTED;
  if (s3.secretAccessKey !== null) s3.secretAccessKey = REDACTED;
  return copy;
}

/**
 * Replaces every occurrence of each secret, and any `apiKey=`/`apikey=` query value,
 * `Authorization: Bearer` token or SigV4 `Credential=`/`Signature=` value, with `***`.
 *
 * @example
 * ```ts
 * import { redactText } from "./redact.ts";
 * import { equal } from "node:assert/strict";
 * equal(redactText("GET /x?apiKey=abc123&a=1 failed: abc123", ["abc123"]),
 *   "GET /x?apiKey=***&a=1 failed: ***");
 * ```
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join(REDACTED);
  return out
    .replace(/([?&]api[_-]?key=)[^&\s"'#]+/gi, `$1${REDACTED}`)
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, `$1${REDACTED}`)
    .replace(/((?:X-Amz-)?(?:Credential|Signature)=)[^,&\s"']+/gi, `$1${REDACTED}`);
}
