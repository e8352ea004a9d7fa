import { candlestickFigure, reportPage } from "../../lib/report/mod.ts";

const t0 = Date.UTC(2025, 2, 3, 14, 30);
const n = 390 * 20; // 20 sessions of minute bars
const ts = Array.from(
  { length: n },
  (_, i) => t0 + (i % 390) * 60_000 + Math.floor(i / 390) * 86_400_000,
);
const close = ts.map((_, i) => 600 + Math.sin(i / 50) * 3);
const bars = {
  ts,
  open: close,
  high: close.map((c) => c + 0.2),
  low: close.map((c) => c - 0.2),
  close,
  volume: close.map(() => 1000),
};

Deno.bench("candlestickFigure() of 7,800 minute bars (20 sessions, New York time axis)", () => {
  candlestickFigure(bars);
});

Deno.bench("reportPage() with 4 candlestick figures of 7,800 bars", () => {
  const fig = candlestickFigure(bars);
  reportPage({
    title: "bench",
    sections: [{ blocks: [fig, fig, fig, fig].map((f) => ({ figure: f })) }],
  });
});
