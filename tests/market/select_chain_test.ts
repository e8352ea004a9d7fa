import assert from "node:assert/strict";
import { formatOptionTicker, type OptionContract, selectChain } from "@lib/market/mod.ts";

const DATE = "2025-03-04";
const OPEN_MS = Date.UTC(2025, 2, 4, 14, 30); // 09:30 New York (EST)

function chain(expiries: string[], lo: number, hi: number): OptionContract[] {
  const out: OptionContract[] = [];
  for (const expiry of expiries) {
    for (const right of ["call", "put"] as const) {
      for (let strike = lo; strike <= hi; strike++) {
        out.push({
          ticker: formatOptionTicker({ underlying: "SPY", expiry, right, strike }),
          underlying: "SPY",
          expiry,
          right,
          strike,
          multiplier: 100,
          style: "american",
        });
      }
    }
  }
  return out;
}

const strikesOf = (cs: OptionContract[], right: "call" | "put") =>
  cs.filter((c) => c.right === right).map((c) => c.strike);

Deno.test("selectChain() by moneyness keeps both rights within the band, in the money too", () => {
  const kept = selectChain(chain([DATE, "2025-03-05"], 580, 620), {
    mode: "moneyness",
    moneyness: 0.01,
    spot: 600,
    tsMs: OPEN_MS,
    expiries: [DATE],
  });
  // |K / 600 - 1| <= 1%: 594..606, puts first, one expiry only
  const band = Array.from({ length: 13 }, (_, i) => 594 + i);
  assert.deepEqual(strikesOf(kept, "put"), band);
  assert.deepEqual(strikesOf(kept, "call"), band);
  assert.ok(kept.every((c) => c.expiry === DATE));
  assert.equal(kept[0].ticker, "O:SPY250304P00594000");
});

Deno.test("selectChain() by delta keeps |delta| in [0.05, 0.95], hand-computed at the open", () => {
  // 0DTE at 09:30: t = 6.5 h / 8760 h, vol 0.2, rate 0, so sigma sqrt(t) = 0.005448 and
  // 0.05 <= N(d1) <= 0.95 means |ln(600/K)| <= 1.645 x 0.005448: K in [594.65, 605.41].
  // Calls 595..605 (595..599 in the money) and puts 595..605 (601..605 in the money).
  const kept = selectChain(chain([DATE], 585, 615), {
    mode: "delta",
    spot: 600,
    tsMs: OPEN_MS,
    expiries: [DATE],
    deltaMin: 0.05,
    deltaMax: 0.95,
    deltaVol: 0.2,
  });
  const band = Array.from({ length: 11 }, (_, i) => 595 + i);
  assert.deepEqual(strikesOf(kept, "call"), band);
  assert.deepEqual(strikesOf(kept, "put"), band);
  // A 0.4-0.6 band is the at-the-money strikes only.
  const atm = selectChain(chain([DATE], 585, 615), {
    mode: "delta",
    spot: 600,
    tsMs: OPEN_MS,
    expiries: [DATE],
    deltaMin: 0.4,
    deltaMax: 0.6,
  });
  assert.deepEqual(atm.map((c) => c.ticker), ["O:SPY250304P00600000", "O:SPY250304C00600000"]);
});

Deno.test("selectChain() all keeps every contract of the expiries asked, in chain order", () => {
  const listed = chain(["2025-03-06", DATE, "2025-03-05"], 598, 600).reverse();
  const kept = selectChain(listed, {
    mode: "all",
    spot: 600,
    tsMs: OPEN_MS,
    expiries: [DATE, "2025-03-06"],
  });
  assert.equal(kept.length, 12);
  assert.deepEqual(kept.slice(0, 4).map((c) => c.ticker), [
    "O:SPY250304P00598000",
    "O:SPY250304P00599000",
    "O:SPY250304P00600000",
    "O:SPY250304C00598000",
  ]);
  assert.equal(kept[11].ticker, "O:SPY250306C00600000");
});

Deno.test("selectChain() refuses bad bands", () => {
  const base = { spot: 600, tsMs: OPEN_MS, expiries: [DATE] };
  assert.throws(() => selectChain([], { ...base, mode: "moneyness", moneyness: 1.5 }), {
    name: "RangeError",
    message: "Cannot select from the chain: moneyness must be in [0, 1], got 1.5",
  });
  assert.throws(
    () => selectChain([], { ...base, mode: "delta", deltaMin: 0.6, deltaMax: 0.4 }),
    { message: "Cannot select from the chain: deltaMin 0.6 is above deltaMax 0.4" },
  );
  assert.throws(() => selectChain([], { ...base, spot: 0, mode: "all" }), {
    message: "Cannot select from the chain: spot must be > 0, got 0",
  });
});
