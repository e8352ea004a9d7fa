import { REDACTED, redactUrl } from "./redact_url.ts";

/**
 * Redacts key parameters (as {@linkcode redactUrl}) and every literal occurrence of
 * `secret`, raw or URL-encoded, anywhere in `text`.
 */
export function redactSecret(text: string, secret: string): string {
  let out = redactUrl(text);
  if (secret.length === 0) return out;
  for (const form of new Set([secret, encodeURIComponent(secret)])) {
    out = out.split(form).join(REDACTED);
  }
  return out;
}
