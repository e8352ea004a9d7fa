// Whole listed chains (issue 13): hand-checked expiries and strikes of SPY, SPX and SPXW on
// a monthly Friday and on the Thursday before Good Friday, index options on the index's
// path, AM settlement, and the chain generator agreeing with the per-contract bars.
import { deepEqual, equal, ok, throws } from "node:assert/strict";
import { parseOptionTicker } from "../../../lib/market/parse_option_ticker.ts";
import { createSimSource, simChainBars } from "../../../lib/sources/sim/mod.ts";

const sim = createSimSource({ seed: 42 });

const expiriesOf = (chain: { ticker: string; expiry: string }[], root: string) =>
  [...new Set(chain.filter((c) => parseOptionTicker(c.ticker).root === root).map((c) => c.expiry))]
    .sort();

const DAILIES_0315 = [
  "2024-03-15", // the monthly Friday itself: 0DTE
  "2024-03-18",
  "2024-03-19",
  "2024-03-20",
  "2024-03-21",
  "2024-03-22",
  "2024-03-25",
  "2024-03-26",
  "2024-03-27",
  "2024-03-28", // Good Friday 03-29 is closed
  "2024-04-01",
  "2024-04-02",
  "2024-04-03",
  "2024-04-04",
  "2024-04-05", // 21 days ahead
];

Deno.test("sim chain 2024-03-15: SPY and SPXW list dailies, weeklies and the April monthly; SPX only April", async () => {
  const spy = await sim.optionContracts("SPY", "2024-03-15");
  const after = ["2024-04-12", "2024-04-19", "2024-04-26"]; // weeklies to 45 days; 04-19 monthly
  deepEqual(expiriesOf(spy, "SPY"), [...DAILIES_0315, ...after]);
  const spx = await sim.optionContracts("I:SPX", "2024-03-15");
  deepEqual(expiriesOf(spx, "SPXW"), [...DAILIES_0315, ...after]);
  // The March SPX monthly settled at this morning's open: not listed; May's is 63 days out.
  deepEqual(expiriesOf(spx, "SPX"), ["2024-04-19"]);
  ok(spx.every((c) => c.underlying === "I:SPX" && c.style === "european"));
  ok(spy.every((c) => c.underlying === "SPY" && c.style === "american"));
});

Deno.test("sim chain 2024-03-28: the Thursday before Good Friday is the week's last expiry", async () => {
  const spx = await sim.optionContracts("I:SPX", "2024-03-28");
  const spxw = expiriesOf(spx, "SPXW");
  equal(spxw[0], "2024-03-28");
  equal(spxw[1], "2024-04-01");
  ok(!spxw.includes("2024-03-29"));
  // dailies to 21 days (04-18), weeklies to 45 days (05-10), the May monthly within 60 days
  deepEqual(spxw.slice(-6), [
    "2024-04-18",
    "2024-04-19",
    "2024-04-26",
    "2024-05-03",
    "2024-05-10",
    "2024-05-17",
  ]);
  equal(spxw.length, 15 + 5);
  deepEqual(expiriesOf(spx, "SPX"), ["2024-04-19", "2024-05-17"]);
  deepEqual(expiriesOf(await sim.optionContracts("SPY", "2024-03-28"), "SPY"), spxw);
});

Deno.test("sim chain: SPX strikes are $5 within 5% of the previous close and $25 out to 15%", async () => {
  const close = (await sim.minuteBars("I:SPX", "2024-03-14")).at(-1)!.close;
  const spx = await sim.optionContracts("I:SPX", "2024-03-15", { expiryTo: "2024-03-15" });
  const strikes = spx.filter((c) => c.right === "call").map((c) => c.strike);
  const expected: number[] = [];
  for (let k = 5 * Math.ceil((close * 0.85) / 5); k <= close * 1.15; k += 5) {
    if (Math.abs(k / close - 1) <= 0.05 || k % 25 === 0) expected.push(k);
  }
  deepEqual(strikes, expected);
  ok(close > 3000 && close < 9000, `SPX level ${close}`);
  ok(strikes.length > 120, `${strikes.length} strikes`);
});

Deno.test("sim SPXW options trade on the index path; SPX monthlies have no bars on their AM expiry day", async () => {
  // The strike nearest the index at mid-session: a 0DTE contract trades often near the money
  // (the day's path decides how long it stays there).
  const index = await sim.minuteBars("I:SPX", "2024-03-15");
  const atm = 5 * Math.round(index[195].close / 5);
  const k = String(atm * 1000).padStart(8, "0");
  const bars = await sim.minuteBars(`O:SPXW240315C${k}`, "2024-03-15");
  ok(bars.length > 30, `${bars.length} bars`);
  ok(bars[0].close > 1 && bars[0].close < 200, `ATM 0DTE call at ${bars[0].close}`);
  deepEqual(await sim.minuteBars(`O:SPX240315C${k}`, "2024-03-15"), []);
  const far = String(5 * Math.round(index[0].open / 5) * 1000).padStart(8, "0");
  ok((await sim.minuteBars(`O:SPX240315C${far}`, "2024-03-14")).length > 0);
});

Deno.test("simChainBars() equals the per-contract bars, is deterministic, and is sparse", async () => {
  const day = simChainBars("I:SPX", "2024-03-15", { seed: 42 });
  equal(day.contracts.length, (await sim.optionContracts("I:SPX", "2024-03-15")).length);
  const rows = day.bars.ts.length;
  ok(rows > 10_000 && rows < day.contracts.length * 390 * 0.2, `${rows} rows`);
  for (const i of [0, 97, Math.floor(day.contracts.length / 2), day.contracts.length - 1]) {
    const own = await sim.minuteBars(day.contracts[i].ticker, "2024-03-15");
    const at = day.bars.contract.flatMap((c, j) => (c === i ? [j] : []));
    deepEqual(at.map((j) => day.bars.ts[j]), own.map((b) => b.ts));
    deepEqual(at.map((j) => day.bars.close[j]), own.map((b) => b.close));
    deepEqual(at.map((j) => day.bars.volume[j]), own.map((b) => b.volume));
  }
  deepEqual(simChainBars("I:SPX", "2024-03-15", { seed: 42 }).bars, day.bars);
  throws(() => simChainBars("SPY", "2024-03-16"), {
    message: "Cannot simulate SPY options on 2024-03-16: the exchange is closed",
  });
});
