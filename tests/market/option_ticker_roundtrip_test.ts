import assert from "node:assert/strict";
import {
  formatOptionTicker,
  optionRoot,
  type OptionTickerFields,
  parseOptionTicker,
} from "@lib/market/mod.ts";
import { mulberry32 } from "@lib/random/mod.ts";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALNUM = LETTERS + "0123456789";

function randomContract(rand: () => number): OptionTickerFields {
  const pick = (s: string) => s[Math.floor(rand() * s.length)];
  let root = pick(LETTERS);
  const extra = Math.floor(rand() * 6);
  for (let i = 0; i < extra; i++) root += pick(ALNUM);
  // One in eight is an index option (SPX, SPXW, NDXP...), whose underlying is the index.
  if (rand() < 0.125) root = ["SPX", "SPXW", "NDX", "NDXP", "RUT", "RUTW"][Math.floor(rand() * 6)];
  const expiryMs = Date.UTC(2000, 0, 1) + Math.floor(rand() * 36_524) * 86_400_000;
  const expiry = new Date(expiryMs).toISOString().slice(0, 10);
  // Mix strike scales: whole dollars, halves, cents, and any thousandth up to the maximum.
  const scale = [1000, 500, 10, 1][Math.floor(rand() * 4)];
  const units = 1 + Math.floor(rand() * Math.floor(99_999_999 / scale));
  return {
    underlying: optionRoot(root).underlying,
    root,
    expiry,
    right: rand() < 0.5 ? "call" : "put",
    strike: (units * scale) / 1000,
  };
}

Deno.test("parseOptionTicker(formatOptionTicker(c)) returns c for 10 000 random contracts", () => {
  const rand = mulberry32(601);
  for (let i = 0; i < 10_000; i++) {
    const c = randomContract(rand);
    const ticker = formatOptionTicker(c);
    assert.match(ticker, /^O:[A-Z][A-Z0-9]{0,5}\d{6}[CP]\d{8}$/);
    assert.deepEqual(parseOptionTicker(ticker), c, ticker);
    assert.equal(formatOptionTicker(parseOptionTicker(ticker)), ticker);
  }
});

Deno.test("tickers of one root and expiry sort by right, then by strike", () => {
  const rand = mulberry32(42);
  const strikes = Array.from({ length: 200 }, () => 1 + Math.floor(rand() * 99_999_998));
  const tickers = strikes.map((th) =>
    formatOptionTicker({ underlying: "SPY", expiry: "2025-03-04", right: "put", strike: th / 1000 })
  );
  const byTicker = [...tickers].sort().map((t) => parseOptionTicker(t).strike);
  const byStrike = strikes.map((th) => th / 1000).sort((a, b) => a - b);
  assert.deepEqual(byTicker, byStrike);
});
