// Loads ../shared/data/reference/backtest (vectorbt 1.1.0 results, see its README).
import type { Market } from "../../lib/backtest/mod.ts";

const dir = new URL("../../../shared/data/reference/backtest/", import.meta.url);

/** The 100,000 closes as a one-asset Market, stamped every minute from 2024-01-02 09:30. */
export function referenceMarket(): Market {
  const rows = Deno.readTextFileSync(new URL("close_100k.csv", dir)).trim().split("\n").slice(1);
  const close = Float64Array.from(rows, (l) => Number(l.split(",")[1]));
  const t0 = Date.UTC(2024, 0, 2, 9, 30);
  const tsMs = Float64Array.from(rows, (_, i) => t0 + i * 60_000);
  return {
    nBars: close.length,
    nAssets: 1,
    symbols: ["REF"],
    tsMs,
    open: close,
    high: close,
    low: close,
    close,
    extra: {},
  };
}

/** Rows of sma_cross_reference_100.csv. */
export function referenceRows() {
  const rows = Deno.readTextFileSync(new URL("sma_cross_reference_100.csv", dir)).trim().split(
    "\n",
  );
  return rows.slice(1).map((l) => {
    const [fast, slow, totalReturn, finalValue, maxDrawdown, nTrades, sharpe] = l.split(",").map(
      Number,
    );
    return { fast, slow, totalReturn, finalValue, maxDrawdown, nTrades, sharpe };
  });
}

/** |a − b| / |b| (0 when equal). */
export const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
