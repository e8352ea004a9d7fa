import type { Deps } from "./_deps.ts";
import { type Outcome, sendViaFetch } from "./_transport.ts";
import { redactSecret } from "./_redact_secret.ts";

/** A page to fetch: its URL with the key (the first page's, then each `next_url`). */
export type PageRequest = { url: string };

/** An attempt's outcome, with timeouts told apart from other failures. */
export type AttemptOutcome = Outcome | { kind: "timeout"; url: string | null };

/**
 * Makes one HTTP attempt with a `timeoutMs` deadline covering the whole body. Throws the
 * caller's abort reason if `signal` aborts.
 */
export async function attempt(
  deps: Deps,
  page: PageRequest,
  signal?: AbortSignal,
): Promise<AttemptOutcome> {
  await deps.reach(signal);
  const timer = new AbortController();
  const id = setTimeout(
    () => timer.abort(new DOMException("Polygon request timed out", "TimeoutError")),
    deps.timeoutMs,
  );
  const combined = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal;
  const startMs = performance.now();
  try {
    let outcome: Outcome;
    try {
      outcome = await sendViaFetch(page.url, combined);
    } catch (e) {
      throw new TypeError(redactSecret((e as Error).message, deps.apiKey));
    }
    signal?.throwIfAborted();
    const result: AttemptOutcome = outcome.kind === "failed" && timer.signal.aborted
      ? { kind: "timeout", url: outcome.url }
      : outcome;
    if (deps.logger.debug) {
      const url = result.url ? redactSecret(result.url, deps.apiKey) : "(no URL)";
      const what = result.kind === "response" ? `HTTP ${result.status}` : result.kind;
      const ms = Math.round(performance.now() - startMs);
      deps.logger.debug(`GET ${url} -> ${what} in ${ms} ms`);
    }
    return result;
  } finally {
    clearTimeout(id);
  }
}
