import { z } from "zod";
import { attempt, type PageRequest } from "./_attempt.ts";
import type { Deps, Subject } from "./_deps.ts";
import { redactSecret } from "./_redact_secret.ts";
import { fullJitterMs, retryAfterMs } from "./_retry_delay.ts";
import {
  PolygonAuthError,
  PolygonEntitlementError,
  PolygonRequestError,
  PolygonResponseError,
} from "./errors.ts";
import { isInvalidJson } from "./schemas.ts";

/** Polygon's error text from an error body (`error` or `message`), if any. */
function serverMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const said = body.error ?? body.message;
    return typeof said === "string" ? said.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fetches and parses one page, under the rate limiter, retrying 429, 5xx, timeouts, network
 * errors and invalid JSON up to `maxRetries` times: after `Retry-After` when the server sent
 * one, capped at `maxRetryAfterMs` (which also pauses the shared limiter), else after a
 * full-jitter backoff; either way the retry counts against `maxRetries`. 401 throws
 * {@linkcode PolygonAuthError} at once, 403 {@linkcode PolygonEntitlementError}; other 4xx throw {@linkcode PolygonRequestError}
 * at once; a body of the wrong shape throws {@linkcode PolygonResponseError} at once.
 */
export async function fetchPage<T>(
  deps: Deps,
  schema: z.ZodType<T, string>,
  page: PageRequest,
  subject: Subject,
  signal?: AbortSignal,
): Promise<T> {
  const { apiKey, maxRetries, logger } = deps;
  const redact = (s: string) => redactSecret(s, apiKey);
  let fallbackUrl = redact(page.url);
  for (let n = 0;; n++) {
    await deps.bucket.take(signal);
    const outcome = await attempt(deps, page, signal);
    const url = outcome.url ? redact(outcome.url) : fallbackUrl;
    fallbackUrl = url;
    const context = { ...subject, url };
    const attempts = n + 1;
    let reason: string;
    let status: number | null = null;
    let waitMs: number | null = null;
    let final: () => Error;
    if (outcome.kind === "response") {
      status = outcome.status;
      const said = serverMessage(outcome.text);
      if (status === 403) throw new PolygonEntitlementError(context, said && redact(said));
      if (status === 401) throw new PolygonAuthError(status, context, said && redact(said));
      if (status >= 200 && status < 300) {
        const parsed = schema.safeParse(outcome.text);
        if (parsed.success) return parsed.data;
        const problems = redact(z.prettifyError(parsed.error));
        const error = new PolygonResponseError(problems, { context, cause: parsed.error });
        if (!isInvalidJson(parsed.error)) throw error;
        reason = "invalid JSON";
        final = () =>
          new PolygonResponseError(`${problems}\n(after ${attempts} attempts)`, {
            context,
            cause: parsed.error,
          });
      } else if (status === 429 || status >= 500) {
        reason = `HTTP ${status}${said ? `: ${redact(said)}` : ""}`;
        const askedMs = retryAfterMs(outcome.retryAfter, deps.clock());
        waitMs = askedMs === null ? null : Math.min(askedMs, deps.maxRetryAfterMs);
        if (askedMs !== null && askedMs > deps.maxRetryAfterMs) {
          reason += ` (Retry-After ${Math.round(askedMs / 1000)} s capped at ${
            Math.round(deps.maxRetryAfterMs / 1000)
          } s: source.polygon.maxRetryAfterMs)`;
        }
        final = () => new PolygonRequestError(reason, { status, attempts, context });
      } else {
        reason = `HTTP ${status}${said ? `: ${redact(said)}` : ""}`;
        throw new PolygonRequestError(reason, { status, attempts, context });
      }
    } else {
      reason = outcome.kind === "timeout"
        ? `timed out after ${deps.timeoutMs} ms`
        : `network error: ${redact(outcome.message)}`;
      final = () => new PolygonRequestError(reason, { status: null, attempts, context });
    }
    if (n >= maxRetries) throw final();
    if (waitMs !== null) deps.bucket.pauseUntil(deps.clock() + waitMs);
    const delayMs = waitMs ?? fullJitterMs(n, {
      baseMs: deps.baseDelayMs,
      maxMs: deps.maxDelayMs,
      random: deps.random,
    });
    logger.warn?.(
      `Polygon ${subject.what} of ${subject.ticker} for ${subject.date}: ${reason}; ` +
        `retry ${n + 1}/${maxRetries} in ${delayMs} ms (GET ${url})`,
    );
    if (waitMs === null) await deps.sleep(delayMs, signal);
  }
}
