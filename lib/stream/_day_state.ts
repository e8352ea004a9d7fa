/**
 * The session's bars in memory, de-duplicated on `(ticker, ts)`: the first copy wins, an
 * identical later copy (a reconnect replay, a REST fill overlapping the feed) is counted and
 * dropped, a differing one is kept (capped) for the rollup to quarantine, exactly as
 * backfill's `cleanBars` treats a source's duplicates.
 *
 * @module
 */
import type { MinuteBar } from "../market/mod.ts";

/** Conflicting copies kept per ticker for quarantine; later ones are only counted. */
export const MAX_CONFLICTS_PER_TICKER = 100;

/** What happened to one bar offered to the state. */
export type AddResult = "new" | "duplicate" | "conflict" | "outside";

/** Counters of what the state was offered. */
export interface StateCounters {
  bars: number;
  duplicates: number;
  conflicts: number;
  outsideSession: number;
}

/** The day's bars by ticker. */
export class DayState {
  readonly byTicker = new Map<string, Map<number, MinuteBar>>();
  readonly conflicts = new Map<string, MinuteBar[]>();
  /** Tickers changed since the last rollup. */
  readonly dirty = new Set<string>();
  readonly counters: StateCounters = { bars: 0, duplicates: 0, conflicts: 0, outsideSession: 0 };

  constructor(readonly openMs: number, readonly closeMs: number) {}

  /** Offers one minute bar. Bars outside the regular session are counted, not kept. */
  add(ticker: string, bar: MinuteBar): AddResult {
    if (bar.ts < this.openMs || bar.ts >= this.closeMs) {
      this.counters.outsideSession++;
      return "outside";
    }
    let bars = this.byTicker.get(ticker);
    if (!bars) this.byTicker.set(ticker, bars = new Map());
    const first = bars.get(bar.ts);
    if (!first) {
      bars.set(bar.ts, bar);
      this.counters.bars++;
      this.dirty.add(ticker);
      return "new";
    }
    if (sameBar(first, bar)) {
      this.counters.duplicates++;
      return "duplicate";
    }
    this.counters.conflicts++;
    const list = this.conflicts.get(ticker) ?? [];
    if (list.length < MAX_CONFLICTS_PER_TICKER) {
      list.push(bar);
      this.conflicts.set(ticker, list);
      this.dirty.add(ticker);
    }
    return "conflict";
  }

  /**
   * The bars of a ticker a rollup hands to validation: first copies ascending by `ts`
   * (those before `beforeMs` only), then the conflicting copies.
   */
  barsOf(ticker: string, beforeMs = Infinity): MinuteBar[] {
    const bars = [...(this.byTicker.get(ticker)?.values() ?? [])]
      .filter((b) => b.ts < beforeMs)
      .sort((a, b) => a.ts - b.ts);
    for (const c of this.conflicts.get(ticker) ?? []) if (c.ts < beforeMs) bars.push(c);
    return bars;
  }

  /** Whether a ticker has its bar of minute `ts`. */
  has(ticker: string, ts: number): boolean {
    return this.byTicker.get(ticker)?.has(ts) ?? false;
  }
}

function sameBar(a: MinuteBar, b: MinuteBar): boolean {
  return a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close &&
    a.volume === b.volume && a.vwap === b.vwap && a.trades === b.trades;
}
