import { deepEqual, equal, ok, rejects } from "node:assert/strict";
import pl from "nodejs-polars";
import { session } from "../../lib/calendar/mod.ts";
import {
  contractsJob,
  discoverContracts,
  openFromLake,
  optionBarsJob,
  runJobs,
} from "../../lib/ingest/mod.ts";
import { writePartition } from "../../lib/lake/write.ts";
import { barsFrame, contractsFrame, DATASET_SCHEMAS, schemaDrift } from "../../lib/lake/schemas.ts";
import { barViolation } from "../../lib/market/bars.ts";
import type { OptionContractsOptions } from "../../lib/sources/source.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";
import {
  fileOf,
  filesUnder,
  fillDay,
  optionRows,
  readPartition,
  removeLake,
  RULES,
  tempLake,
  wrapSource,
} from "./_options_lake.ts";

const sim = createSimSource({ seed: 42 });
const DATE = "2025-03-04";
const CONTRACTS = { dataset: "option_contracts", value: "SPY", date: DATE } as const;
const BARS = { dataset: "option_minute", value: "SPY", date: DATE } as const;

/** The four tickers 2 + 2 selection picks for an open between two whole strikes. */
function expectedTickers(open: number): string[] {
  const k = Math.floor(open);
  ok(k !== open, "the hand-derived strikes below assume an open off the strike grid");
  const t = (right: "C" | "P", strike: number) => `O:SPY250304${right}00${strike}000`;
  return [t("P", k - 1), t("P", k), t("C", k + 1), t("C", k + 2)];
}

Deno.test("openFromLake() names the backfill that fills a missing equity partition", async () => {
  const root = await tempLake();
  await rejects(
    openFromLake(root, "QQQ", DATE),
    new RangeError(
      "No equity_minute partition for QQQ on 2025-03-04: backfill the underlying first (--datasets equity,options --symbols QQQ)",
    ),
  );
  await removeLake(root);
});

Deno.test("openFromLake() reads the earliest minute's open even when rows are stored out of order", async () => {
  const root = await tempLake();
  const bar = (ts: number, open: number) => ({
    ts,
    open,
    high: open + 1,
    low: open - 1,
    close: open,
    volume: 10,
    vwap: open,
    trades: 1,
  });
  const s = session(DATE)!;
  const bars = [bar(s.openMs + 60_000, 601.5), bar(s.openMs, 593.88), bar(s.openMs + 120_000, 600)];
  await writePartition(
    root,
    { dataset: "equity_minute", value: "SPY", date: DATE },
    barsFrame(bars, "sim"),
  );
  equal(await openFromLake(root, "SPY", DATE), 593.88);
  await removeLake(root);
});

Deno.test("discoverContracts() refuses a closed date before reading the lake", async () => {
  await rejects(
    discoverContracts(sim, {
      root: "/nonexistent",
      underlying: "SPY",
      date: "2025-03-08",
      rules: RULES,
    }),
    new RangeError(
      "Cannot discover SPY contracts on 2025-03-08: it is not a trading day (weekend or NYSE holiday)",
    ),
  );
});

Deno.test("contractsJob() asks for strikes near the open and the exact expiry, stores the selection", async () => {
  const root = await tempLake();
  const asked: OptionContractsOptions[] = [];
  const source = wrapSource(sim, {
    optionContracts(u, d, o = {}) {
      asked.push({ ...o, signal: undefined });
      return sim.optionContracts(u, d, o);
    },
  });
  const { contracts } = await fillDay(source, root, DATE);
  const open = (await sim.minuteBars("SPY", DATE))[0].open;
  deepEqual(asked, [{
    signal: undefined,
    strikeMin: open - 4,
    strikeMax: open + 4,
    expiryFrom: DATE,
    expiryTo: DATE,
  }]);
  deepEqual(contracts.warnings, []);
  const df = readPartition(root, CONTRACTS);
  deepEqual(df.getColumn("ticker").toArray(), expectedTickers(open));
  deepEqual(schemaDrift(df.schema, DATASET_SCHEMAS.option_contracts!), []);
  const listed = await sim.optionContracts("SPY", DATE, { expiryTo: DATE });
  const chosen = expectedTickers(open).map((t) => listed.find((c) => c.ticker === t)!);
  ok(df.frameEqual(contractsFrame(chosen, "sim")));
  await removeLake(root);
});

Deno.test("contractsJob() with nearest_listed asks for every expiry up to listedHorizonDays ahead", async () => {
  const root = await tempLake();
  const asked: OptionContractsOptions[] = [];
  const source = wrapSource(sim, {
    optionContracts(u, d, o = {}) {
      asked.push(o);
      return sim.optionContracts(u, d, o);
    },
  });
  await fillDay(source, root, DATE, { ...RULES, expiry: "nearest_listed", listedHorizonDays: 10 });
  equal(asked[0].expiryFrom, DATE);
  equal(asked[0].expiryTo, "2025-03-14");
  // the simulator lists daily expiries, so the nearest is the day itself
  ok(readPartition(root, CONTRACTS).getColumn("expiry").toArray().every((e) => e === DATE));
  await removeLake(root);
});

