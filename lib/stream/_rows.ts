/**
 * Log rows of the runner: a received bar, a connection marker, and back.
 *
 * @module
 */
import type { MinuteBar } from "../market/mod.ts";
import type { BarEvent } from "../sources/polygon/mod.ts";
import type { WalRow } from "./wal.ts";

/** A marker row (`up`, `down`, `beat` at `ts`; `filled` from `ts` to `toMs`). */
export function markerRow(kind: WalRow["kind"], cluster: string, ts: number, toMs = NaN): WalRow {
  return {
    kind,
    cluster,
    ev: "",
    ticker: "",
    ts,
    toMs,
    open: NaN,
    high: NaN,
    low: NaN,
    close: NaN,
    volume: null,
    vwap: null,
    trades: null,
    origin: "",
  };
}

/** The row of a bar received from `origin` (`ws` or `rest`). */
export function barRow(cluster: string, e: BarEvent, origin: string): WalRow {
  const b = e.bar;
  return {
    kind: "bar",
    cluster,
    ev: e.ev,
    ticker: e.ticker,
    ts: b.ts,
    toMs: NaN,
    open: b.open,
    high: b.high,
    low: b.low,
    close: b.close,
    volume: b.volume,
    vwap: b.vwap,
    trades: b.trades,
    origin,
  };
}

/** The bar of a `bar` row. */
export function rowBar(r: WalRow): MinuteBar {
  const { ts, open, high, low, close, volume, vwap, trades } = r;
  return { ts, open, high, low, close, volume, vwap, trades };
}
