/**
 * The stream's live figures: the one-line status on stderr and `data/stream/status.json`
 * (shape in docs/stream.md), with a capped tally of error reasons.
 *
 * @module
 */
import { writeFileAtomic } from "../lake/mod.ts";

/** Distinct error reasons tallied; later new reasons go to `other`. */
export const MAX_ERROR_REASONS = 50;

/** What `status.json` holds. */
export interface StreamStatus {
  pid: number;
  date: string;
  phase: string;
  startedAt: string;
  updatedAt: string;
  /** Wall time of the last message received, ISO, null before the first. */
  lastMessageAt: string | null;
  /** Market time of the stream's clock, ISO. */
  marketTime: string | null;
  /** Minutes before this (market time, ISO) are rolled into the lake. */
  rolledUpTo: string | null;
  clusters: Record<string, { connected: boolean }>;
  counters: Record<string, number>;
  errors: Record<string, number>;
}

/** Counters and the status file. */
export class StatusBoard {
  #counters: Record<string, number> = {
    messages: 0,
    events: 0,
    seconds: 0,
    bad: 0,
    reconnects: 0,
    stalls: 0,
    minutesRolled: 0,
    restFilled: 0,
    walRows: 0,
    walBytes: 0,
    walRestored: 0,
    flushLatencyMsMax: 0,
  };
  #errors = new Map<string, number>();
  #clusters: Record<string, { connected: boolean }> = {};
  #phase = "starting";
  #lastMessageAt: number | null = null;
  #market: number | null = null;
  #rolled: number | null = null;
  #rate = { at: performance.now(), events: 0, perS: 0 };

  constructor(readonly path: string, readonly date: string, readonly startedMs: number) {}

  count(name: string, n = 1): void {
    this.#counters[name] = (this.#counters[name] ?? 0) + n;
  }
  message(events: number): void {
    this.#counters.messages++;
    this.#counters.events += events;
    this.#lastMessageAt = Date.now();
  }
  flushed(rows: number, latencyMs: number, bytes: number): void {
    this.#counters.walRows += rows;
    this.#counters.walBytes = bytes;
    this.#counters.flushLatencyMsMax = Math.max(this.#counters.flushLatencyMsMax, latencyMs);
  }
  error(reason: string): void {
    const key = this.#errors.has(reason) || this.#errors.size < MAX_ERROR_REASONS
      ? reason
      : "other";
    this.#errors.set(key, (this.#errors.get(key) ?? 0) + 1);
  }
  cluster(name: string, connected: boolean): void {
    this.#clusters[name] = { connected };
  }
  phase(p: string): void {
    this.#phase = p;
  }
  market(nowMs: number, rolledUpTo: number): void {
    this.#market = nowMs;
    this.#rolled = rolledUpTo;
  }
  counters(): Record<string, number> {
    return { ...this.#counters };
  }
  errors(): Record<string, number> {
    return Object.fromEntries(this.#errors);
  }

  /** `stream 10:31 | 5210 ev/s | last 0.2 s ago | 61 min rolled | 0 reconnects`. */
  line(links: ReadonlyMap<string, { up: boolean }>): string {
    const t = performance.now();
    const dt = (t - this.#rate.at) / 1000;
    if (dt > 0.2) {
      this.#rate = {
        at: t,
        events: this.#counters.events,
        perS: (this.#counters.events - this.#rate.events) / dt,
      };
    }
    const age = this.#lastMessageAt === null
      ? "never"
      : `${((Date.now() - this.#lastMessageAt) / 1000).toFixed(1)} s ago`;
    const ny = this.#market === null
      ? "--:--"
      : new Date(this.#market).toLocaleTimeString("en-US", {
        timeZone: "America/New_York",
        hour12: false,
        hour: "2-digit",
        minute: "2-digit",
      });
    const up = [...links].map(([c, l]) => `${c}${l.up ? "+" : "-"}`).join(" ");
    return `stream ${this.date} ${ny} NY | ${
      Math.round(this.#rate.perS)
    } ev/s | last ${age} | ${this.#counters.minutesRolled} min rolled | ${this.#counters.reconnects} reconnects | ${up}`;
  }

  snapshot(): StreamStatus {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      pid: Deno.pid,
      date: this.date,
      phase: this.#phase,
      startedAt: new Date(this.startedMs).toISOString(),
      updatedAt: new Date().toISOString(),
      lastMessageAt: iso(this.#lastMessageAt),
      marketTime: iso(this.#market),
      rolledUpTo: iso(this.#rolled),
      clusters: this.#clusters,
      counters: this.counters(),
      errors: this.errors(),
    };
  }

  async write(): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(this.snapshot(), null, 2) + "\n");
  }
}
