/**
 * How one HTTP attempt is made and what came of it: the platform `fetch`, whose status,
 * `Retry-After` and body text are captured for the attempt, so the retry policy
 * (`_fetch_page.ts`) reads every page the same way. Raw transport errors are never kept:
 * their messages can contain the keyed URL.
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

function toOutcome(capture: Capture): Outcome | null {
  if (capture.response) return { kind: "response", url: capture.url!, ...capture.response };
  if (capture.error !== undefined) {
    const e = capture.error;
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { kind: "failed", url: capture.url ?? null, message };
  }
  return null;
}

/** Fetches a page URL (with the key) once. */
export async function sendViaFetch(url: string, signal: AbortSignal): Promise<Outcome> {
  const capture: Capture = {};
  try {
    await captures.run(capture, () => capturingFetch(url, { signal }));
  } catch {
    // recorded in capture
  }
  return toOutcome(capture) ?? { kind: "failed", url, message: "no response" };
}
