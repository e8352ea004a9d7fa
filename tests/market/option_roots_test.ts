import assert from "node:assert/strict";
import {
  formatOptionTicker,
  optionRoot,
  optionRootsOf,
  parseOptionTicker,
} from "@lib/market/mod.ts";

Deno.test("SPXW and SPX tickers parse to options on I:SPX and print back the same", () => {
  assert.deepEqual(parseOptionTicker("O:SPXW210104C03700000"), {
    underlying: "I:SPX",
    root: "SPXW",
    expiry: "2021-01-04",
    right: "call",
    strike: 3700,
  });
  for (
    const t of [
      "O:SPXW210104C03700000",
      "O:SPX240419P04500000",
      "O:NDXP240315C18000000",
      "O:RUTW240322P02025000",
    ]
  ) {
    assert.equal(formatOptionTicker(parseOptionTicker(t)), t);
  }
  assert.equal(parseOptionTicker("O:NDX240315C18000000").underlying, "I:NDX");
});

Deno.test("formatOptionTicker() needs the root of an index underlying, and a root of that index", () => {
  assert.throws(
    () =>
      formatOptionTicker({
        underlying: "I:SPX",
        expiry: "2021-01-04",
        right: "call",
        strike: 3700,
      }),
    {
      name: "RangeError",
      message:
        'Cannot format option ticker: index underlying I:SPX needs its option root (root: "SPX" or "SPXW" for I:SPX)',
    },
  );
  assert.throws(
    () =>
      formatOptionTicker({
        underlying: "I:NDX",
        root: "SPXW",
        expiry: "2021-01-04",
        right: "call",
        strike: 3700,
      }),
    { message: 'Cannot format option ticker: root SPXW is an option on I:SPX, not "I:NDX"' },
  );
  assert.throws(
    () =>
      formatOptionTicker({
        underlying: "SPY",
        root: "SPX",
        expiry: "2021-01-04",
        right: "call",
        strike: 3700,
      }),
    { message: 'Cannot format option ticker: root SPX is an option on I:SPX, not "SPY"' },
  );
  // Adjusted equity roots stay free: SPY1 on SPY prints as given.
  assert.equal(
    formatOptionTicker({
      underlying: "SPY",
      root: "SPY1",
      expiry: "2025-03-04",
      right: "put",
      strike: 601,
    }),
    "O:SPY1250304P00601000",
  );
});

Deno.test("optionRootsOf() lists SPX (AM, monthly) and SPXW (PM, daily) for I:SPX, one root for a stock", () => {
  assert.deepEqual(
    optionRootsOf("I:SPX").map((r) => [r.root, r.settlement, r.cycle, r.strikeIncrement]),
    [["SPX", "am", "monthly", 5], ["SPXW", "pm", "daily", 5]],
  );
  assert.deepEqual(
    optionRootsOf("SPY").map((r) => [r.root, r.underlying, r.settlement, r.cycle, r.style]),
    [["SPY", "SPY", "pm", "daily", "american"]],
  );
  assert.equal(optionRoot("AAPL").cycle, "weekly");
  assert.equal(optionRoot("RUT").settlement, "am");
  assert.throws(() => optionRootsOf("I:VIX"), {
    name: "RangeError",
    message:
      "Cannot list option roots of I:VIX: index options are known for I:SPX, I:NDX, I:RUT only",
  });
});
