/**
 * One client connection of the fake WebSocket server: auth, subscriptions, and the frames
 * of each published minute with the connection's faults applied.
 *
 * @module
 */
import type { MinuteBar } from "../../market/mod.ts";
import type { FakeWsFaults } from "./fake_ws_faults.ts";
import { barToWire, type Cluster, clusterOf } from "./ws_wire.ts";

/** The server side a connection needs. */
export interface ConnHost {
  apiKey: string;
  faults(): FakeWsFaults;
  /** Loads (once) the bars of a ticker by minute start. */
  bars(ticker: string): Promise<Map<number, MinuteBar>>;
  onSubscribed(): void;
  count(what: "frames" | "events" | "fault", n?: number): void;
}

const status = (s: string, message: string) => ({ ev: "status", status: s, message });

/** A client of one cluster. */
export class FakeWsConn {
  authed = false;
  silent = false;
  closed = false;
  /** `AM.SPY` style params; only those of this cluster publish. */
  readonly subs = new Set<string>();
  #held: string[] | null = null;

  constructor(readonly socket: WebSocket, readonly cluster: Cluster, readonly host: ConnHost) {}

  send(payload: unknown): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(typeof payload === "string" ? payload : JSON.stringify(payload));
  }

  close(code = 1000, reason = ""): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.socket.close(code, reason);
    } catch { /* already closing */ }
  }

  /** Handles one client message (`auth`, `subscribe`, `unsubscribe`). */
  async onMessage(text: string): Promise<void> {
    let msg: { action?: string; params?: string };
    try {
      msg = JSON.parse(text);
    } catch {
      return this.send([status("error", "Could not parse message")]);
    }
    if (msg.action === "auth") {
      if (this.host.faults().refuseAuth || msg.params !== this.host.apiKey) {
        if (this.host.faults().refuseAuth) this.host.count("fault");
        this.send([status("auth_failed", "authentication failed")]);
        return this.close(1008, "authentication failed");
      }
      this.authed = true;
      return this.send([status("auth_success", "authenticated")]);
    }
    if (!this.authed) return this.send([status("error", "not authorized")]);
    const params = (msg.params ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    if (msg.action === "subscribe") {
      await Promise.all(params.map((p) => this.#load(p)));
      for (const p of params) this.subs.add(p);
      this.send(params.map((p) => status("success", `subscribed to: ${p}`)));
      this.host.onSubscribed();
    } else if (msg.action === "unsubscribe") {
      for (const p of params) this.subs.delete(p);
      this.send(params.map((p) => status("success", `unsubscribed to: ${p}`)));
    } else this.send([status("error", `unknown action ${msg.action}`)]);
  }

  async #load(param: string): Promise<void> {
    const ticker = param.replace(/^(AM|A)\./, "");
    if (clusterOf(ticker) === this.cluster) await this.host.bars(ticker).catch(() => {});
  }

  /** The frames of one minute for this connection (events batched `batchSize` a frame). */
  async frames(minuteTs: number, batchSize: number): Promise<string[]> {
    const events: unknown[] = [];
    for (const p of this.subs) {
      if (!p.startsWith("AM.")) continue; // second aggregates: the replay has minutes only
      const ticker = p.slice(3);
      if (clusterOf(ticker) !== this.cluster) continue;
      const bar = (await this.host.bars(ticker).catch(() => null))?.get(minuteTs);
      if (bar) events.push(barToWire("AM", ticker, bar));
    }
    const out: string[] = [];
    for (let i = 0; i < events.length; i += batchSize) {
      out.push(JSON.stringify(events.slice(i, i + batchSize)));
    }
    return out;
  }

  /** Publishes one minute, applying this minute's faults. */
  publish(index: number, frames: string[], maxBufferedBytes: number, last = false): void {
    if (!this.authed || this.silent || this.closed) return;
    const f = this.host.faults();
    let out = frames;
    if (f.duplicateEvery && index % f.duplicateEvery === f.duplicateEvery - 1) {
      out = [...frames, ...frames];
      this.host.count("fault");
    }
    if (this.#held) {
      out = [...out, ...this.#held];
      this.#held = null;
    } else if (
      !last && f.outOfOrderEvery && index % f.outOfOrderEvery === 0 && out.length > 0
    ) {
      this.#held = out;
      this.host.count("fault");
      out = [];
    }
    for (const frame of out) this.send(frame);
    this.host.count("frames", out.length);
    const buffered = (this.socket as { bufferedAmount?: number }).bufferedAmount ?? 0;
    if (f.slowConsumer?.includes(index) || buffered > maxBufferedBytes) {
      this.host.count("fault");
      this.send([
        status("error", "Connection closed: the server's buffer for you is full (slow consumer)"),
      ]);
      this.close(1008, "slow consumer");
    } else if (f.drop?.includes(index)) {
      this.host.count("fault");
      this.close(1011, "dropped");
    } else if (f.stall?.includes(index)) {
      this.host.count("fault");
      this.silent = true;
    }
  }
}
