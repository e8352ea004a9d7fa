import { deepEqual, equal, throws } from "node:assert/strict";
import { selectContracts } from "../../lib/ingest/mod.ts";
import type { OptionContract } from "../../lib/market/contracts.ts";
import { formatOptionTicker } from "../../lib/market/format_option_ticker.ts";
import { RULES } from "./_options_lake.ts";

/** Calls and puts listed every 1.0 from `lo` to `hi` for each expiry. */
function chain(expiries: string[], lo: number, hi: number, step = 1): OptionContract[] {
  const out: OptionContract[] = [];
  for (const expiry of expiries) {
    for (const right of ["call", "put"] as const) {
      for (let strike = lo; strike <= hi; strike += step) {
        const ticker = formatOptionTicker({ underlying: "SPY", expiry, right, strike });
        out.push({
          ticker,
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

const DATE = "2025-03-04";

Deno.test("selectContracts() takes puts at or below the open and calls above it, lowest strike first", () => {
  const s = selectContracts(chain([DATE], 585, 600), "SPY", DATE, 593.88, RULES);
  equal(s.expiry, DATE);
  deepEqual(s.selected.map((c) => c.ticker), [
    "O:SPY250304P00592000",
    "O:SPY250304P00593000",
    "O:SPY250304C00594000",
    "O:SPY250304C00595000",
  ]);
  deepEqual(s.missing, []);
});

Deno.test("selectContracts() returns the listed records themselves, multiplier and style included", () => {
  const listed = chain([DATE], 590, 596).map((c) => ({
    ...c,
    multiplier: 10,
    style: "european" as const,
  }));
  const s = selectContracts(listed, "SPY", DATE, 593.88, RULES);
  equal(s.selected.length, 4);
  for (const c of s.selected) equal(listed.find((x) => x.ticker === c.ticker), c);
  equal(s.selected[0].multiplier, 10);
});

Deno.test("selectContracts() with a 0.5 increment on a chain listed every 1.0 reports the half strikes, never invents them", () => {
  const s = selectContracts(chain([DATE], 585, 600), "SPY", DATE, 593.88, {
    ...RULES,
    strikeIncrement: 0.5,
  });
  // selectStrikes: calls 594, 594.5; puts 593.5, 593 (docs/backfill.md example)
  deepEqual(s.selected.map((c) => c.ticker), ["O:SPY250304P00593000", "O:SPY250304C00594000"]);
  deepEqual(s.missing, ["O:SPY250304P00593500", "O:SPY250304C00594500"]);
});

Deno.test("selectContracts() on an open exactly on a strike makes that strike the first put", () => {
  const s = selectContracts(chain([DATE], 585, 600), "SPY", DATE, 594, RULES);
  deepEqual(s.selected.map((c) => `${c.right} ${c.strike}`), [
    "put 593",
    "put 594",
    "call 595",
    "call 596",
  ]);
});

Deno.test("selectContracts() reports every contract when the chain lacks the expiry", () => {
  const s = selectContracts(chain(["2025-03-07"], 585, 600), "SPY", DATE, 593.88, RULES);
  deepEqual(s.selected, []);
  deepEqual(s.missing, [
    "O:SPY250304P00592000",
    "O:SPY250304P00593000",
    "O:SPY250304C00594000",
    "O:SPY250304C00595000",
  ]);
});

Deno.test("selectContracts() reports strikes beyond the listed range on one side only", () => {
  const s = selectContracts(chain([DATE], 590, 594), "SPY", DATE, 593.88, { ...RULES, calls: 3 });
  deepEqual(s.selected.map((c) => c.strike), [592, 593, 594]);
  deepEqual(s.missing, ["O:SPY250304C00595000", "O:SPY250304C00596000"]);
});

Deno.test("selectContracts() with nearest_listed takes the earliest listed expiry on or after the date", () => {
  const listed = chain(["2025-03-03", "2025-03-07", "2025-03-05"], 590, 596);
  const s = selectContracts(listed, "SPY", DATE, 593.88, { ...RULES, expiry: "nearest_listed" });
  equal(s.expiry, "2025-03-05");
  deepEqual(s.selected.map((c) => c.ticker), [
    "O:SPY250305P00592000",
    "O:SPY250305P00593000",
    "O:SPY250305C00594000",
    "O:SPY250305C00595000",
  ]);
});

Deno.test("selectContracts() with next_friday on a Tuesday and fixed on Good Friday", () => {
  const listed = chain(["2025-03-07", "2025-04-17"], 590, 596);
  equal(
    selectContracts(listed, "SPY", DATE, 593.88, { ...RULES, expiry: "next_friday" }).expiry,
    "2025-03-07",
  );
  const fixed = selectContracts(listed, "SPY", DATE, 593.88, {
    ...RULES,
    expiry: "fixed",
    fixedExpiry: "2025-04-18",
  });
  equal(fixed.expiry, "2025-04-17");
  equal(fixed.selected.length, 4);
});

Deno.test("selectContracts() with nearest_listed and nothing listed throws a RangeError", () => {
  throws(
    () => selectContracts([], "SPY", DATE, 593.88, { ...RULES, expiry: "nearest_listed" }),
    new RangeError("Cannot select expiry: no listed expiry on or after 2025-03-04 among 0 listed"),
  );
});
