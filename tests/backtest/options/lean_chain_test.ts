// Real data: the vendor's SPY chains (QuantConnect LEAN universe files, Apache-2.0, copied into tests/fixtures; daily bars
// with the vendor's Greeks, see tests/fixtures/lean_spy_chains/README.md). One deep in-the-money 1DTE
// call a day, entered at the close, settled at the next session's close.
import assert from "node:assert/strict";
import { runOptionStrategy } from "@lib/backtest/mod.ts";
import { occ, type Row, tableOf } from "./_chain.ts";

const DIR = new URL("../../fixtures/lean_spy_chains/", import.meta.url);
const files = [...Deno.readDirSync(DIR)].map((f) => f.name).filter((f) => f.endsWith(".csv"))
  .sort();
const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
const days = files.map((f) => {
  const lines = Deno.readTextFileSync(new URL(f, DIR)).trim().split("\n").slice(1);
  const spot = Number(lines[0].split(",")[6]);
  const date = iso(f.slice(11, 19));
  const rows: Row[] = lines.slice(1).map((l) => {
    const [e, k, , , high, low, close, volume, , iv, delta] = l.split(",");
    return {
      ticker: occ("SPY", iso(e), "C", Number(k)),
      date,
      m: 389, // the daily bar as the session's last minute
      close: Number(close),
      high: Number(high),
      low: Number(low),
      volume: Number(volume),
      delta: Number(delta),
      iv: Number(iv),
      spot,
    };
  });
  return { date, spot, rows };
});

Deno.test("vendor SPY chains: a 1DTE deep ITM call a day settles at the next close's intrinsic", () => {
  assert.equal(days.length, 8);
  const r = runOptionStrategy(tableOf(days.flatMap((d) => d.rows)), {
    structure: "long_call",
    dte: 1,
    dteTolerance: 3,
    strikes: -2,
    entry: { time: "15:59" },
    feePerContract: 0.65,
  });
  // the last day has no next session: its entry is not taken (it would close at once)
  assert.equal(r.trades.height, days.length - 1);
  const legs = r.legs.toRecords() as Array<{ ticker: string; strike: number; entry_px: number }>;
  const trades = r.trades.toRecords() as Array<Record<string, number & string>>;
  trades.forEach((t, i) => {
    const today = days[i], next = days[i + 1];
    // the expiry is the next session's date; the strike the third highest listed for it
    const expiry = next.date.replaceAll("-", "").slice(2);
    const listed = today.rows.filter((x) => x.ticker.slice(5, 11) === expiry)
      .map((x) => Number(x.ticker.slice(-8)) / 1000).sort((a, b) => a - b);
    const strike = listed[listed.length - 3];
    assert.equal(legs[i].strike, strike, today.date);
    const bought = today.rows.find((x) => x.ticker === legs[i].ticker)!.close;
    assert.equal(legs[i].entry_px, bought);
    assert.equal(t.settle_px, next.spot);
    assert.equal(t.assigned_shares, 100); // exercised: 100 shares at the strike
    const pnl = (next.spot - strike - bought) * 100 - 0.65;
    assert.ok(Math.abs(t.pnl - pnl) < 1e-9, `${today.date}: ${t.pnl} vs ${pnl}`);
  });
  // buy-and-hold of SPY over the same days, from the first close to the last
  const bench = r.summary.benchmark_return;
  assert.ok(Math.abs(bench - (days.at(-1)!.spot / days[0].spot - 1)) < 1e-12);
});
