import assert from "node:assert/strict";
import { formatOptionTicker, type OptionTickerFields } from "@lib/market/mod.ts";

const spy = (right: "call" | "put", strike: number): OptionTickerFields => ({
  underlying: "SPY",
  expiry: "2025-03-04",
  right,
  strike,
});

Deno.test("formatOptionTicker() writes the issue's SPY call", () => {
  assert.equal(formatOptionTicker(spy("call", 601)), "O:SPY250304C00601000");
});

Deno.test("formatOptionTicker() writes strikes in thousandths, 8 digits", () => {
  assert.equal(formatOptionTicker(spy("put", 593.5)), "O:SPY250304P00593500");
  assert.equal(formatOptionTicker(spy("put", 0.001)), "O:SPY250304P00000001");
  assert.equal(formatOptionTicker(spy("call", 99_999.999)), "O:SPY250304C99999999");
  assert.equal(formatOptionTicker(spy("call", 12.345)), "O:SPY250304C00012345");
});

Deno.test("formatOptionTicker() absorbs float noise in a computed strike", () => {
  const strike = 593 + 0.88; // 593.88 with a rounding tail
  assert.equal(formatOptionTicker(spy("call", strike)), "O:SPY250304C00593880");
  assert.equal(formatOptionTicker(spy("call", 0.1 + 0.2)), "O:SPY250304C00000300");
});

Deno.test("formatOptionTicker() refuses strikes that are not contracts", () => {
  for (const strike of [593.8805, 0, -1, 100_000, NaN, Infinity]) {
    assert.throws(() => formatOptionTicker(spy("call", strike)), {
      name: "RangeError",
      message: "Cannot format option ticker: strike must be a positive multiple of 0.001 " +
        `below 100000, got ${strike}`,
    });
  }
});

Deno.test("formatOptionTicker() refuses bad roots, expiries and rights, naming the value", () => {
  assert.throws(() => formatOptionTicker({ ...spy("call", 601), underlying: "BRK.B" }), {
    name: "RangeError",
    message: "Cannot format option ticker: underlying must be 1-6 of A-Z and 0-9 starting " +
      'with a letter, got "BRK.B"',
  });
  for (const expiry of ["2025-02-29", "1999-12-17", "2100-01-15", "20250304"]) {
    assert.throws(() => formatOptionTicker({ ...spy("call", 601), expiry }), {
      name: "RangeError",
      message: "Cannot format option ticker: expiry must be a real date YYYY-MM-DD in " +
        `2000-2099, got ${JSON.stringify(expiry)}`,
    });
  }
  assert.throws(
    () => formatOptionTicker({ ...spy("call", 601), right: "C" as unknown as "call" }),
    {
      name: "RangeError",
      message: 'Cannot format option ticker: right must be "call" or "put", got "C"',
    },
  );
  assert.throws(() => formatOptionTicker(null as unknown as OptionTickerFields), {
    name: "TypeError",
    message: "Cannot format option ticker: expected an object, got null",
  });
});
