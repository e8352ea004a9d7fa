import pl from "nodejs-polars";
import assert from "node:assert/strict";
import { bollinger, macd, rsi } from "../../lib/indicators/mod.ts";
import { assertClose, leadingNulls, loadInput, loadReference, values } from "./_helpers.ts";

// Our indicators computed from indicators_input.csv, checked on every row against
// the reference columns computed by other libraries from the same closes.
const TOL = 1e-9;
const ref = loadReference();
const input = loadInput();
const col = (name: string) => values(ref, name);

Deno.test("reference input and reference table hold the same closes", () => {
  assert.deepEqual(values(input, "close"), col("close"));
  assert.equal(input.height, 10_000);
});

Deno.test("rsi() matches Wilder's SMA-seeded RSI of pandas and trading-signals on every row", () => {
  const out = input.select(rsi("close"));
  assertClose(values(out, "rsi_14"), col("pd_rsi14_wilder_smaseed"), TOL, "pd wilder");
  assertClose(values(out, "rsi_14"), col("ts_rsi14"), TOL, "trading-signals");
  assert.equal(leadingNulls(values(out, "rsi_14")), 14);
});

Deno.test("rsi() matches technicalindicators' RSI, which is rounded to 2 decimals", () => {
  const out = input.select(rsi("close"));
  assertClose(values(out, "rsi_14"), col("ti_rsi14"), 0.005 + 1e-9, "technicalindicators");
});

Deno.test("rsi() with seed first matches pandas ewm(alpha=1/14, adjust=False) RSI", () => {
  const out = input.select(rsi("close", { seed: "first" }));
  assertClose(values(out, "rsi_14"), col("pd_rsi14_ewm"), TOL, "pd ewm");
});

Deno.test("macd() with seed sma matches SMA-seeded MACD of pandas and technicalindicators", () => {
  const out = input.select(...macd("close", { seed: "sma" }));
  for (
    const [ours, pd, ti] of [
      ["macd", "pd_macd_smaseed", "ti_macd"],
      ["macd_signal", "pd_macd_signal_smaseed", "ti_macd_signal"],
      ["macd_hist", "pd_macd_hist_smaseed", "ti_macd_hist"],
    ]
  ) {
    assertClose(values(out, ours), col(pd), TOL, pd);
    assertClose(values(out, ours), col(ti), TOL, ti);
  }
  assert.equal(leadingNulls(values(out, "macd")), 25);
  assert.equal(leadingNulls(values(out, "macd_signal")), 33);
});

Deno.test("macd() with warmUp keep matches pandas ewm(span, adjust=False) from row 0", () => {
  const out = input.select(...macd("close", { warmUp: "keep" }));
  assertClose(values(out, "macd"), col("pd_macd_ewm"), TOL, "line");
  assertClose(values(out, "macd_signal"), col("pd_macd_signal_ewm"), TOL, "signal");
  assertClose(values(out, "macd_hist"), col("pd_macd_hist_ewm"), TOL, "hist");
});

Deno.test("macd() by default matches trading-signals' first-seeded MACD after the warm-up", () => {
  const out = input.select(...macd("close"));
  // trading-signals' line is null before row 25 like ours; its signal starts from
  // the first line value on row 25, where ours is still null until row 33.
  const masked = (name: string) => col(name).map((v, i) => (i < 33 ? null : v));
  assertClose(values(out, "macd"), col("ts_macd"), TOL, "line");
  assertClose(values(out, "macd_signal"), masked("ts_macd_signal"), TOL, "signal");
  assertClose(values(out, "macd_hist"), masked("ts_macd_hist"), TOL, "hist");
  // Same line as pandas' ewm(span, adjust=False) once past the warm-up.
  assertClose(
    values(out, "macd"),
    col("pd_macd_ewm").map((v, i) => (i < 25 ? null : v)),
    TOL,
    "pd",
  );
});

Deno.test("bollinger() matches population-stdev bands of pandas, trading-signals and technicalindicators", () => {
  const out = input.select(...bollinger("close"));
  assertClose(values(out, "bb_middle"), col("pd_bb_middle"), TOL, "pd middle");
  assertClose(values(out, "bb_upper"), col("pd_bb_upper_pop"), TOL, "pd upper");
  assertClose(values(out, "bb_lower"), col("pd_bb_lower_pop"), TOL, "pd lower");
  for (const lib of ["ts", "ti"]) {
    for (const band of ["middle", "upper", "lower"]) {
      assertClose(values(out, `bb_${band}`), col(`${lib}_bb_${band}`), TOL, `${lib} ${band}`);
    }
  }
  assert.equal(leadingNulls(values(out, "bb_middle")), 19);
});

Deno.test("bollinger() with ddof 1 matches pandas' sample-stdev bands", () => {
  const out = input.select(...bollinger("close", { ddof: 1 }));
  assertClose(values(out, "bb_upper"), col("pd_bb_upper_sample"), TOL, "upper");
  assertClose(values(out, "bb_lower"), col("pd_bb_lower_sample"), TOL, "lower");
});

Deno.test("bollinger() %B and bandwidth are consistent with its bands on every row", () => {
  const out = input.select(pl.col("close"), ...bollinger("close"));
  const [close, mid, up, lo, pctB, bw] = [
    "close",
    "bb_middle",
    "bb_upper",
    "bb_lower",
    "bb_pct_b",
    "bb_bandwidth",
  ].map((c) => values(out, c));
  assert.equal(leadingNulls(pctB), 19);
  assert.equal(leadingNulls(bw), 19);
  for (let i = 19; i < close.length; i++) {
    const width = up[i]! - lo[i]!;
    assert.ok(width > 0, `row ${i}: width ${width}`);
    assert.ok(Math.abs(pctB[i]! * width + lo[i]! - close[i]!) <= 1e-9, `row ${i}: %B`);
    assert.ok(Math.abs(bw[i]! * mid[i]! - width) <= 1e-12, `row ${i}: bandwidth`);
  }
});
