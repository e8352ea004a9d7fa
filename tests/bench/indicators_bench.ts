/**
 * Indicators on 1,000,000 one-minute closes (a seeded random walk from $450,
 * rounded to cents). References measured on this machine with the same number of
 * points (shared/data/reference/README.md): trading-signals RSI 161 ms, MACD
 * 82 ms, BB 393 ms; pandas all three together 126 ms.
 *
 * Run: deno bench -A tests/bench/indicators_bench.ts
 */
import pl from "nodejs-polars";
import { bollinger, macd, priceChange, roc, rsi } from "../../lib/indicators/mod.ts";
import { prng } from "../indicators/_helpers.ts";

const N = 1_000_000;
const MINUTES_PER_SESSION = 390;
const rand = prng(42);
const close = new Float64Array(N);
let p = 450;
for (let i = 0; i < N; i++) {
  p *= 1 + (rand() - 0.5) * 0.002;
  close[i] = Math.round(p * 100) / 100;
}
const session = Int32Array.from({ length: N }, (_, i) => Math.floor(i / MINUTES_PER_SESSION));
const df = pl.DataFrame([
  pl.Series("close", close, pl.Float64),
  pl.Series("session", session, pl.Int32),
]);

Deno.bench("rsi(14), 1M rows", { group: "single", baseline: true }, () => {
  df.select(rsi("close"));
});
Deno.bench("macd(12, 26, 9), 1M rows", { group: "single" }, () => {
  df.select(...macd("close"));
});
Deno.bench("bollinger(20, 2), 3 bands, 1M rows", { group: "single" }, () => {
  const [middle, upper, lower] = bollinger("close");
  df.select(middle, upper, lower);
});
Deno.bench("bollinger(20, 2), all 5 outputs, 1M rows", { group: "single" }, () => {
  df.select(...bollinger("close"));
});
Deno.bench("roc + priceChange (5, 30, 60), 1M rows", { group: "single" }, () => {
  df.select(...roc("close"), ...priceChange("close"));
});
Deno.bench("rsi + macd + bollinger (3 bands) together, 1M rows", { group: "all" }, () => {
  df.select(rsi("close"), ...macd("close"), ...bollinger("close").slice(0, 3));
});
Deno.bench("rsi + macd + bollinger (5 outputs), 1M rows", { group: "all" }, () => {
  df.select(rsi("close"), ...macd("close"), ...bollinger("close"));
});

const s = { session: "session" };
Deno.bench("rsi(14), reset every 390-row session", { group: "session" }, () => {
  df.select(rsi("close", s));
});
Deno.bench("macd(12, 26, 9), reset every 390-row session", { group: "session" }, () => {
  df.select(...macd("close", s));
});
Deno.bench("bollinger(20, 2), 3 bands, reset every 390-row session", { group: "session" }, () => {
  df.select(...bollinger("close", s).slice(0, 3));
});
Deno.bench("rsi + macd + bollinger (3 bands), reset every session", { group: "session" }, () => {
  df.select(rsi("close", s), ...macd("close", s), ...bollinger("close", s).slice(0, 3));
});
