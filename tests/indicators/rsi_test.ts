import pl from "nodejs-polars";
import assert from "node:assert/strict";
import { rsi } from "../../lib/indicators/mod.ts";
import { assertClose, values } from "./_helpers.ts";

const frame = (close: (number | null)[]) => pl.DataFrame({ close });

Deno.test("rsi() follows Wilder's recursion from the SMA seed (hand-computed, window 3)", () => {
  // Changes +1, −0.5, +1, −0.5, +1. Row 3: G = 2/3, L = 1/6 → 80.
  // Row 4: G = 4/9, L = 5/18 → 800/13. Row 5: G = 17/27, L = 5/27 → 1700/22.
  const out = frame([10, 11, 10.5, 11.5, 11, 12]).select(rsi("close", { window: 3 }));
  assertClose(values(out, "rsi_3"), [null, null, null, 80, 800 / 13, 1700 / 22], 1e-12, "rsi");
});

Deno.test("rsi() with seed first averages from the first change and nulls the first window rows", () => {
  // alpha 1/2 from row 1: G = 1, 1, 0.5; L = 0, 0, 0.5.
  const out = frame([1, 2, 3, 2]).select(rsi("close", { window: 2, seed: "first" }));
  assert.deepEqual(values(out, "rsi_2"), [null, null, 100, 50]);
});

Deno.test("rsi() is 100 for rises only, 0 for falls only and 50 for a flat price", () => {
  const df = pl.DataFrame({ up: [1, 2, 3, 4], down: [4, 3, 2, 1], flat: [5, 5, 5, 5] });
  const out = df.select(
    rsi("up", { window: 2, name: "up" }),
    rsi("down", { window: 2, name: "down" }),
    rsi("flat", { window: 2, name: "flat" }),
  );
  assert.deepEqual(values(out, "up"), [null, null, 100, 100]);
  assert.deepEqual(values(out, "down"), [null, null, 0, 0]);
  assert.deepEqual(values(out, "flat"), [null, null, 50, 50]);
});

Deno.test("rsi() accepts an expression, integer prices and a LazyFrame", () => {
  const df = pl.DataFrame({ close: pl.Series("close", [1, 2, 3, 2, 3, 4], pl.Int64) });
  const expected = [null, null, 100, 50, 75, 87.5];
  const viaExpr = df.select(rsi(pl.col("close").mul(2), { window: 2 }).alias("r"));
  assert.deepEqual(values(viaExpr, "r"), expected);
  const lazy = df.lazy().withColumns(rsi("close", { window: 2 })).collectSync();
  assert.deepEqual(values(lazy, "rsi_2"), expected);
  assert.ok(lazy.getColumn("rsi_2").dtype.equals(pl.Float64));
});

Deno.test("rsi() rejects a bad window, seed, name or input with a clear error", () => {
  assert.throws(() => rsi("close", { window: 0 }), {
    name: "RangeError",
    message: "Cannot compute RSI: window must be an integer >= 2, got 0",
  });
  assert.throws(() => rsi("close", { window: 2.5 }), RangeError);
  assert.throws(() => rsi("close", { seed: "ema" as "sma" }), {
    name: "RangeError",
    message: 'Cannot compute RSI: seed must be "sma" or "first", got ema',
  });
  assert.throws(() => rsi("close", { name: "" }), {
    name: "TypeError",
    message: "Cannot compute RSI: name must be a non-empty string",
  });
  assert.throws(() => rsi(42 as unknown as string), {
    name: "TypeError",
    message: "Cannot compute RSI: input must be a column name or a Polars expression, got number",
  });
  assert.throws(() => rsi("", {}), TypeError);
  assert.throws(() => rsi("close", { by: [""] }), {
    name: "TypeError",
    message: 'Cannot compute RSI: by and session must be non-empty column names, got ""',
  });
});
