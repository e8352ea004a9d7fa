import pl from "nodejs-polars";
import assert from "node:assert/strict";
import { bollinger } from "../../lib/indicators/mod.ts";
import { assertClose, prng, values } from "./_helpers.ts";

const NAMES = ["bb_middle", "bb_upper", "bb_lower", "bb_pct_b", "bb_bandwidth"];

Deno.test("bollinger() uses the population stdev by default and the sample one with ddof 1", () => {
  const df = pl.DataFrame({ close: [1, 2, 3, 5] });
  const pop = df.select(...bollinger("close", { window: 3 }));
  const s1 = Math.sqrt(2 / 3); // [1, 2, 3]
  const s2 = Math.sqrt(14 / 9); // [2, 3, 5], mean 10/3
  assertClose(values(pop, "bb_middle"), [null, null, 2, 10 / 3], 1e-12, "middle");
  assertClose(values(pop, "bb_upper"), [null, null, 2 + 2 * s1, 10 / 3 + 2 * s2], 1e-12, "upper");
  assertClose(values(pop, "bb_lower"), [null, null, 2 - 2 * s1, 10 / 3 - 2 * s2], 1e-12, "lower");
  const pctB = (3 - (2 - 2 * s1)) / (4 * s1);
  assertClose(
    values(pop, "bb_pct_b"),
    [null, null, pctB, (5 - 10 / 3 + 2 * s2) / (4 * s2)],
    1e-12,
    "%B",
  );
  assertClose(values(pop, "bb_bandwidth"), [null, null, 2 * s1, 4 * s2 / (10 / 3)], 1e-12, "bw");
  const sample = df.select(...bollinger("close", { window: 3, ddof: 1, stdDevs: 1 }));
  // Sample stdev of [1, 2, 3] is 1: bands 1 and 3, close 3 on the upper band.
  assertClose(values(sample, "bb_upper").slice(0, 3), [null, null, 3], 1e-12, "upper");
  assertClose(values(sample, "bb_lower").slice(0, 3), [null, null, 1], 1e-12, "lower");
  assertClose(values(sample, "bb_pct_b").slice(0, 3), [null, null, 1], 1e-12, "%B");
});

Deno.test("bollinger() gives zero width and %B 0.5 on a flat window", () => {
  const out = pl.DataFrame({ close: [0.1, 0.1, 0.1, 0.1] }).select(
    ...bollinger("close", { window: 3 }),
  );
  assert.deepEqual(values(out, "bb_upper"), values(out, "bb_lower"));
  assert.deepEqual(values(out, "bb_pct_b"), [null, null, 0.5, 0.5]);
  assert.deepEqual(values(out, "bb_bandwidth"), [null, null, 0, 0]);
});

Deno.test("bollinger() is null on every row whose window holds a null", () => {
  const out = pl.DataFrame({ close: [1, 2, null, 4, 5, 6] }).select(
    ...bollinger("close", { window: 2 }),
  );
  for (const name of NAMES) {
    assert.deepEqual(values(out, name).map((v) => v === null), [
      true,
      false,
      true,
      true,
      false,
      false,
    ], name);
  }
});

Deno.test("bollinger() bands stay within 1e-9 of a two-pass stdev over 300,000 minutes", () => {
  // Polars' own rollingStd drifts by ~1e-8 over such a series; ours must not.
  const rand = prng(7);
  const n = 300_000;
  const close = new Float64Array(n);
  let p = 450;
  for (let i = 0; i < n; i++) {
    p *= 1 + (rand() - 0.5) * 0.002;
    close[i] = Math.round(p * 100) / 100;
  }
  close.fill(close[150_000], 150_000, 150_040); // a flat stretch: stdev exactly 0
  const w = 20;
  const out = pl.DataFrame({ close: pl.Series("close", close, pl.Float64) })
    .select(...bollinger("close", { window: w }));
  const upper = values(out, "bb_upper") as number[];
  const middle = values(out, "bb_middle") as number[];
  let worst = 0;
  for (let i = w - 1; i < n; i++) {
    let mean = 0;
    for (let j = i - w + 1; j <= i; j++) mean += close[j];
    mean /= w;
    let ss = 0;
    for (let j = i - w + 1; j <= i; j++) ss += (close[j] - mean) ** 2;
    worst = Math.max(worst, Math.abs(upper[i] - middle[i] - 2 * Math.sqrt(ss / w)));
  }
  assert.ok(worst <= 1e-9, `worst error ${worst}`);
  assert.equal(upper[150_039], middle[150_039]);
});

Deno.test("bollinger() rejects a bad window, width or ddof with a clear error", () => {
  assert.throws(() => bollinger("close", { window: 1 }), {
    name: "RangeError",
    message: "Cannot compute Bollinger Bands: window must be an integer >= 2, got 1",
  });
  assert.throws(() => bollinger("close", { stdDevs: 0 }), {
    name: "RangeError",
    message: "Cannot compute Bollinger Bands: stdDevs must be a positive finite number, got 0",
  });
  assert.throws(() => bollinger("close", { stdDevs: NaN }), RangeError);
  assert.throws(() => bollinger("close", { ddof: 2 as 0 }), {
    name: "RangeError",
    message: "Cannot compute Bollinger Bands: ddof must be 0 or 1, got 2",
  });
  assert.throws(() => bollinger("close", { prefix: "" }), TypeError);
});
