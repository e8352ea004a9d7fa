import pl from "nodejs-polars";
import assert from "node:assert/strict";
import { macd } from "../../lib/indicators/mod.ts";
import { assertClose, values } from "./_helpers.ts";

const frame = (close: number[]) => pl.DataFrame({ close });

Deno.test("macd() seeds every EMA with the SMA of its first values (hand-computed)", () => {
  // EMA1 = price; EMA3 seeded 4 on row 2, then 7, 10.5; line 2, 3, 3.5.
  // Signal EMA2 (alpha 2/3) seeded (2 + 3)/2 on row 3, then 2.5/3 + 3.5·2/3 = 19/6.
  const out = frame([2, 4, 6, 10, 14]).select(
    ...macd("close", { fast: 1, slow: 3, signal: 2, seed: "sma" }),
  );
  assertClose(values(out, "macd"), [null, null, 2, 3, 3.5], 1e-12, "line");
  assertClose(values(out, "macd_signal"), [null, null, null, 2.5, 19 / 6], 1e-12, "signal");
  assertClose(values(out, "macd_hist"), [null, null, null, 0.5, 1 / 3], 1e-12, "hist");
});

Deno.test("macd() by default starts each EMA at its first value (hand-computed)", () => {
  // EMA3 (alpha 1/2): 1, 1.5, 2.25, 3.125, 4.0625, 5.03125; signal EMA3 of the line.
  const close = [1, 2, 3, 4, 5, 6];
  const line = [0, 0.5, 0.75, 0.875, 0.9375, 0.96875];
  const signal = [0, 0.25, 0.5, 0.6875, 0.8125, 0.890625];
  const opts = { fast: 1, slow: 3, signal: 3 } as const;
  const kept = frame(close).select(...macd("close", { ...opts, warmUp: "keep" }));
  assert.deepEqual(values(kept, "macd"), line);
  assert.deepEqual(values(kept, "macd_signal"), signal);
  assert.deepEqual(values(kept, "macd_hist"), line.map((v, i) => v - signal[i]));
  // With warm-up nulls the signal starts from the first line value (row 2):
  // 0.75, 0.8125, 0.875, 0.921875, shown from row 4 on.
  const nulled = frame(close).select(...macd("close", opts));
  assert.deepEqual(values(nulled, "macd"), [null, null, ...line.slice(2)]);
  assert.deepEqual(values(nulled, "macd_signal"), [null, null, null, null, 0.875, 0.921875]);
  assert.deepEqual(values(nulled, "macd_hist"), [null, null, null, null, 0.0625, 0.046875]);
});

Deno.test("macd() names its outputs after the prefix, in the order line, signal, histogram", () => {
  const out = frame([1, 2, 3]).select(...macd("close", { fast: 1, slow: 2, signal: 1 }));
  assert.deepEqual(out.columns, ["macd", "macd_signal", "macd_hist"]);
  const named = frame([1, 2, 3]).select(...macd("close", { prefix: "m", fast: 1, slow: 2 }));
  assert.deepEqual(named.columns, ["m", "m_signal", "m_hist"]);
});

Deno.test("macd() rejects bad periods, seeds and warm-up choices with a clear error", () => {
  assert.throws(() => macd("close", { fast: 26, slow: 12 }), {
    name: "RangeError",
    message: "Cannot compute MACD: fast must be < slow, got 26 and 12",
  });
  assert.throws(() => macd("close", { signal: 0 }), {
    name: "RangeError",
    message: "Cannot compute MACD: signal must be an integer >= 1, got 0",
  });
  assert.throws(() => macd("close", { fast: 1.5 }), RangeError);
  assert.throws(() => macd("close", { seed: "sma", warmUp: "keep" }), {
    name: "RangeError",
    message: 'Cannot compute MACD: warmUp "keep" needs seed "first", got "sma"',
  });
  assert.throws(() => macd("close", { seed: "x" as "sma" }), RangeError);
  assert.throws(() => macd("close", { warmUp: "zero" as "null" }), RangeError);
  assert.throws(() => macd("close", { prefix: "" }), TypeError);
});