Deno.test("contractsJob() stores only listed contracts and reports the missing one as a warning of the run", async () => {
  const root = await tempLake();
  const open = (await sim.minuteBars("SPY", DATE))[0].open;
  const [p1, p0, c1, c2] = expectedTickers(open);
  const source = wrapSource(sim, {
    async optionContracts(u, d, o) {
      return (await sim.optionContracts(u, d, o)).filter((c) => c.ticker !== c2);
    },
  });
  const { contracts, bars } = await fillDay(source, root, DATE);
  deepEqual(contracts.warnings, [
    `option_contracts/underlying=SPY/date=2025-03-04: selected ${c2} (open ${open}) is not listed`,
  ]);
  equal(contracts.written, 1);
  deepEqual(readPartition(root, CONTRACTS).getColumn("ticker").toArray(), [p1, p0, c1]);
  deepEqual(
    [...new Set(readPartition(root, BARS).getColumn("ticker").toArray())],
    [c1, p1, p0],
  );
  equal(bars.failed, 0);
  await removeLake(root);
});

Deno.test("an empty selection writes empty partitions with the lake's schemas and four warnings", async () => {
  const root = await tempLake();
  const source = wrapSource(sim, { optionContracts: () => Promise.resolve([]) });
  const { contracts, bars } = await fillDay(source, root, DATE);
  equal(contracts.warnings.length, 4);
  ok(contracts.warnings.every((w) => w.endsWith("is not listed")));
  equal(bars.written, 1);
  const c = readPartition(root, CONTRACTS), b = readPartition(root, BARS);
  equal(c.height + b.height, 0);
  deepEqual(schemaDrift(c.schema, DATASET_SCHEMAS.option_contracts!), []);
  deepEqual(schemaDrift(b.schema, DATASET_SCHEMAS.option_minute!), []);
  await removeLake(root);
});

Deno.test("optionBarsJob() stores exactly the source's bars: no zero-filled minute, every bar valid", async () => {
  const root = await tempLake();
  const { bars } = await fillDay(sim, root, DATE);
  const df = readPartition(root, BARS);
  deepEqual(schemaDrift(df.schema, DATASET_SCHEMAS.option_minute!), []);
  equal(bars.rows, df.height);
  const rows = optionRows(df);
  const tickers = readPartition(root, CONTRACTS).getColumn("ticker").toArray() as string[];
  const s = session(DATE)!;
  let absent = 0;
  for (const ticker of [...tickers].sort()) {
    const mine = rows.filter(([t]) => t === ticker).map(([, b]) => b);
    const theirs = await sim.minuteBars(ticker, DATE);
    deepEqual(mine, theirs, ticker);
    absent += s.minutes - mine.length;
    for (const b of mine) {
      equal(barViolation(b, { startMs: s.openMs, endMs: s.closeMs }), null);
      ok(b.volume! > 0 && b.trades! > 0, `${ticker} ${b.ts} traded nothing yet has a bar`);
    }
  }
  ok(absent > 0, "some minutes without trades should be absent");
  // sorted by ticker, then time
  const keys = rows.map(([t, b]) => `${t} ${String(b.ts).padStart(15)}`);
  deepEqual(keys, [...keys].sort());
  deepEqual(df.getColumn("source").unique().toArray(), ["sim"]);
  await removeLake(root);
});

Deno.test("optionBarsJob() without the day's contracts fails with a message naming the missing step", async () => {
  const root = await tempLake();
  const out = await runJobs([optionBarsJob(sim, root, "SPY", DATE)], { root });
  deepEqual(out.failures, [{
    partition: "option_minute/underlying=SPY/date=2025-03-04",
    error: "No option_contracts partition for SPY on 2025-03-04: run the contract selection first",
  }]);
  await removeLake(root);
});

Deno.test("contractsJob() without the underlying's bars fails, naming the fix, and writes nothing", async () => {
  const root = await tempLake();
  const out = await runJobs([contractsJob(sim, root, "SPY", DATE, RULES)], { root });
  equal(out.failed, 1);
  equal(
    out.failures[0].error,
    "No equity_minute partition for SPY on 2025-03-04: backfill the underlying first (--datasets equity,options --symbols SPY)",
  );
  deepEqual(
    (await filesUnder(root)).filter((f) => f.endsWith(".parquet")),
    [],
  );
  await removeLake(root);
});

Deno.test("the option_minute partition is readable as one table with the contracts joined on ticker", async () => {
  const root = await tempLake();
  await fillDay(sim, root, DATE);
  const joined = readPartition(root, BARS).join(readPartition(root, CONTRACTS), {
    on: "ticker",
  });
  equal(joined.height, readPartition(root, BARS).height);
  const rights = joined.groupBy("right").agg(pl.col("ticker").nUnique().alias("n")).sort("right");
  deepEqual(rights.toRecords(), [{ right: "call", n: 2 }, { right: "put", n: 2 }]);
  ok((await Deno.stat(fileOf(root, BARS))).size > 0);
  await removeLake(root);
});
