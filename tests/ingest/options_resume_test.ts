// Per-contract staging: a day interrupted part-way resumes from the contracts it had staged,
// without asking the server for them again, and ends with the same partition and quarantine.
import { deepEqual, equal, ok } from "node:assert/strict";
import { session } from "../../lib/calendar/mod.ts";
import { optionBarsJob, runJobs } from "../../lib/ingest/mod.ts";
import { Manifest } from "../../lib/lake/manifest.ts";
import { partitionDir, partitionKey } from "../../lib/lake/paths.ts";
import { createPolygonSource, startFakePolygon } from "../../lib/sources/polygon/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";
import type { Source } from "../../lib/sources/source.ts";
import {
  failingAfter,
  fileOf,
  filesUnder,
  fillDay,
  readPartition,
  removeLake,
  tempLake,
  wrapSource,
} from "./_options_lake.ts";

const sim = createSimSource({ seed: 42 });
const DATE = "2025-03-04";
const BARS = { dataset: "option_minute", value: "SPY", date: DATE } as const;
const STAGING = `_staging/${partitionDir(BARS)}`;

/** How many aggregate requests the fake server logged for `ticker` from entry `from` on. */
function aggsRequests(log: { path: string }[], ticker: string, from = 0): number {
  const path = `/v2/aggs/ticker/${encodeURIComponent(ticker)}/`;
  return log.slice(from).filter((r) => r.path.startsWith(path)).length;
}

async function sha256Of(root: string): Promise<string> {
  const m = await Manifest.open(root, "option_minute");
  return m.get(partitionKey(BARS))!.sha256;
}

Deno.test("a day interrupted after two contracts resumes from their staged pieces without asking the server again", async () => {
  const fake = startFakePolygon({ provider: sim, seed: 3 });
  const polygon = createPolygonSource({
    apiKey: "fake-key",
    baseUrl: fake.url,
    rateLimitPerMinute: 60_000,
  });
  const root = await tempLake(), reference = await tempLake();
  try {
    // Interrupted: the third contract's download fails, as if the process had died there.
    const first = await fillDay(failingAfter(polygon, 3), root, DATE);
    equal(first.bars.failed, 1);
    const tickers = readPartition(root, { ...BARS, dataset: "option_contracts" })
      .getColumn("ticker").toArray() as string[];
    equal(tickers.length, 4);
    const staged = (await filesUnder(`${root}/${STAGING}`)).filter((f) => f.endsWith(".parquet"));
    deepEqual(staged, tickers.slice(0, 2).map((t) => `${encodeURIComponent(t)}.parquet`));
    for (const t of tickers.slice(0, 2)) equal(aggsRequests(fake.stats.log, t), 1, t);

    // Resumed: only the two contracts not staged are requested.
    const mark = fake.stats.log.length;
    const resumed = await runJobs([optionBarsJob(polygon, root, "SPY", DATE)], { root });
    equal(resumed.written, 1);
    deepEqual(
      tickers.map((t) => aggsRequests(fake.stats.log, t, mark)),
      [0, 0, 1, 1],
    );
    deepEqual(await filesUnder(`${root}/${STAGING}`), [], "staged pieces removed once written");

    // The same partition, byte for byte, as a run that was never interrupted.
    await fillDay(polygon, reference, DATE);
    equal(await sha256Of(root), await sha256Of(reference));
    deepEqual(
      await Deno.readFile(fileOf(root, BARS)),
      await Deno.readFile(fileOf(reference, BARS)),
    );
  } finally {
    await fake.close();
    await removeLake(root);
    await removeLake(reference);
  }
});

/** The simulator, with one bar outside the session appended to every option's bars. */
function withStrayBars(inner: Source): Source {
  return wrapSource(inner, {
    async minuteBars(ticker, date, o) {
      const bars = await inner.minuteBars(ticker, date, o);
      if (!ticker.startsWith("O:")) return bars;
      const stray = { ...bars[0], ts: session(date)!.closeMs + 15 * 60_000 }; // 16:15: after the option close
      return [...bars, stray];
    },
  });
}

Deno.test("a resumed day keeps the quarantined rows of the contracts staged before the interruption", async () => {
  const source = withStrayBars(sim);
  const root = await tempLake(), reference = await tempLake();
  try {
    await fillDay(failingAfter(source, 4), root, DATE);
    const staged = await filesUnder(`${root}/${STAGING}`);
    equal(staged.filter((f) => f.endsWith(".quarantine.jsonl")).length, 3);
    const resumed = await runJobs([optionBarsJob(source, root, "SPY", DATE)], { root });
    equal(resumed.quarantined, 4);

    const { bars } = await fillDay(source, reference, DATE);
    equal(bars.quarantined, 4);
    const q = (r: string) => Deno.readTextFile(`${r}/${partitionDir(BARS)}/_quarantine.jsonl`);
    equal(await q(root), await q(reference));
    const reasons = (await q(root)).trim().split("\n").map((l) => JSON.parse(l).reason);
    ok(
      reasons.every((r: string) => /^O:SPY250304[CP]\d{8}: ts .* is outside the session$/.test(r)),
      reasons.join("\n"),
    );
    deepEqual(
      await Deno.readFile(fileOf(root, BARS)),
      await Deno.readFile(fileOf(reference, BARS)),
    );
  } finally {
    await removeLake(root);
    await removeLake(reference);
  }
});

Deno.test("a staged piece that cannot be read is fetched again instead of failing the day", async () => {
  let calls = 0;
  const counting = wrapSource(sim, {
    minuteBars(t, d, o) {
      if (t.startsWith("O:")) calls++;
      return sim.minuteBars(t, d, o);
    },
  });
  const root = await tempLake(), reference = await tempLake();
  try {
    await fillDay(failingAfter(sim, 2), root, DATE);
    const [piece] = await filesUnder(`${root}/${STAGING}`);
    await Deno.writeTextFile(`${root}/${STAGING}/${piece}`, "not parquet");
    const resumed = await runJobs([optionBarsJob(counting, root, "SPY", DATE)], { root });
    equal(resumed.written, 1);
    equal(calls, 4);
    await fillDay(sim, reference, DATE);
    deepEqual(
      await Deno.readFile(fileOf(root, BARS)),
      await Deno.readFile(fileOf(reference, BARS)),
    );
  } finally {
    await removeLake(root);
    await removeLake(reference);
  }
});
