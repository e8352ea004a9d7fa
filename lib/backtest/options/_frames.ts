// Kernel results as DataFrames: trades, legs, orders, equity (with attribution) and metrics.
import pl from "nodejs-polars";
import { formatNyTime } from "../../calendar/mod.ts";
import type { OptionChain } from "./_chain.ts";
import type { KernelResult } from "./_kernel.ts";
import { ATTRIBUTION } from "./_position.ts";

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dt = (name: string, ms: ArrayLike<number>) =>
  pl.Series(name, Array.from(ms), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms"));
const legName = (c: OptionChain, k: number) => (k < 0 ? c.underlying : c.ticker[k]);

/** Trades: one row per closed structure (dollars unless named per share). */
export function tradesFrame(c: OptionChain, r: KernelResult, structure: string): pl.DataFrame {
  const t = r.closed;
  const col = (f: (x: (typeof t)[number]) => number) => t.map(f);
  return pl.DataFrame([
    pl.Series("trade_id", col((x) => x.p.id), pl.Int32),
    pl.Series("structure", t.map(() => structure), pl.Utf8),
    dt("entry_ts", col((x) => c.tsMs[x.p.entryMinute])),
    dt("exit_ts", col((x) => c.tsMs[x.exitMinute])),
    pl.Series("entry_ny", t.map((x) => formatNyTime(c.tsMs[x.p.entryMinute])), pl.Utf8),
    pl.Series("exit_ny", t.map((x) => formatNyTime(c.tsMs[x.exitMinute])), pl.Utf8),
    pl.Series("expiry", t.map((x) => iso(x.p.nearExpiry)), pl.Utf8),
    pl.Series(
      "legs",
      t.map((x) =>
        x.p.legs.map((l, i) =>
          `${l.side * l.ratio > 0 ? "+" : ""}${l.side * l.ratio} ${legName(c, l.contract)} @ ${
            x.p.entryFill[i].toFixed(2)
          }`
        ).join("; ")
      ),
      pl.Utf8,
    ),
    pl.Series("contracts", col((x) => x.p.n), pl.Int32),
    pl.Series("entry_net", col((x) => x.p.entryNet), pl.Float64),
    pl.Series("max_profit", col((x) => x.p.maxProfit), pl.Float64),
    pl.Series("max_loss", col((x) => x.p.maxLoss), pl.Float64),
    pl.Series("buying_power", col((x) => x.p.buyingPower), pl.Float64),
    pl.Series("fees", col((x) => x.p.fees), pl.Float64),
    pl.Series("slippage", col((x) => x.p.slippage), pl.Float64),
    pl.Series("pnl", col((x) => x.p.cashFlow), pl.Float64),
    pl.Series("return_on_risk", col((x) => x.p.cashFlow / x.p.buyingPower), pl.Float64),
    // as `runBacktest` trades, so that `bootstrapTrades` reads them
    pl.Series("return", col((x) => x.p.cashFlow / x.p.buyingPower), pl.Float64),
    pl.Series("status", t.map(() => "closed"), pl.Utf8),
    pl.Series("exit_reason", t.map((x) => x.reason), pl.Utf8),
    pl.Series("settle_px", col((x) => x.p.settlePx), pl.Float64),
    pl.Series("assigned_shares", col((x) => x.p.assignedShares), pl.Float64),
    ...ATTRIBUTION.map((a, j) => pl.Series(`${a}_pnl`, col((x) => x.p.attr[j]), pl.Float64)),
  ]);
}

/** Legs: one row per leg of each trade, fills in $/share. */
export function legsFrame(c: OptionChain, r: KernelResult): pl.DataFrame {
  const rows = r.closed.flatMap((x) => x.p.legs.map((l, i) => ({ x, l, i })));
  return pl.DataFrame([
    pl.Series("trade_id", rows.map(({ x }) => x.p.id), pl.Int32),
    pl.Series("leg", rows.map(({ i }) => i), pl.Int32),
    pl.Series("ticker", rows.map(({ l }) => legName(c, l.contract)), pl.Utf8),
    pl.Series("quantity", rows.map(({ x, l }) => l.side * l.ratio * x.p.n), pl.Float64),
    pl.Series("right", rows.map(({ l }) => ["put", "underlying", "call"][l.right + 1]), pl.Utf8),
    pl.Series("strike", rows.map(({ l }) => (l.right === 0 ? NaN : l.strike)), pl.Float64),
    pl.Series("entry_px", rows.map(({ x, i }) => x.p.entryFill[i]), pl.Float64),
    pl.Series("exit_px", rows.map(({ x, i }) => x.p.exitFill[i]), pl.Float64),
  ]);
}

/** Orders: every entry attempt that was filled, ignored or rejected, with the reason. */
export function ordersFrame(c: OptionChain, r: KernelResult): pl.DataFrame {
  const o = r.orders;
  return pl.DataFrame([
    dt("ts", o.map((x) => c.tsMs[x.minute])),
    pl.Series("ny_time", o.map((x) => formatNyTime(c.tsMs[x.minute])), pl.Utf8),
    pl.Series("status", o.map((x) => x.status), pl.Utf8),
    pl.Series("reason", o.map((x) => x.reason), pl.Utf8),
    pl.Series("trade_id", o.map((x) => x.position), pl.Int32),
  ]);
}

/** Buy-and-hold of the underlying from the first spot of minutes `from` … `to − 1`, dollars. */
export function benchmark(
  c: OptionChain,
  initCash: number,
  from = 0,
  to = c.nMinutes,
): Float64Array {
  const out = new Float64Array(to - from);
  let s0 = NaN, last = NaN;
  for (let m = from; m < to; m++) {
    if (c.spot[m] === c.spot[m]) last = c.spot[m];
    if (s0 !== s0) s0 = last;
    out[m - from] = s0 === s0 ? initCash * (last / s0) : initCash;
  }
  return out;
}

/** Equity per minute: equity, cash, buying power in use, benchmark, attribution (dollars). */
export function equityFrame(c: OptionChain, r: KernelResult, initCash: number): pl.DataFrame {
  const cols = ATTRIBUTION.map((a, j) =>
    pl.Series(a, Float64Array.from({ length: c.nMinutes }, (_, m) => r.attr[m * 6 + j]), pl.Float64)
  );
  return pl.DataFrame([
    dt("ts", c.tsMs),
    pl.Series("equity", r.equity, pl.Float64),
    pl.Series("cash", r.cash, pl.Float64),
    pl.Series("buying_power", r.bpInUse, pl.Float64),
    pl.Series("benchmark", benchmark(c, initCash), pl.Float64),
    ...cols,
  ]);
}
