import pl from "nodejs-polars";
import assert from "node:assert/strict";
import {
  bollinger,
  bollingerKernel,
  macd,
  macdKernel,
  priceChange,
  priceChangeKernel,
  roc,
  rocKernel,
  rsi,
  rsiKernel,
  segmentStarts,
} from "../../lib/indicators/mod.ts";
import { assertClose, loadInput, loadReference, prng, values } from "./_helpers.ts";

// The typed-array kernels against the expression builders (today's reference
// implementation) and the independent reference table. A kernel's NaN is the
// builders' null.
const TOL = 1e-12;
const closes = values(loadInput(), "close") as number[];
const ref = loadReference();

const toArray = (xs: readonly (number | null)[]) => Float64Array.from(xs, (x) => x ?? NaN);
const fromArray = (a: Float64Array) => Array.from(a, (x) => (Number.isNaN(x) ? null : x));

/** Every kernel output next to the builder column it must equal, for one price list. */
function pairs(prices: readonly (number | null)[], starts?: number[], session?: string[]) {
  const v = toArray(prices);
  const df = pl.DataFrame(session ? { close: prices, s: session } : { close: prices });
  const opts = session ? { session: "s" } : {};
  const k = { starts };
  const m1 = macdKernel(v, k);
  const m2 = macdKernel(v, { ...k, seed: "sma" });
  const m3 = macdKernel(v, { ...k, warmUp: "keep" });
  const b0 = bollingerKernel(v, k);
  const b1 = bollingerKernel(v, { ...k, ddof: 1 });
  const [r5, r30, r60] = rocKernel(v, k);
  const [c5, c30, c60] = priceChangeKernel(v, k);
  const out = df.select(
    rsi("close", opts),
    rsi("close", { ...opts, seed: "first", name: "rsi_first" }),
    ...macd("close", opts),
    ...macd("close", { ...opts, seed: "sma", prefix: "sma" }),
    ...macd("close", { ...opts, warmUp: "keep", prefix: "keep" }),
    ...bollinger("close", opts),
    ...bollinger("close", { ...opts, ddof: 1, prefix: "b1" }),
    ...roc("close", opts),
    ...priceChange("close", opts),
  );
  const list: [string, Float64Array][] = [
    ["rsi_14", rsiKernel(v, k)],
    ["rsi_first", rsiKernel(v, { ...k, seed: "first" })],
    ["macd", m1.line],
    ["macd_signal", m1.signal],
    ["macd_hist", m1.hist],
    ["sma", m2.line],
    ["sma_signal", m2.signal],
    ["sma_hist", m2.hist],
    ["keep", m3.line],
    ["keep_signal", m3.signal],
    ["keep_hist", m3.hist],
    ["bb_middle", b0.middle],
    ["bb_upper", b0.upper],
    ["bb_lower", b0.lower],
    ["bb_pct_b", b0.pctB],
    ["bb_bandwidth", b0.bandwidth],
    ["b1_upper", b1.upper],
    ["b1_lower", b1.lower],
    ["roc_5", r5],
    ["roc_30", r30],
    ["roc_60", r60],
    ["chg_5", c5],
    ["chg_30", c30],
    ["chg_60", c60],
  ];
  return list.map(([name, kernel]) => ({
    name,
    kernel: fromArray(kernel),
    expr: values(out, name),
  }));
}

/**
 * The expressions' Bollinger σ carries up to 3e-12 of its own error (mean of
 * squares minus squared mean, see _rolling_std.ts), so their bands and %B are
 * compared at 1e-11; the kernel's bands meet the exact two-pass bands at 1e-12
 * (next test).
 */
const tolFor = (name: string) => /^(bb|b1)_(upper|lower|pct_b)$/.test(name) ? 1e-11 : TOL;

Deno.test("kernels equal the expression builders on the 10,000 reference closes", () => {
  for (const { name, kernel, expr } of pairs(closes)) {
    assertClose(kernel, expr, tolFor(name), name);
  }
});

/** Exact population-stdev bands by two passes over each window. */
function exactBands(v: Float64Array, n: number, k: number, ddof: number) {
  const upper: (number | null)[] = [];
  const middle: (number | null)[] = [];
  for (let i = 0; i < v.length; i++) {
    if (i < n - 1) {
      upper.push(null);
      middle.push(null);
      continue;
    }
    let s = 0;
    for (let j = i - n + 1; j <= i; j++) s += v[j];
    const m = s / n;
    let q = 0;
    for (let j = i - n + 1; j <= i; j++) q += (v[j] - m) ** 2;
    middle.push(m);
    upper.push(m + k * Math.sqrt(q / (n - ddof)));
  }
  return { middle, upper };
}

Deno.test("bollingerKernel() meets exact two-pass bands to 1e-12 over 200,000 minutes", () => {
  const rand = prng(7);
  const v = new Float64Array(200_000);
  let p = 450;
  for (let i = 0; i < v.length; i++) {
    p *= 1 + (rand() - 0.5) * 0.002;
    v[i] = Math.round(p * 100) / 100;
  }
  for (const ddof of [0, 1] as const) {
    const got = bollingerKernel(v, { ddof });
    const want = exactBands(v, 20, 2, ddof);
    assertClose(fromArray(got.middle), want.middle, TOL, `middle ddof ${ddof}`);
    assertClose(fromArray(got.upper), want.upper, TOL, `upper ddof ${ddof}`);
  }
  const ref = exactBands(Float64Array.from(closes), 20, 2, 0);
  assertClose(fromArray(bollingerKernel(Float64Array.from(closes)).upper), ref.upper, TOL, "ref");
});

