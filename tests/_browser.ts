/**
 * Headless-Chromium harness for tests: open a page (usually a report file) with the
 * network cut off, wait until an expression is true, collect page errors and every
 * request that tried to leave the page, and save a screenshot.
 *
 * Drives Debian's /usr/bin/chromium over the DevTools protocol (a WebSocket on
 * `--remote-debugging-port=0`), so nothing is downloaded. Each call starts a fresh
 * browser with a throwaway profile and stops it afterwards.
 *
 * ```ts
 * const page = await openPage(new URL("file:///tmp/report.html"), {
 *   waitFor: "document.querySelectorAll('.main-svg').length >= 2",
 *   screenshot: "tests/artifacts/report.png",
 * });
 * assert.deepEqual(page.errors, []);
 * ```
 */

import { dirname } from "node:path";

/** Chromium binary; override with STRIKELAB_CHROMIUM. */
export const CHROMIUM = Deno.env.get("STRIKELAB_CHROMIUM") ?? "/usr/bin/chromium";

export interface OpenPageOptions {
  /** JavaScript expression polled until truthy (the page is "ready"). */
  waitFor?: string;
  /** Expression evaluated once ready; its JSON value is returned as `value`. */
  evaluate?: string;
  /** PNG path for a full-page screenshot. */
  screenshot?: string;
  /** Viewport size in CSS px. @default { width: 1280, height: 900 } */
  viewport?: { width: number; height: number };
  /** Give up after this long (browser start included). @default 60000 */
  timeoutMs?: number;
}

export interface PageResult {
  /** Uncaught exceptions and console.error messages, in order. */
  errors: string[];
  /** URLs the page tried to load other than the page itself (all were blocked). */
  blockedRequests: string[];
  /** Whether `waitFor` became true before the timeout. */
  ready: boolean;
  /** Value of `evaluate`. */
  value: unknown;
}

type Message = {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
};

