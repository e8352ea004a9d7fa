import pl from "nodejs-polars";
import assert from "node:assert/strict";
import { laggedPctChanges } from "../../lib/consolidate/features.ts";
import { assertClose, prng, values } from "../indicators/_helpers.ts";

Deno.test("laggedPctChanges() gives one fraction per column and lag, column by column", () => {
  const df = pl.DataFrame({
    underlying: [400, 404, 402, 410],
    close: [2, 2.5, 2, 3],
    iv: [0.2, 0.25, 0.3, 0.15],
  });
  const out = df.select(...laggedPctChanges(["underlying", "close", "iv"], { lags: [1, 2] }));
  assert.deepEqual(out.columns, [
    "underlying_pct_change_1",
    "underlying_pct_change_2",
    "close_pct_change_1",
    "close_pct_change_2",
    "iv_pct_change_1",
    "iv_pct_change_2",
  ]);
  const tol = 1e-15;
  assertClose(values(out, "underlying_pct_change_1"), [null, 0.01, -2 / 404, 8 / 402], tol, "u1");
  assertClose(values(out, "underlying_pct_change_2"), [null, null, 0.005, 6 / 404], tol, "u2");
  assertClose(values(out, "close_pct_change_1"), [null, 0.25, -0.2, 0.5], tol, "c1");
  assertClose(values(out, "iv_pct_change_2"), [null, null, 0.5, -0.4], tol, "iv2");
});

Deno.test("laggedPctChanges() defaults to lags 1, 5, 15, 30 and 60", () => {
  const out = pl.DataFrame({ x: Array.from({ length: 61 }, (_, i) => 1 + i) })
    .select(...laggedPctChanges("x"));
  assert.deepEqual(out.columns, [1, 5, 15, 30, 60].map((l) => `x_pct_change_${l}`));
  assert.deepEqual(values(out, "x_pct_change_60").slice(59), [null, 60]);
});

Deno.test("laggedPctChanges() is null where either end is null or the base is 0", () => {
  const out = pl.DataFrame({ x: [0, 1, null, 2, 4] }).select(
    ...laggedPctChanges("x", { lags: [1] }),
  );
  assert.deepEqual(values(out, "x_pct_change_1"), [null, null, null, null, 1]);
});

Deno.test("laggedPctChanges() with session never reaches into the previous session", () => {
  const df = pl.DataFrame({ date: ["d1", "d1", "d1", "d2", "d2", "d2"], x: [1, 2, 4, 5, 10, 20] });
  const reset = df.select(...laggedPctChanges("x", { lags: [1, 2], session: "date" }));
  assert.deepEqual(values(reset, "x_pct_change_1"), [null, 1, 1, null, 1, 1]);
  assert.deepEqual(values(reset, "x_pct_change_2"), [null, null, 3, null, null, 3]);
  const across = df.select(...laggedPctChanges("x", { lags: [1] }));
  assert.deepEqual(values(across, "x_pct_change_1"), [null, 1, 1, 0.25, 1, 1]);
});

Deno.test("laggedPctChanges() with by keeps interleaved contracts apart", () => {
  const df = pl.DataFrame({
    ticker: ["A", "B", "A", "B", "A", "B"],
    date: ["d1", "d1", "d1", "d1", "d2", "d2"],
    x: [1, 10, 2, 5, 3, 20],
  });
  const byTicker = df.select(...laggedPctChanges("x", { lags: [1], by: "ticker" }));
  assert.deepEqual(values(byTicker, "x_pct_change_1"), [null, null, 1, -0.5, 0.5, 3]);
  const both = df.select(...laggedPctChanges("x", { lags: [1], by: ["ticker"], session: "date" }));
  assert.deepEqual(values(both, "x_pct_change_1"), [null, null, 1, -0.5, null, null]);
});

Deno.test("laggedPctChanges() is causal: perturbing rows after t changes nothing at or before t", () => {
  const rand = prng(2024);
  const n = 300;
  for (const opts of [{}, { session: "date" }, { by: "ticker", session: "date" }]) {
    for (let trial = 0; trial < 15; trial++) {
      const col = () => Array.from({ length: n }, () => (rand() < 0.05 ? null : 1 + rand()));
      const df = pl.DataFrame({
        ticker: Array.from({ length: n }, (_, i) => (i % 4 === 0 ? "B" : "A")),
        date: Array.from({ length: n }, (_, i) => (i < n / 2 ? "d1" : "d2")),
        underlying: col(),
        close: col(),
        iv: col(),
      });
      const t = Math.floor(rand() * n);
      const perturbed = df.withColumns(
        ...["underlying", "close", "iv"].map((c) =>
          pl.Series(c, values(df, c).map((v, i) => (i <= t ? v : rand() < 0.1 ? null : rand())))
        ),
      );
      const build = () =>
        laggedPctChanges(["underlying", "close", "iv"], { lags: [1, 7, 40], ...opts });
      const before = df.select(...build());
      const after = perturbed.select(...build());
      for (const c of before.columns) {
        assertClose(
          values(after, c).slice(0, t + 1),
          values(before, c).slice(0, t + 1),
          0,
          `${c} ${JSON.stringify(opts)} t=${t}`,
        );
      }
    }
  }
});

Deno.test("laggedPctChanges() rejects bad columns and lags with a clear error", () => {
  assert.throws(() => laggedPctChanges([]), {
    name: "TypeError",
    message: "Cannot build lagged percentage changes: columns must not be empty",
  });
  assert.throws(() => laggedPctChanges(["x", "x"]), {
    name: "TypeError",
    message: "Cannot build lagged percentage changes: columns must be distinct, got [x, x]",
  });
  assert.throws(() => laggedPctChanges("x", { session: "" }), {
    name: "TypeError",
    message:
      'Cannot build lagged percentage changes: columns, by and session must be non-empty names, got ""',
  });
  assert.throws(() => laggedPctChanges("x", { lags: [0] }), {
    name: "RangeError",
    message: "Cannot build lagged percentage changes: each lag must be an integer >= 1, got 0",
  });
  assert.throws(() => laggedPctChanges("x", { lags: [5, 5] }), RangeError);
  assert.throws(() => laggedPctChanges("x", { lags: [] }), RangeError);
});
