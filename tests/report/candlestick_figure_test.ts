import assert from "node:assert/strict";
import { candlestickFigure } from "../../lib/report/mod.ts";

const t0 = Date.UTC(2025, 2, 3, 14, 30);
const bars = {
  ts: [t0, t0 + 60_000, t0 + 120_000],
  open: [600, 601, 600.5],
  high: [601.5, 601.2, 602],
  low: [599.8, 600.1, 600.2],
  close: [601, 600.5, NaN],
  volume: [1000, 800, 1200],
};

Deno.test("candlestickFigure() puts volume on a lower panel coloured by candle direction", () => {
  const fig = candlestickFigure(bars);
  const [candles, volume] = fig.data as Record<string, unknown>[];
  assert.equal(candles.type, "candlestick");
  assert.deepEqual(candles.close, [601, 600.5, null]);
  assert.deepEqual(volume.y, [1000, 800, 1200]);
  assert.equal(volume.yaxis, "y2");
  // up, down, and NaN close counts as down (not >= open)
  assert.deepEqual((volume.marker as { color: string[] }).color, ["#26a69a", "#ef5350", "#ef5350"]);
  assert.deepEqual((fig.layout.yaxis as { domain: number[] }).domain, [0.28, 1]);
  assert.deepEqual((fig.layout.yaxis2 as { domain: number[] }).domain, [0, 0.22]);
  assert.equal((fig.layout.xaxis as { anchor: string }).anchor, "y2");
});

Deno.test("candlestickFigure() without volume has one full-height panel", () => {
  const fig = candlestickFigure(bars, { volume: false, title: "SPY" });
  assert.equal(fig.data.length, 1);
  assert.deepEqual((fig.layout.yaxis as { domain: number[] }).domain, [0, 1]);
  assert.equal(fig.layout.yaxis2, undefined);
  assert.deepEqual(fig.layout.title, { text: "SPY", y: 0.985, yanchor: "top" });
});

Deno.test("candlestickFigure() takes custom column names", () => {
  const fig = candlestickFigure(
    { t: bars.ts, o: bars.open, h: bars.high, l: bars.low, c: bars.close },
    { volume: false, columns: { ts: "t", open: "o", high: "h", low: "l", close: "c" } },
  );
  assert.deepEqual((fig.data[0] as { open: number[] }).open, [600, 601, 600.5]);
});
