/**
 * How one HTTP attempt is made and what came of it.
 *
 * First pages go through `@polygon.io/client-js` (it builds the endpoint URL and query, and
 * adds `apiKey`); `next_url` pages go through `fetch`. Both end in the same `fetch` call
 * here, so their outcomes are read the same way:
 *
 * - client-js 8.2.0 is a generated axios client whose `pagination: true` follows `next_url`
 *   recursively inside an axios interceptor (all pages in memory, later pages placed BEFORE
 *   earlier ones, no retry, no rate limit, key appended by string concatenation). It has no
 *   method that takes a `next_url` or cursor, and its axios instance is private; so the
 *   client is created with `pagination: false` and cursor pages are fetched here.
 * - Its calls run on axios's `fetch` adapter with `env.fetch` set to {@linkcode
 *   capturingFetch}: the platform fetch, whose status, `Retry-After` and body text are
 *   captured for this attempt (found through an `AsyncLocalStorage`, because axios hides
 *   them behind an `AxiosError` that also holds the keyed URL). Axios's default Node `http`
 *   adapter is avoided: under Deno, after an aborted request it sent the next request twice,
 *   which would burn rate-limit tokens unseen.
 * - Raw transport errors are never kept: their messages can contain the keyed URL.
 *
 * @module
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** What one attempt produced. `url` still holds the key: redact before printing. */
export type Outcome =
  | { kind: "response"; url: string; status: number; retryAfter: string | null; text: string }
  | { kind: "failed"; url: string | null; message: string };

interface Capture {
  url?: string;
  response?: { status: number; retryAfter: string | null; text: string };
  error?: unknown;
}

const captures = new AsyncLocalStorage<Capture>();

/** `fetch` that reads the whole body and records the outcome in the current capture. */
async function capturingFetch(input: URL | Request | string, init?: RequestInit) {
  const capture = captures.getStore() ?? {};
  const request = new Request(input, init);
  capture.url = request.url;
  try {
    const res = await fetch(request);
    const text = await res.text();
    const retryAfter = res.headers.get("retry-after");
    capture.response = { status: res.status, retryAfter, text };
    return new Response(text, { status: res.status, headers: res.headers });
  } catch (error) {
    capture.error = error;
    throw error;
  }
}

/** The axios options every client-js call gets. */
export interface ClientCallOptions {
  adapter: "fetch";
  env: { fetch: typeof capturingFetch };
  responseType: "text";
  signal: AbortSignal;
}

/** A client-js call with its trailing axios options left open. */
export type ClientCall = (options: ClientCallOptions) => Promise<unknown>;

function toOutcome(capture: Capture): Outcome | null {
  if (capture.response) return { kind: "response", url: capture.url!, ...capture.response };
  if (capture.error !== undefined) {
    const e = capture.error;
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { kind: "failed", url: capture.url ?? null, message };
  }
  return null;
}

/** Runs a client-js call once. Throws only when the client failed before sending anything. */
export async function sendViaClient(call: ClientCall, signal: AbortSignal): Promise<Outcome> {
  const capture: Capture = {};
  let thrown: unknown;
  try {
    await captures.run(
      capture,
      () =>
        call({ adapter: "fetch", env: { fetch: capturingFetch }, responseType: "text", signal }),
    );
  } catch (e) {
    thrown = e;
  }
  const outcome = toOutcome(capture);
  if (outcome) return outcome;
  if (signal.aborted) return { kind: "failed", url: null, message: "aborted before sending" };
  const why = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  throw new TypeError(`Cannot call @polygon.io/client-js: it failed before sending (${why})`);
}

/** Fetches a URL (a `next_url` with the key added) once. */
export async function sendViaFetch(url: string, signal: AbortSignal): Promise<Outcome> {
  const capture: Capture = {};
  try {
    await captures.run(capture, () => capturingFetch(url, { signal }));
  } catch {
    // recorded in capture
  }
  return toOutcome(capture) ?? { kind: "failed", url, message: "no response" };
}
