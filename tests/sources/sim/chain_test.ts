// The simulator's listed chain: what it lists, how the filters cut it, and that every
// contract is a valid OptionContract whose ticker reads back to its fields.
import { deepEqual, equal, ok } from "node:assert/strict";
import { tradingDays } from "../../../lib/calendar/mod.ts";
import { OptionContractSchema } from "../../../lib/market/contracts.ts";
import { parseOptionTicker } from "../../../lib/market/parse_option_ticker.ts";
import { createSimSource } from "../../../lib/sources/sim/mod.ts";

const sim = createSimSource({ seed: 42 });
const DATE = "2025-03-04";

Deno.test("sim chain: SPY lists dailies for three weeks, weeklies, monthlies and $1 strikes within 15% of the previous close", async () => {
  const chain = await sim.optionContracts("SPY", DATE);
  const expiries = [...new Set(chain.map((c) => c.expiry))].sort();
  // every trading day from the date to 21 days ahead, the Friday weeklies to 45 days (Good
  // Friday 2025-04-18 moves to Thursday), April's monthly (the same Thursday) within 60 days
  deepEqual(expiries, [
    ...tradingDays(DATE, "2025-03-25"),
    "2025-03-28",
    "2025-04-04",
    "2025-04-11",
    "2025-04-17",
  ]);
  const previousClose = (await sim.minuteBars("SPY", "2025-03-03")).at(-1)!.close;
  const strikes = [...new Set(chain.map((c) => c.strike))].sort((a, b) => a - b);
  const lo = Math.ceil(previousClose * 0.85), hi = Math.floor(previousClose * 1.15);
  deepEqual(strikes, Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
  equal(chain.length, expiries.length * strikes.length * 2);
});

Deno.test("sim chain: every contract is a valid American 100-share contract whose ticker reads back", async () => {
  for (const c of await sim.optionContracts("QQQ", DATE, { expiryTo: "2025-03-07" })) {
    deepEqual(OptionContractSchema.parse(c), c);
    const t = parseOptionTicker(c.ticker);
    deepEqual([t.underlying, t.expiry, t.right, t.strike], [
      c.underlying,
      c.expiry,
      c.right,
      c.strike,
    ]);
    equal(c.multiplier, 100);
    equal(c.style, "american");
  }
});

Deno.test("sim chain: the strike and expiry filters are inclusive cuts of the full chain", async () => {
  const all = await sim.optionContracts("SPY", DATE);
  // strikes 39..35 below the centre (the previous close rounded), whatever its level
  const centre = Math.round((await sim.minuteBars("SPY", "2025-03-03")).at(-1)!.close);
  const lo = centre - 39, hi = centre - 35;
  const cut = await sim.optionContracts("SPY", DATE, {
    strikeMin: lo - 0.5,
    strikeMax: hi,
    expiryFrom: "2025-03-05",
    expiryTo: "2025-03-07",
  });
  deepEqual(
    cut,
    all.filter((c) =>
      c.strike >= lo - 0.5 && c.strike <= hi && c.expiry >= "2025-03-05" &&
      c.expiry <= "2025-03-07"
    ),
  );
  deepEqual([...new Set(cut.map((c) => c.strike))], [lo, lo + 1, lo + 2, lo + 3, hi]);
  equal(cut.length, 5 * 3 * 2);
});

Deno.test("sim chain: nothing listed has expired, and yesterday's 0DTE is gone today", async () => {
  for (const date of tradingDays("2025-03-03", "2025-03-14")) {
    const chain = await sim.optionContracts("SPY", date);
    ok(chain.every((c) => c.expiry >= date), date);
    ok(chain.some((c) => c.expiry === date), `${date} has a 0DTE expiry`);
  }
});
