import assert from "node:assert/strict";
import { barsJob, planBackfill } from "@lib/ingest/mod.ts";
import { createSimSource, type Source } from "@lib/sources/mod.ts";
import { bars } from "../lake/_helpers.ts";

const sim = createSimSource();
const base = { symbols: ["SPY", "QQQ"], indices: ["I:VIX"], from: "2025-03-06", to: "2025-03-10" };

Deno.test("planBackfill() plans date-major: every dataset of a day before the next day", () => {
  const jobs = planBackfill(sim, { ...base, datasets: ["equity", "index", "news"] });
  const show = jobs.map((j) => `${j.id.date} ${j.id.dataset} ${j.id.value}`);
  assert.deepEqual(show.slice(0, 5), [
    "2025-03-06 equity_minute SPY",
    "2025-03-06 equity_minute QQQ",
    "2025-03-06 index_minute I:VIX",
    "2025-03-06 news SPY",
    "2025-03-06 news QQQ",
  ]);
  // Thursday, Friday, (weekend), Monday
  assert.deepEqual([...new Set(jobs.map((j) => j.id.date))], [
    "2025-03-06",
    "2025-03-07",
    "2025-03-10",
  ]);
  assert.equal(jobs.length, 15);
  assert.equal(planBackfill(sim, { ...base, datasets: ["index"] }).length, 3);
});

Deno.test("planBackfill() refuses a reversed range and a range without a trading day", () => {
  assert.throws(
    () =>
      planBackfill(sim, { ...base, datasets: ["equity"], from: "2025-03-10", to: "2025-03-06" }),
    {
      name: "RangeError",
      message: "Cannot plan a backfill: from 2025-03-10 is after to 2025-03-06",
    },
  );
  assert.throws(
    () =>
      planBackfill(sim, { ...base, datasets: ["equity"], from: "2025-12-25", to: "2025-12-25" }),
    {
      name: "RangeError",
      message: "Cannot plan a backfill: no trading day from 2025-12-25 to 2025-12-25",
    },
  );
});

Deno.test("barsJob() validates the source's bars against the session, early close included", async () => {
  // 2025-11-28 closes at 13:00: the 13:00 bar is set aside, an exact duplicate dropped
  const openMs = Date.UTC(2025, 10, 28, 14, 30);
  const raw = bars(openMs, 211);
  const source: Source = {
    ...sim,
    minuteBars: () => Promise.resolve([raw[5], ...raw.slice().reverse()]),
  };
  const out = await barsJob(source, "equity_minute", "SPY", "2025-11-28").produce(
    new AbortController().signal,
  );
  assert.equal(out.frame.height, 210);
  assert.deepEqual(out.quarantine, [{
    reason: "ts 2025-11-28T18:00:00.000Z is outside the session",
    row: raw[210],
  }]);
  assert.equal(out.frame.getColumn("source").get(0), "sim");
});

Deno.test("barsJob() on a closed day rejects with a RangeError naming the day", async () => {
  const job = barsJob(createSimSource(), "equity_minute", "SPY", "2025-04-18");
  await assert.rejects(
    () => job.produce(new AbortController().signal),
    new RangeError("Cannot fetch SPY on 2025-04-18: the exchange is closed that day"),
  );
});
