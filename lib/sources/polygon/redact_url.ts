/**
 * Secret redaction for anything the Polygon source prints: URLs, error messages, log lines.
 *
 * @module
 */

/** The text that replaces a secret. */
export const REDACTED = "REDACTED";

const KEY_PARAM = /([?&;]api_?key=)[^&#\s)"']*/gi;
const BEARER = /(Bearer\s+)[^\s"',)]+/gi;

/**
 * Replaces the value of every `apiKey` query parameter in a URL (or in any text holding
 * URLs) with `REDACTED`, and every `Bearer <token>` with `Bearer REDACTED`.
 *
 * Works on absolute and relative URLs and on free text such as
 * `error sending request for url (https://…?apiKey=…)`; the rest of the text is unchanged.
 * Parameter names matched case-insensitively: `apiKey`, `api_key`.
 *
 * @param url A URL or any text that may contain URLs.
 * @returns The same text with key values replaced.
 *
 * @example
 * ```ts
 * import { redactUrl } from "./redact_url.ts";
 * import { equal } from "node:assert/strict";
 * equal(
 *   redactUrl("https://api.polygon.io/v2/reference/news?cursor=abc&apiKey=s3cret"),
 *   "https://api.polygon.io/v2/reference/news?cursor=abc&apiKey=REDACTED",
 * );
 * ```
 */
export function redactUrl(url: string): string {
  return url.replace(KEY_PARAM, `$1${REDACTED}`).replace(BEARER, `$1${REDACTED}`);
}
