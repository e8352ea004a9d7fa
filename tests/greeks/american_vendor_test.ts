// The vendor's SPY chains (LEAN universe files, Apache-2.0; see ../shared/data/lean/SOURCES.md)
// priced with the American model, the rate from LEAN's own rate file: a loose cross-check.
import assert from "node:assert/strict";
import { parseRateCsv, rateFor } from "../../lib/carry/mod.ts";
import { americanImpliedVol } from "../../lib/greeks/mod.ts";

const DATA = new URL("../../../shared/data/lean/", import.meta.url);

Deno.test("American implied vols of the vendor's SPY chains land within a few vol points of the vendor's", () => {
  const curve = parseRateCsv(
    Deno.readTextFileSync(new URL("reference/lean_interest-rate_usa.csv", DATA)),
    { source: "lean" },
  );
  const gaps: number[] = [];
  const dir = new URL("option_universes_iv_greeks/", DATA);
  for (const name of [...Deno.readDirSync(dir)].map((e) => e.name).sort()) {
    const d = name.slice(11, 19);
    const date = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
    const rows = Deno.readTextFileSync(new URL(name, dir)).trim().split("\n").slice(1)
      .map((l) => l.split(","));
    const spot = Number(rows.find((r) => r[0] === "")![6]);
    const opts = rows.filter((r) => r[0] !== "" && Number(r[9]) > 0.05);
    const tYears = opts.map((r) => {
      const e = `${r[0].slice(0, 4)}-${r[0].slice(4, 6)}-${r[0].slice(6, 8)}`;
      return (Date.parse(e) - Date.parse(date)) / (365 * 86_400_000);
    });
    const iv = americanImpliedVol({
      right: opts.map((r) => (r[2] === "C" ? "call" : "put")),
      price: opts.map((r) => Number(r[6])),
      spot,
      strike: opts.map((r) => Number(r[1])),
      tYears,
      rate: tYears.map((t) => rateFor(curve, date, t)),
      dividendYield: 0.013,
    });
    opts.forEach((r, i) => {
      if (iv.status[i] === 0) gaps.push(Math.abs(iv.vol[i] - Number(r[9])));
    });
  }
  gaps.sort((a, b) => a - b);
  assert.ok(gaps.length >= 85, `${gaps.length} comparable contracts`);
  const median = gaps[gaps.length >> 1];
  // Measured 0.036 (3.6 vol points): deep in-the-money, mostly untraded LEAPS calls; see
  // docs/pricing.md for why this data cannot check near-the-money agreement.
  assert.ok(median > 0.01 && median < 0.05, `median |Δiv| ${median}`);
});
