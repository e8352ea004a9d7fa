import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { loadConfig } from "@lib/config/mod.ts";
import { backfill } from "@lib/ingest/mod.ts";
import { Manifest, partitionFile } from "@lib/lake/mod.ts";
import { createLogger } from "@lib/run/mod.ts";
import { createSource } from "@lib/sources/mod.ts";
import { fakeDayCsv, flatFileKey, gzip } from "@lib/sources/flatfiles/mod.ts";
import { smallSim, startSmallFake } from "../sources/flatfiles/_fake.ts";

type Fake = Awaited<ReturnType<typeof startSmallFake>>;

async function run(fake: Fake, dir: string, over: Record<string, unknown> = {}) {
  const { from = "2025-03-03", to = "2025-03-04", cacheDir = `${dir}/cache`, force = false } =
    over as { from?: string; to?: string; cacheDir?: string; force?: boolean };
  const config = loadConfig({
    env: { POLYGON_S3_ACCESS_KEY_ID: "S3RVER", POLYGON_S3_SECRET_ACCESS_KEY: "S3RVER" },
    overrides: {
      data: { dir },
      cache: { dir: cacheDir },
      source: { name: "flatfiles", flatfiles: { endpoint: fake.url, maxRetries: 1 } },
      backfill: { from, to, datasets: ["equity", "index", "options"], force, concurrency: 2 },
    },
  });
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  const source = createSource(config, { logger: log });
  const result = await backfill(config, { source, command: ["test"], log });
  return { result, lines };
}

const read = (dir: string, dataset: string, value: string, date: string) =>
  pl.readParquet(
    `${dir}/lake/${partitionFile({ dataset: dataset as "equity_minute", value, date })}`,
  );

Deno.test("a flat-file backfill writes the simulator's bars and the whole traded chain; a second import downloads nothing", async () => {
  const fake = await startSmallFake({ from: "2025-03-03", to: "2025-03-04" });
  const a = await Deno.makeTempDir(), b = await Deno.makeTempDir();
  try {
    const first = await run(fake, a);
    assert.equal(first.result.status, "ok");
    assert.equal(first.result.summary.written, 8); // 2 days x (SPY, I:VIX, contracts, bars)
    assert.equal(fake.stats.gets, 6, "3 asset classes x 2 days, each downloaded once");
    const sim = smallSim();
    const spy = read(a, "equity_minute", "SPY", "2025-03-03");
    const want = await sim.minuteBars("SPY", "2025-03-03");
    assert.equal(spy.height, 390);
    assert.deepEqual(spy.getColumn("close").toArray(), want.map((x) => x.close));
    assert.deepEqual(spy.getColumn("volume").toArray(), want.map((x) => x.volume));
    assert.deepEqual(
      (spy.getColumn("ts").toArray() as unknown as Date[]).map((d) => d.getTime()),
      want.map((x) => x.ts),
    );
    assert.equal(spy.getColumn("vwap").nullCount(), 390, "flat files carry no vwap");
    assert.deepEqual([...new Set(spy.getColumn("source").toArray())], ["flatfiles"]);
    const vix = read(a, "index_minute", "I:VIX", "2025-03-03");
    const vixWant = await sim.minuteBars("I:VIX", "2025-03-03");
    assert.deepEqual(vix.getColumn("open").toArray(), vixWant.map((x) => x.open));
    assert.equal(vix.getColumn("volume").nullCount(), vix.height, "indices have no volume");

    const listed = await sim.optionContracts("SPY", "2025-03-03");
    const bars = new Map<string, number>();
    for (const c of listed) {
      bars.set(c.ticker, (await sim.minuteBars(c.ticker, "2025-03-03")).length);
    }
    const traded = [...bars].filter(([, n]) => n > 0).map(([t]) => t).sort();
    const opt = read(a, "option_minute", "SPY", "2025-03-03");
    assert.equal(opt.height, [...bars.values()].reduce((x, y) => x + y, 0));
    assert.deepEqual([...new Set(opt.getColumn("ticker").toArray())], traded);
    const t0 = traded[0];
    const simT0 = await sim.minuteBars(t0, "2025-03-03");
    const rowsT0 = opt.filter(pl.col("ticker").eq(pl.lit(t0)));
    assert.deepEqual(rowsT0.getColumn("close").toArray(), simT0.map((x) => x.close));
    assert.deepEqual(rowsT0.getColumn("trades").toArray(), simT0.map((x) => x.trades));
    const contracts = read(a, "option_contracts", "SPY", "2025-03-03");
    assert.deepEqual(contracts.getColumn("ticker").toArray(), traded);
    const byTicker = new Map(listed.map((c) => [c.ticker, c]));
    assert.deepEqual(
      contracts.getColumn("strike").toArray(),
      traded.map((t) => byTicker.get(t)!.strike),
    );
    assert.deepEqual([...new Set(contracts.getColumn("style").toArray())], ["american"]);
    assert.ok(first.lines.some((l) => l.includes("non-standard deliverables cannot be seen")));

    // Another lake, the same cache: every object is a hit, no download.
    const second = await run(fake, b, { cacheDir: `${a}/cache` });
    assert.equal(second.result.status, "ok");
    assert.equal(second.result.summary.rows, first.result.summary.rows);
    assert.equal(fake.stats.gets, 6);
    for (const p of ["equity_minute", "option_minute", "option_contracts"]) {
      const ma = await Manifest.open(`${a}/lake`, p as "equity_minute");
      const mb = await Manifest.open(`${b}/lake`, p as "equity_minute");
      const key = p === "equity_minute"
        ? "symbol=SPY/date=2025-03-04"
        : "underlying=SPY/date=2025-03-04";
      assert.equal(mb.get(key)?.sha256, ma.get(key)?.sha256, `${p} is byte-identical`);
    }
    // Resume: everything is in the manifest, nothing is fetched.
    const before = fake.stats.requests;
    const again = await run(fake, a);
    assert.deepEqual([again.result.summary.written, again.result.summary.skipped], [0, 8]);
    assert.equal(fake.stats.requests, before);
  } finally {
    await fake.close();
    await Deno.remove(a, { recursive: true });
    await Deno.remove(b, { recursive: true });
  }
});