Deno.test("kernels match the independent reference table (12 significant digits)", () => {
  const v = Float64Array.from(closes);
  const col = (name: string) => values(ref, name);
  const tol = 1e-9;
  assertClose(fromArray(rsiKernel(v)), col("pd_rsi14_wilder_smaseed"), tol, "rsi");
  assertClose(fromArray(rsiKernel(v)), col("ts_rsi14"), tol, "ts rsi");
  assertClose(fromArray(rsiKernel(v, { seed: "first" })), col("pd_rsi14_ewm"), tol, "rsi ewm");
  const sma = macdKernel(v, { seed: "sma" });
  assertClose(fromArray(sma.line), col("ti_macd"), tol, "ti macd");
  assertClose(fromArray(sma.signal), col("ti_macd_signal"), tol, "ti signal");
  const keep = macdKernel(v, { warmUp: "keep" });
  assertClose(fromArray(keep.line), col("pd_macd_ewm"), tol, "pd macd");
  assertClose(fromArray(keep.hist), col("pd_macd_hist_ewm"), tol, "pd hist");
  const bands = bollingerKernel(v);
  assertClose(fromArray(bands.upper), col("pd_bb_upper_pop"), tol, "pd upper");
  assertClose(fromArray(bands.lower), col("ts_bb_lower"), tol, "ts lower");
  assertClose(
    fromArray(bollingerKernel(v, { ddof: 1 }).upper),
    col("pd_bb_upper_sample"),
    tol,
    "s",
  );
});

Deno.test("kernels treat NaN as the builders treat null: leading and interior gaps", () => {
  const rand = prng(11);
  const gappy: (number | null)[] = Array(7).fill(null);
  for (const x of closes.slice(0, 2000)) {
    while (rand() < 0.05) gappy.push(null);
    gappy.push(x);
  }
  assert.ok(gappy.filter((x) => x === null).length > 80);
  for (const { name, kernel, expr } of pairs(gappy)) {
    assertClose(kernel, expr, tolFor(name), `${name} with gaps`);
  }
});

Deno.test("starts restart every kernel like the builders' session option", () => {
  const day = closes.slice(0, 300);
  const prices = [...day, ...day.slice(0, 250), ...day.slice(50)];
  const session = prices.map((_, i) => (i < 300 ? "d1" : i < 550 ? "d2" : "d3"));
  const starts = segmentStarts(session);
  assert.deepEqual(starts, [300, 550]);
  for (const { name, kernel, expr } of pairs(prices, starts, session)) {
    assertClose(kernel, expr, tolFor(name), `${name} per session`);
  }
  // Day 1 alone: the first session of the split series is identical.
  const alone = rsiKernel(Float64Array.from(day));
  const split = rsiKernel(Float64Array.from(prices), { starts });
  assert.deepEqual([...split.slice(0, 300)], [...alone]);
  assert.ok(Number.isNaN(split[313]) && !Number.isNaN(split[314]), "warm-up again on day 2");
});

Deno.test("flat windows give sigma exactly 0 and %B 0.5; zero bases give NaN ROC", () => {
  const v = Float64Array.from([...Array(25).fill(450.37), 450.38, 0, 1]);
  const b = bollingerKernel(v);
  for (let i = 19; i < 25; i++) {
    assert.equal(b.upper[i], b.lower[i], `row ${i}`);
    assert.equal(b.pctB[i], 0.5);
    assert.equal(b.bandwidth[i], 0);
  }
  assert.ok(b.upper[25] > b.lower[25]);
  const [r1] = rocKernel(v, { windows: [1] });
  assert.ok(Math.abs(r1[25] - ((450.38 - 450.37) / 450.37) * 100) < 1e-15);
  assert.equal(r1[26], -100);
  assert.ok(Number.isNaN(r1[27]), "base 0 has no rate");
});

Deno.test("out arrays are overwritten (dirty buffers give the same results)", () => {
  const v = Float64Array.from(closes.slice(0, 500));
  const dirty = () => new Float64Array(500).fill(123);
  const fresh = macdKernel(v, { seed: "sma" });
  const out = { line: dirty(), signal: dirty(), hist: dirty() };
  const reused = macdKernel(v, { seed: "sma", out });
  assert.equal(reused.line, out.line);
  assert.deepEqual([...reused.signal], [...fresh.signal]);
  const bands = {
    middle: dirty(),
    upper: dirty(),
    lower: dirty(),
    pctB: dirty(),
    bandwidth: dirty(),
  };
  assert.deepEqual([...bollingerKernel(v, { out: bands }).pctB], [...bollingerKernel(v).pctB]);
  const rocs = rocKernel(v, { out: [dirty(), dirty(), dirty()] });
  assert.deepEqual(rocs.map((a) => [...a]), rocKernel(v).map((a) => [...a]));
  assert.deepEqual([...rsiKernel(v, { out: dirty() })], [...rsiKernel(v)]);
});

Deno.test("bad kernel input is refused with one clear message", () => {
  const v = Float64Array.from(closes.slice(0, 50));
  assert.throws(
    () => rsiKernel([1, 2, 3] as unknown as Float64Array),
    /Cannot compute RSI: values must be a Float64Array/,
  );
  assert.throws(() => rsiKernel(v, { window: 1 }), /window must be an integer >= 2, got 1/);
  assert.throws(() => macdKernel(v, { fast: 30 }), /fast must be < slow, got 30 and 26/);
  assert.throws(() => bollingerKernel(v, { starts: [10, 5] }), /starts must be ascending/);
  assert.throws(() => rocKernel(v, { windows: [5, 5] }), /windows must be distinct/);
  assert.throws(
    () => rsiKernel(v, { out: new Float64Array(3) }),
    /each out array must be a Float64Array of length 50/,
  );
});
