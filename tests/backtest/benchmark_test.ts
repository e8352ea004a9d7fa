// Every backtest's equity carries the buy-and-hold return of the underlying.
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { runBacktest } from "@lib/backtest/mod.ts";

Deno.test("runBacktest() equity has the buy-and-hold return of the underlying", () => {
  const close = [10, 11, 12, 9, 10, 12];
  const frame = pl.DataFrame({ ts: close.map((_, i) => Date.UTC(2024, 0, 2 + i)), close });
  const r = runBacktest(frame, { strategy: "sma_cross", params: { fast: 2, slow: 3 } });
  const b = r.equity.getColumn("benchmark_return").toArray() as number[];
  close.forEach((c, i) => assert.ok(Math.abs(b[i] - (c / 10 - 1)) < 1e-12));
});
