/** The stream benchmark's synthetic chain: N option tickers and their bars. */
import { session } from "../../lib/calendar/mod.ts";
import type { MinuteBar } from "../../lib/market/mod.ts";

export const DATE = "2025-03-04";

/** N option tickers of the benchmark. */
export function benchTickers(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) => `O:SPY250304${i % 2 ? "C" : "P"}${String(400_000 + i * 500).padStart(8, "0")}`,
  );
}

export function barsOf(seed: number): MinuteBar[] {
  const s = session(DATE)!;
  return Array.from({ length: 390 }, (_, m) => {
    const p = 1 + ((seed * 7 + m) % 50) / 10;
    return {
      ts: s.openMs + m * 60_000,
      open: p,
      high: p + 0.1,
      low: p - 0.05,
      close: p + 0.05,
      volume: 10 + m,
      vwap: p + 0.02,
      trades: 1 + (m % 9),
    };
  });
}
