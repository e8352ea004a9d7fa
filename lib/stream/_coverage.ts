/**
 * Which stretches of market time a cluster's feed is known to have delivered: live
 * intervals (subscribed at `up`, extended by each durable `beat`, closed by `down` or by the
 * end of a log segment, i.e. a kill) and REST fills. Its complement is what a gap fill must
 * fetch.
 *
 * @module
 */
import type { WalRow } from "./wal.ts";

/** A stretch of market time, UTC ms, `[fromMs, toMs]`. */
export interface Span {
  fromMs: number;
  toMs: number;
}

/** One cluster's coverage. */
export class Coverage {
  readonly spans: Span[] = [];
  #live: Span | null = null;

  /** Applies one log row of this cluster (and `segmentEnd` when a segment ends). */
  apply(row: Pick<WalRow, "kind" | "ts" | "toMs">): void {
    if (row.kind === "up") {
      this.#live = { fromMs: row.ts, toMs: row.ts };
      this.spans.push(this.#live);
    } else if (row.kind === "beat" && this.#live) {
      this.#live.toMs = Math.max(this.#live.toMs, row.ts);
    } else if (row.kind === "down") {
      if (this.#live) this.#live.toMs = Math.max(this.#live.toMs, row.ts);
      this.#live = null;
    } else if (row.kind === "filled") this.spans.push({ fromMs: row.ts, toMs: row.toMs });
  }

  /** The connection ended without a `down` (the process was killed). */
  segmentEnd(): void {
    this.#live = null;
  }

  /** Whether a live interval is open. */
  get live(): boolean {
    return this.#live !== null;
  }

  /**
   * The uncovered stretches of `[fromMs, toMs]`, ascending. A live interval counts as
   * covered up to `toMs` (the feed is delivering it now).
   */
  gaps(fromMs: number, toMs: number): Span[] {
    const live = this.#live ? this.spans.indexOf(this.#live) : -1;
    const spans = this.spans.map((s, i) => i === live ? { fromMs: s.fromMs, toMs } : { ...s });
    spans.sort((a, b) => a.fromMs - b.fromMs);
    const out: Span[] = [];
    let at = fromMs;
    for (const s of spans) {
      if (s.fromMs > at) out.push({ fromMs: at, toMs: Math.min(s.fromMs, toMs) });
      at = Math.max(at, s.toMs);
      if (at >= toMs) break;
    }
    if (at < toMs) out.push({ fromMs: at, toMs });
    return out.filter((g) => g.toMs > g.fromMs);
  }
}