/** Opens `url` in headless Chromium with networking disabled; see the module doc. */
export async function openPage(url: URL, options: OpenPageOptions = {}): Promise<PageResult> {
  const {
    waitFor,
    evaluate,
    screenshot,
    viewport = { width: 1280, height: 900 },
    timeoutMs = 60_000,
  } = options;
  const deadline = Date.now() + timeoutMs;
  const profile = await Deno.makeTempDir({ prefix: "strikelab-chromium-" });
  const child = new Deno.Command(CHROMIUM, {
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-extensions",
      "--allow-file-access-from-files",
      `--user-data-dir=${profile}`,
      "--remote-debugging-port=0",
      "about:blank",
    ],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let ws: WebSocket | undefined;
  let cdp: Cdp | undefined;
  try {
    const wsUrl = await devtoolsUrl(child.stderr, deadline);
    ws = new WebSocket(wsUrl);
    const c = cdp = await connect(ws, deadline);
    const { targetId } = await c.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await c.send("Target.attachToTarget", { targetId, flatten: true });
    const s = (method: string, params: Record<string, unknown> = {}) =>
      c.send(method, params, sessionId as string);
    const errors: string[] = [];
    const blockedRequests: string[] = [];
    c.on((msg) => {
      if (msg.sessionId !== sessionId) return;
      const p = msg.params ?? {};
      if (msg.method === "Runtime.exceptionThrown") {
        const d = p.exceptionDetails as { text: string; exception?: { description?: string } };
        errors.push(d.exception?.description ?? d.text);
      } else if (msg.method === "Runtime.consoleAPICalled" && p.type === "error") {
        errors.push(
          (p.args as { value?: unknown; description?: string }[]).map((a) =>
            String(a.value ?? a.description)
          ).join(" "),
        );
      } else if (msg.method === "Fetch.requestPaused") {
        const req = p.request as { url: string };
        if (req.url === url.href) {
          s("Fetch.continueRequest", { requestId: p.requestId }).catch(() => {});
        } else {
          blockedRequests.push(req.url);
          s("Fetch.failRequest", { requestId: p.requestId, errorReason: "BlockedByClient" }).catch(
            () => {},
          );
        }
      }
    });
    await s("Runtime.enable");
    await s("Page.enable");
    await s("Network.enable");
    await s("Network.emulateNetworkConditions", {
      offline: true,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await s("Fetch.enable", { patterns: [{ urlPattern: "*" }] });
    await s("Emulation.setDeviceMetricsOverride", {
      ...viewport,
      deviceScaleFactor: 1,
      mobile: false,
    });
    await s("Page.navigate", { url: url.href });
    let ready = waitFor === undefined;
    while (!ready && Date.now() < deadline) {
      const r = await s("Runtime.evaluate", {
        expression: `Boolean(${waitFor})`,
        returnByValue: true,
      });
      ready = (r.result as { value?: boolean })?.value === true;
      if (!ready) await new Promise((res) => setTimeout(res, 200));
    }
    await new Promise((res) => setTimeout(res, 300)); // let late errors and layout settle
    let value: unknown;
    if (evaluate !== undefined) {
      const r = await s("Runtime.evaluate", {
        expression: evaluate,
        returnByValue: true,
        awaitPromise: true,
      });
      value = (r.result as { value?: unknown })?.value;
    }
    if (screenshot !== undefined) {
      const m = await s("Page.getLayoutMetrics");
      const size = m.cssContentSize as { width: number; height: number };
      const clip = {
        x: 0,
        y: 0,
        width: viewport.width,
        height: Math.min(Math.ceil(size.height), 16_000),
        scale: 1,
      };
      const shot = await s("Page.captureScreenshot", {
        format: "png",
        clip,
        captureBeyondViewport: true,
      });
      await Deno.mkdir(dirname(screenshot), { recursive: true });
      await Deno.writeFile(
        screenshot,
        Uint8Array.from(atob(shot.data as string), (c) => c.charCodeAt(0)),
      );
    }
    return { errors, blockedRequests, ready, value };
  } finally {
    cdp?.close();
    ws?.close();
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
    await child.status;
    await child.stderr.cancel().catch(() => {});
    await Deno.remove(profile, { recursive: true }).catch(() => {});
  }
}

async function devtoolsUrl(stderr: ReadableStream<Uint8Array>, deadline: number): Promise<string> {
  const reader = stderr.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  try {
    while (Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (m) return m[1];
    }
  } finally {
    reader.releaseLock();
  }
  throw new Error(`Chromium did not start its DevTools endpoint:\n${text.slice(-2000)}`);
}

interface Cdp {
  send(
    method: string,
    params?: Record<string, unknown>,
    sessionId?: string,
  ): Promise<Record<string, unknown>>;
  on(listener: (msg: Message) => void): void;
  /** Drops pending calls and their timers. */
  close(): void;
}

function connect(ws: WebSocket, deadline: number): Promise<Cdp> {
  let next = 1;
  type Pending = {
    resolve: (v: Record<string, unknown>) => void;
    reject: (e: Error) => void;
    timer: ReturnType<typeof setTimeout>;
  };
  const pending = new Map<number, Pending>();
  const listeners: ((msg: Message) => void)[] = [];
  ws.onmessage = (ev) => {
    const msg = JSON.parse(ev.data as string) as Message;
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result ?? {});
    } else {
      for (const l of listeners) l(msg);
    }
  };
  const cdp: Cdp = {
    send(method, params = {}, sessionId) {
      const id = next++;
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          if (pending.delete(id)) reject(new Error(`DevTools call ${method} timed out`));
        }, Math.max(1, deadline - Date.now()));
        pending.set(id, { resolve, reject, timer });
      });
    },
    on(listener) {
      listeners.push(listener);
    },
    close() {
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
    },
  };
  return new Promise((resolve, reject) => {
    ws.onopen = () => resolve(cdp);
    ws.onerror = (e) =>
      reject(new Error(`Cannot connect to Chromium: ${(e as ErrorEvent).message}`));
  });
}
