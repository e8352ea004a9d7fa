/**
 * One cluster's connection through `@polygon.io/client-js`'s WebSocket client: connect (the
 * client sends `auth` on open), subscribe, hand over bars, and reconnect with backoff when
 * the connection is lost, stalls or is cut off as a slow consumer. A refused key is fatal.
 *
 * @module
 */
import {
  getIndicesWebsocket,
  getOptionsWebsocket,
  getStocksWebsocket,
} from "@polygon.io/client-js";
import { type BarEvent, type Cluster, parseFrame } from "../sources/polygon/mod.ts";
import { backoffDelayMs } from "./backoff.ts";

/** The key was refused: the stream stops at once (exit 1). */
export class StreamAuthError extends Error {
  constructor(cluster: string, message: string) {
    super(
      `Polygon's /${cluster} WebSocket refused the API key (auth_failed: ${message}): check POLYGON_API_KEY and that your plan includes this feed`,
    );
    this.name = "StreamAuthError";
  }
}

/** What a link reports to the runner. */
export interface LinkHooks {
  onBars(cluster: Cluster, bars: BarEvent[]): void;
  /** Subscribed (every param acknowledged): live from now. */
  onUp(cluster: Cluster): void;
  /** Lost (or abandoned) the connection. */
  onDown(cluster: Cluster, reason: string): void;
  onFatal(error: Error): void;
  onBad(reason: string): void;
  warn(message: string): void;
}

/** Options of a link. */
export interface LinkOptions {
  cluster: Cluster;
  /** `wss://socket.polygon.io` or the fake's `ws://127.0.0.1:<port>`. */
  wsUrl: string;
  apiKey: string;
  backoffBaseMs: number;
  backoffMaxMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  hooks: LinkHooks;
}

type W3cSocket = ReturnType<typeof getStocksWebsocket>;
const OPEN = {
  stocks: getStocksWebsocket,
  options: getOptionsWebsocket,
  indices: getIndicesWebsocket,
};

/** A cluster link: call {@linkcode Link.start}, {@linkcode Link.subscribe}, {@linkcode Link.stop}. */
export class Link {
  readonly params = new Set<string>();
  connected = false;
  up = false;
  reconnects = 0;
  /** performance.now() of the last message. */
  lastMessageAt = performance.now();
  #socket: W3cSocket | null = null;
  #stopped = false;
  #attempt = 0;
  #kick: (() => void) | null = null;
  #pendingAcks = 0;

  constructor(readonly o: LinkOptions) {}

  /** Runs connect → subscribe → read → reconnect until {@linkcode Link.stop}. */
  async start(): Promise<void> {
    while (!this.#stopped) {
      const reason = await this.#session();
      if (this.#stopped) break;
      if (this.up || this.connected) this.o.hooks.onDown(this.o.cluster, reason);
      this.up = this.connected = false;
      const wait = backoffDelayMs(this.#attempt++, {
        baseMs: this.o.backoffBaseMs,
        maxMs: this.o.backoffMaxMs,
        random: this.o.random,
      });
      this.o.hooks.warn(`/${this.o.cluster}: ${reason}; reconnecting in ${Math.round(wait)} ms`);
      await this.o.sleep(wait);
      this.reconnects++;
    }
  }

  /** Adds subscriptions (sent now when connected, else on the next connection). */
  subscribe(params: readonly string[]): void {
    const fresh = params.filter((p) => !this.params.has(p));
    for (const p of fresh) this.params.add(p);
    if (fresh.length && this.connected) {
      this.#pendingAcks += fresh.length;
      this.#send({ action: "subscribe", params: fresh.join(",") });
    }
  }

  /** Drops the connection so that the loop reconnects (a stall). */
  restart(reason: string): void {
    this.o.hooks.warn(`/${this.o.cluster}: ${reason}`);
    this.#close();
  }

  stop(): void {
    this.#stopped = true;
    this.#close();
    this.#kick?.();
  }

  #send(msg: unknown) {
    try {
      this.#socket?.send(JSON.stringify(msg));
    } catch { /* closed under us: the loop reconnects */ }
  }

  #close() {
    try {
      this.#socket?.close();
    } catch { /* already closed */ }
  }

  /** One connection; resolves with why it ended. */
  #session(): Promise<string> {
    return new Promise<string>((resolve) => {
      let said = "";
      const socket = OPEN[this.o.cluster](this.o.apiKey, this.o.wsUrl);
      this.#socket = socket;
      this.#kick = () => resolve("stopped");
      this.lastMessageAt = performance.now();
      socket.onerror = () => (said ||= "connection error");
      socket.onclose = (e: { code?: number; reason?: string }) =>
        resolve(said || `connection closed (${e.code ?? "?"}${e.reason ? ` ${e.reason}` : ""})`);
      socket.onmessage = (m: { data: unknown }) => {
        this.lastMessageAt = performance.now();
        const frame = parseFrame(String(m.data));
        for (const b of frame.bad) this.o.hooks.onBad(b);
        if (frame.bars.length) this.o.hooks.onBars(this.o.cluster, frame.bars);
        for (const s of frame.statuses) {
          if (s.status === "auth_failed") {
            this.#stopped = true;
            this.o.hooks.onFatal(new StreamAuthError(this.o.cluster, s.message));
          } else if (s.status === "auth_success") {
            this.connected = true;
            const params = [...this.params];
            this.#pendingAcks = params.length;
            // With nothing to subscribe to yet (options before the selection) it is not live.
            if (params.length) this.#send({ action: "subscribe", params: params.join(",") });
          } else if (s.status === "success" && s.message.startsWith("subscribed to")) {
            if (--this.#pendingAcks <= 0 && !this.up) this.#markUp();
          } else if (s.status === "error" || s.status === "max_connections") {
            said = `server said ${s.status}: ${s.message}`;
          }
        }
      };
    });
  }

  #markUp() {
    this.up = true;
    this.#attempt = 0;
    this.o.hooks.onUp(this.o.cluster);
  }
}
