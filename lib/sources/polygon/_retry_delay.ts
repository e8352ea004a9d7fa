/**
 * Full-jitter exponential backoff: a uniform draw in `[0, min(maxMs, baseMs * 2^attempt))`
 * (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015).
 *
 * @param attempt 0 for the first retry.
 * @param random A draw in [0, 1).
 */
export function fullJitterMs(
  attempt: number,
  options: { baseMs: number; maxMs: number; random: () => number },
): number {
  const { baseMs, maxMs, random } = options;
  const capMs = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.floor(random() * capMs);
}

/**
 * Milliseconds to wait according to a `Retry-After` header value, or null when absent or
 * unreadable. Accepts delta-seconds (`"3"`, also `"1.5"`) and an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`), the latter measured from `nowMs`. Never negative.
 */
export function retryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const dateMs = Date.parse(text);
  if (Number.isNaN(dateMs) || !/[a-z]/i.test(text)) return null;
  return Math.max(0, dateMs - nowMs);
}
