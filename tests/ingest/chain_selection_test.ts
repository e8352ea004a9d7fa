// Chain-wide selection through the real jobs: I:SPX options (SPX and SPXW) selected by
// moneyness over several expiries, the option bars fetched as one chain, and a forced rerun
// that adds a wider selection unless asked to replace it.
import { deepEqual, equal, ok } from "node:assert/strict";
import pl from "nodejs-polars";
import { barsJob, contractsJob, optionBarsJob, runJobs } from "../../lib/ingest/mod.ts";
import { parseOptionTicker } from "../../lib/market/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";
import { readPartition, removeLake, RULES, tempLake } from "./_options_lake.ts";

const sim = createSimSource({ seed: 42 });
const DATE = "2024-03-15";
const CONTRACTS = { dataset: "option_contracts", value: "I:SPX", date: DATE } as const;
const BARS = { dataset: "option_minute", value: "I:SPX", date: DATE } as const;
const WEEK = { ...RULES, select: "moneyness" as const, moneyness: 0.01, dteMin: 0, dteMax: 7 };

Deno.test("I:SPX options by moneyness over DTE 0-7: both roots, both rights, open from index_minute", async () => {
  const root = await tempLake();
  try {
    await runJobs([barsJob(sim, "index_minute", "I:SPX", DATE)], { root });
    const open = readPartition(root, { dataset: "index_minute", value: "I:SPX", date: DATE })
      .sort("ts").getColumn("open").get(0) as number;
    const done = await runJobs([contractsJob(sim, root, "I:SPX", DATE, WEEK)], { root });
    equal(done.failed, 0, JSON.stringify(done.failures));
    const contracts = readPartition(root, CONTRACTS);
    const tickers = contracts.getColumn("ticker").toArray() as string[];
    const fields = tickers.map(parseOptionTicker);
    // SPXW dailies 03-15..03-22 (SPX's March monthly settled this morning and is not listed)
    deepEqual([...new Set(fields.map((f) => f.expiry))].sort(), [
      "2024-03-15",
      "2024-03-18",
      "2024-03-19",
      "2024-03-20",
      "2024-03-21",
      "2024-03-22",
    ]);
    ok(fields.every((f) => f.root === "SPXW" && f.underlying === "I:SPX"));
    ok(fields.every((f) => Math.abs(f.strike / open - 1) <= 0.01 + 1e-12));
    const calls = fields.filter((f) => f.right === "call" && f.expiry === DATE).map((f) =>
      f.strike
    );
    const puts = fields.filter((f) => f.right === "put" && f.expiry === DATE).map((f) => f.strike);
    deepEqual(calls, puts);
    // $5 strikes from the first multiple of 5 at or above 0.99 x open to 1.01 x open
    const lo = 5 * Math.ceil((open * 0.99) / 5);
    deepEqual(
      calls,
      Array.from(
        { length: (Math.floor((open * 1.01) / 5) * 5 - lo) / 5 + 1 },
        (_, i) => lo + 5 * i,
      ),
    );
    const bars = await runJobs([optionBarsJob(sim, root, "I:SPX", DATE)], { root });
    equal(bars.failed, 0, JSON.stringify(bars.failures));
    const df = readPartition(root, BARS);
    ok(df.height > 1000, `${df.height} option bars`);
    const traded = new Set(df.getColumn("ticker").toArray() as string[]);
    ok([...traded].every((t) => tickers.includes(t)));
    // The chain path gives each contract the bars the per-contract call gives.
    const one = tickers[Math.floor(tickers.length / 2)];
    deepEqual(
      df.filter(pl.col("ticker").eq(pl.lit(one))).getColumn("close").toArray(),
      (await sim.minuteBars(one, DATE)).map((b) => b.close),
    );
  } finally {
    await removeLake(root);
  }
});

Deno.test("a forced rerun adds the new selection's contracts; with replace it keeps only the new ones", async () => {
  const root = await tempLake();
  try {
    await runJobs([barsJob(sim, "index_minute", "I:SPX", DATE)], { root });
    const zeroDte = { ...WEEK, dteMax: 0 };
    await runJobs([contractsJob(sim, root, "I:SPX", DATE, zeroDte)], { root });
    const first = readPartition(root, CONTRACTS).getColumn("ticker").toArray() as string[];
    ok(first.length > 10);
    // A narrower band on the next expiries only, forced, merging: the 0DTE contracts stay.
    const next = { ...WEEK, moneyness: 0.005, dteMin: 3, dteMax: 4 };
    await runJobs([contractsJob(sim, root, "I:SPX", DATE, next, true)], { root, force: true });
    const merged = readPartition(root, CONTRACTS).getColumn("ticker").toArray() as string[];
    ok(first.every((t) => merged.includes(t)), "every earlier contract kept");
    const added = merged.filter((t) => !first.includes(t));
    ok(
      added.length > 0 &&
        added.every((t) => ["2024-03-18", "2024-03-19"].includes(parseOptionTicker(t).expiry)),
    );
    deepEqual(merged, [...merged].sort());
    await runJobs([contractsJob(sim, root, "I:SPX", DATE, next, false)], { root, force: true });
    const replaced = readPartition(root, CONTRACTS).getColumn("ticker").toArray() as string[];
    deepEqual(replaced.sort(), added.sort());
  } finally {
    await removeLake(root);
  }
});

Deno.test("nearest selection on I:SPX takes the $5 grid of SPXW (and SPX on its monthly)", async () => {
  const root = await tempLake();
  try {
    const date = "2024-03-14"; // the March SPX monthly (AM, 03-15) and SPXW both list 03-15
    await runJobs([barsJob(sim, "index_minute", "I:SPX", date)], { root });
    const open = readPartition(root, { dataset: "index_minute", value: "I:SPX", date })
      .sort("ts").getColumn("open").get(0) as number;
    const rules = { ...RULES, expiry: "next_trading_day" as const };
    const done = await runJobs([contractsJob(sim, root, "I:SPX", date, rules)], { root });
    equal(done.failed, 0, JSON.stringify(done.failures));
    deepEqual(done.warnings, []);
    const k = 5 * Math.floor(open / 5);
    ok(k !== open, "the hand-derived strikes assume an open off the $5 grid");
    const t = (r: string, right: "C" | "P", strike: number) => `O:${r}240315${right}0${strike}000`;
    // puts at or below the open (k - 5, k), then calls above (k + 5, k + 10), on both roots
    deepEqual(
      readPartition(root, { ...CONTRACTS, date }).getColumn("ticker").toArray(),
      ["SPX", "SPXW"].flatMap((r) => [
        t(r, "P", k - 5),
        t(r, "P", k),
        t(r, "C", k + 5),
        t(r, "C", k + 10),
      ]),
    );
  } finally {
    await removeLake(root);
  }
});
