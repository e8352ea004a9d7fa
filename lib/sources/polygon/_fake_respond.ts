import type { Fault } from "./_fake_decide.ts";

/** Polygon's error bodies (`status: "ERROR"` with `error`), or a gateway's HTML for 502/503. */
export function errorResponse(status: number, requestId: string, error: string, headers = {}) {
  if (status === 502 || status === 503) {
    const title = status === 502 ? "502 Bad Gateway" : "503 Service Temporarily Unavailable";
    return new Response(
      `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
      {
        status,
        headers: { "content-type": "text/html", ...headers },
      },
    );
  }
  const body = status === 404
    ? { status: "NOT_FOUND", request_id: requestId, message: error }
    : { status: "ERROR", request_id: requestId, error };
  return Response.json(body, { status, headers });
}

/** The answer to a fault that replaces the real response, or null for slow/truncated. */
export function faultResponse(fault: Fault, requestId: string): Response | null {
  if (fault.kind === "rateLimit") {
    return errorResponse(
      429,
      requestId,
      "You've exceeded the maximum requests per minute, please wait or upgrade your " +
        "subscription to continue. https://polygon.io/pricing",
      { "retry-after": String(fault.retryAfterS) },
    );
  }
  if (fault.kind === "serverError") {
    return errorResponse(fault.status, requestId, "Internal Server Error");
  }
  return null;
}

/** A 200 JSON response, cut to a fraction of its length for the truncated fault. */
export function jsonResponse(body: unknown, fault: Fault | null): Response {
  let text = JSON.stringify(body);
  if (fault?.kind === "truncated") {
    text = text.slice(
      0,
      Math.max(1, Math.min(text.length - 1, Math.floor(text.length * fault.keepFraction))),
    );
  }
  return new Response(text, { headers: { "content-type": "application/json" } });
}

/** Waits `ms`, or less if `signal` aborts (the client went away or the server closes). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const id = setTimeout(done, ms);
    function done() {
      clearTimeout(id);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
