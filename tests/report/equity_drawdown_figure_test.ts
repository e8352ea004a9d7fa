import assert from "node:assert/strict";
import { equityDrawdownFigure } from "../../lib/report/mod.ts";

const DAY = 86_400_000;
const t0 = Date.UTC(2025, 0, 2, 21);

Deno.test("equityDrawdownFigure() draws drawdown in percent from the running peak", () => {
  const equity = [100, 120, 90, NaN, 132, 66];
  const fig = equityDrawdownFigure({ ts: equity.map((_, i) => t0 + i * DAY), equity });
  // peaks 100, 120, 120, (skip), 132, 132
  assert.deepEqual((fig.data[1] as { y: unknown }).y, [0, 0, -25, null, 0, -50]);
  assert.deepEqual((fig.data[0] as { y: unknown }).y, [100, 120, 90, null, 132, 66]);
  assert.equal((fig.data[1] as { yaxis: string }).yaxis, "y2");
});