Deno.test("bad flat files: truncated gzip, changed header, malformed row, missing day; one message each, good partitions kept", async () => {
  const fake = await startSmallFake({
    from: "2025-03-03",
    to: "2025-03-06",
    assets: ["stocks", "options", "indices"],
  });
  const dir = await Deno.makeTempDir();
  try {
    const good = await run(fake, dir, { from: "2025-03-03", to: "2025-03-04" });
    assert.equal(good.result.status, "ok");
    const manifest = await Manifest.open(`${dir}/lake`, "option_minute");
    const kept = manifest.get("underlying=SPY/date=2025-03-03")!;
    const keptBytes = await Deno.readFile(
      `${dir}/lake/option_minute/underlying=SPY/date=2025-03-03/part-0.parquet`,
    );

    const sim = smallSim();
    const tickers = { symbols: ["QQQ", "SPY"], indices: ["I:VIX"], underlyings: ["SPY"] };
    const opt3 = flatFileKey("options", "2025-03-03");
    const gz = await gzip((await fakeDayCsv(sim, "options", "2025-03-03", tickers)).text);
    await fake.put(opt3, gz.slice(0, Math.floor(gz.length / 2)));
    const stk4 = flatFileKey("stocks", "2025-03-04");
    await fake.put(
      stk4,
      await gzip("ticker,volume,open,close,high,low,window_start,transactions,otc\n"),
    );
    const opt5 = flatFileKey("options", "2025-03-05");
    const text5 = (await fakeDayCsv(sim, "options", "2025-03-05", tickers)).text;
    const lines5 = text5.split("\n");
    const badTicker = lines5[3].split(",")[0];
    lines5[3] = lines5[3].replace(/,(\d+)$/, ",seven");
    await fake.put(opt5, await gzip(lines5.join("\n")));
    await fake.remove(flatFileKey("options", "2025-03-06"));

    const { result } = await run(fake, dir, {
      from: "2025-03-03",
      to: "2025-03-06",
      force: true,
      cacheDir: `${dir}/fresh-cache`, // the first run's cache holds the good copies
    });
    assert.equal(result.status, "failed");
    const failures = Object.fromEntries(result.summary.failures.map((f) => [f.partition, f.error]));
    assert.deepEqual(
      Object.keys(failures).sort(),
      [
        "equity_minute/symbol=SPY/date=2025-03-04",
        "option_contracts/underlying=SPY/date=2025-03-03",
        "option_minute/underlying=SPY/date=2025-03-03",
        "option_minute/underlying=SPY/date=2025-03-05",
      ].filter((p) => !p.includes("QQQ")),
    );
    assert.match(
      failures["option_minute/underlying=SPY/date=2025-03-03"],
      /^Cannot read us_options_opra\/minute_aggs_v1\/2025\/03\/2025-03-03\.csv\.gz: .* after line \d+ \(a truncated or corrupt gzip/,
    );
    assert.match(
      failures["equity_minute/symbol=SPY/date=2025-03-04"],
      /^Cannot read us_stocks_sip\/minute_aggs_v1\/2025\/03\/2025-03-04\.csv\.gz: line 1 is "ticker,volume,open,close,high,low,window_start,transactions,otc", expected the header/,
    );
    assert.equal(
      failures["option_minute/underlying=SPY/date=2025-03-05"],
      `Cannot import ${badTicker} from ${opt5}: line 4: transactions "seven" is not a number: "${
        lines5[3]
      }"`,
    );
    assert.deepEqual(
      result.summary.warnings.filter((w) => w.includes("skipped")).map((w) =>
        w.replace(/ \(404.*$/, "")
      ),
      [
        "option_contracts/underlying=SPY/date=2025-03-06: skipped: No flat file s3://flatfiles/us_options_opra/minute_aggs_v1/2025/03/2025-03-06.csv.gz",
        "option_minute/underlying=SPY/date=2025-03-06: skipped: No flat file s3://flatfiles/us_options_opra/minute_aggs_v1/2025/03/2025-03-06.csv.gz",
      ],
    );
    // Nothing good lost: the earlier complete partition is still there, byte for byte.
    const after = await Manifest.open(`${dir}/lake`, "option_minute");
    assert.deepEqual(after.get("underlying=SPY/date=2025-03-03"), kept);
    assert.deepEqual(
      await Deno.readFile(
        `${dir}/lake/option_minute/underlying=SPY/date=2025-03-03/part-0.parquet`,
      ),
      keptBytes,
    );
    assert.ok(after.get("underlying=SPY/date=2025-03-04"), "the good day is written");
    assert.equal(after.get("underlying=SPY/date=2025-03-06"), undefined);
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a 403 stops the whole backfill at once: one request, no retries, a clear message", async () => {
  const fake = await startSmallFake({ from: "2025-03-03", to: "2025-03-04" });
  const dir = await Deno.makeTempDir();
  try {
    fake.faults.forbidden = true;
    const { result } = await run(fake, dir);
    assert.equal(result.status, "failed");
    assert.match(
      result.summary.fatal ?? "",
      /403 AccessDenied \(Access Denied\)\. Check POLYGON_S3_ACCESS_KEY_ID/,
    );
    assert.ok(fake.stats.requests <= 2, `requests ${fake.stats.requests} (2 workers at most)`);
    assert.equal(result.summary.written, 0);
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
});
