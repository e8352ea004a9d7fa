// Import of a simulated SPY chain from Polygon-format flat files through the fake S3 server
// (s3rver), end to end: download (or cache hit), gunzip, CSV parse, validation, Polars
// frames, zstd Parquet partitions, manifests and the run record. Rows counted are the rows
// written to the lake (equity_minute + option_minute).
//
// Under `deno task bench` (Deno.bench): two days, cold and warm cache.
// For the figures in docs/performance-flatfiles.md (a month, days and width scaling, and
// pandas.read_csv of the same gzipped file):
//   FLATFILES_BENCH_REPORT=1 deno run -A tests/bench/flatfiles_bench.ts [days]
import assert from "node:assert/strict";
import process from "node:process";
import { tradingDays } from "@lib/calendar/mod.ts";
import { loadConfig } from "@lib/config/mod.ts";
import { backfill } from "@lib/ingest/mod.ts";
import { createLogger } from "@lib/run/mod.ts";
import { createSimSource, createSource, type Source } from "@lib/sources/mod.ts";
import {
  FLAT_FILE_HEADER,
  flatFileKey,
  parseDay,
  rootOf,
  startFakeFlatFiles,
} from "@lib/sources/flatfiles/mod.ts";

const quiet = createLogger({ level: "error", write: () => {} });

/** The simulator's SPY chain cut to `width` contracts nearest the open (all when null). */
function chainOf(width: number | null): Source {
  const sim = createSimSource({ seed: 42 });
  if (width === null) return sim;
  return {
    ...sim,
    async optionContracts(u, date, opts) {
      const all = await sim.optionContracts(u, date, opts);
      const open = (await sim.minuteBars(u, date))[0].open;
      return [...all].sort((a, b) => Math.abs(a.strike - open) - Math.abs(b.strike - open))
        .slice(0, width);
    },
  };
}

async function importOnce(url: string, from: string, to: string, cacheDir: string) {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-flat-bench-" });
  const config = loadConfig({
    env: { POLYGON_S3_ACCESS_KEY_ID: "S3RVER", POLYGON_S3_SECRET_ACCESS_KEY: "S3RVER" },
    overrides: {
      data: { dir },
      cache: { dir: cacheDir },
      source: { name: "flatfiles", flatfiles: { endpoint: url } },
      backfill: { from, to, datasets: ["equity", "options"] },
    },
  });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await backfill(config, {
    source: createSource(config),
    command: ["bench"],
    log: quiet,
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  assert.equal(r.status, "ok");
  await Deno.remove(dir, { recursive: true });
  const rows = r.summary.rows;
  return { rows, seconds, rowsPerS: rows / seconds, cpuS: (cpu.user + cpu.system) / 1e6 };
}

async function withFake<T>(
  days: string[],
  width: number | null,
  fn: (url: string, objects: { key: string; rows: number; bytes: number }[]) => Promise<T>,
): Promise<T> {
  const fake = await startFakeFlatFiles({
    from: days[0],
    to: days[days.length - 1],
    source: chainOf(width),
    assets: ["stocks", "options"],
    tickers: { symbols: ["SPY"], underlyings: ["SPY"] },
  });
  try {
    return await fn(fake.url, fake.objects);
  } finally {
    await fake.close();
  }
}

if (Deno.env.get("FLATFILES_BENCH_REPORT")) {
  const n = Number(Deno.args[0] ?? 21);
  const month = tradingDays("2025-03-03", "2025-04-30").slice(0, n);
  const from = month[0], to = month[month.length - 1];
  const line = (s: string) => console.log(s);
  line(`flat-file import benchmark, ${new Date().toISOString()}, Deno ${Deno.version.deno}`);
  line(`load average at start: ${Deno.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  const t0 = performance.now();
  await withFake(month, null, async (url, objects) => {
    const optRows = objects.filter((o) => o.key.startsWith("us_options")).reduce(
      (k, o) => k + o.rows,
      0,
    );
    const bytes = objects.reduce((k, o) => k + o.bytes, 0);
    line(
      `fake server: ${month.length} days, ${optRows.toLocaleString("en-US")} option rows, ${
        (bytes / 2 ** 20).toFixed(1)
      } MiB gzipped, written in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const cache = await Deno.makeTempDir({ prefix: "strikelab-flat-cache-" });
    const cold = await importOnce(url, from, to, cache);
    line(
      `month, cold cache: ${cold.rows.toLocaleString("en-US")} rows in ${
        cold.seconds.toFixed(2)
      } s = ${Math.round(cold.rowsPerS).toLocaleString("en-US")} rows/s (CPU ${
        cold.cpuS.toFixed(2)
      } s)`,
    );
    const warm = await importOnce(url, from, to, cache);
    line(
      `month, warm cache: ${warm.rows.toLocaleString("en-US")} rows in ${
        warm.seconds.toFixed(2)
      } s = ${Math.round(warm.rowsPerS).toLocaleString("en-US")} rows/s (CPU ${
        warm.cpuS.toFixed(2)
      } s)`,
    );
    for (const k of [1, 5, 10]) {
      if (k >= month.length) continue;
      const r = await importOnce(url, from, month[k - 1], cache);
      line(
        `${k} day(s), warm cache: ${r.rows.toLocaleString("en-US")} rows in ${
          r.seconds.toFixed(2)
        } s = ${Math.round(r.rowsPerS).toLocaleString("en-US")} rows/s`,
      );
    }
    // The same gzipped day file: our one-pass parser against pandas.read_csv.
    const key = flatFileKey("options", from);
    const res = await fetch(`${url}/flatfiles/${key}`);
    const path = `${cache}/day.csv.gz`;
    await Deno.writeFile(path, new Uint8Array(await res.arrayBuffer()));
    const p0 = performance.now();
    const file = await Deno.open(path);
    const parsed = await parseDay(file.readable.pipeThrough(new DecompressionStream("gzip")), {
      objectKey: key,
      header: FLAT_FILE_HEADER.options,
      want: (t) => rootOf(t) === "SPY",
    });
    const ours = (performance.now() - p0) / 1000;
    line(
      `one day file (${
        parsed.rows.toLocaleString("en-US")
      } rows): parseDay (gunzip + parse to columns) ${ours.toFixed(3)} s = ${
        Math.round(parsed.rows / ours).toLocaleString("en-US")
      } rows/s`,
    );
    const python = await Deno.stat("/usr/bin/python3").then(
      () => "/usr/bin/python3",
      () => "python3",
    );
    const py = new Deno.Command(python, {
      args: [
        "-c",
        `import time,sys\nimport pandas as pd\nt=time.perf_counter()\ndf=pd.read_csv(sys.argv[1])\nprint(len(df), time.perf_counter()-t)`,
        path,
      ],
      stdout: "piped",
      stderr: "piped",
    });
    try {
      const out = await py.output();
      const [rows, secs] = new TextDecoder().decode(out.stdout).trim().split(" ").map(Number);
      if (out.success) {
        line(
          `one day file: pandas.read_csv (gzip, C engine) ${secs.toFixed(3)} s = ${
            Math.round(rows / secs).toLocaleString("en-US")
          } rows/s`,
        );
      } else line(`pandas: ${new TextDecoder().decode(out.stderr).trim().split("\n").pop()}`);
    } catch (e) {
      line(`pandas: not run (${(e as Error).message})`);
    }
    await Deno.remove(cache, { recursive: true });
  });
  // Chain width: 5 days with 100, 500 and every listed contract.
  const five = month.slice(0, 5);
  for (const width of [100, 500, null]) {
    await withFake(five, width, async (url) => {
      const cache = await Deno.makeTempDir({ prefix: "strikelab-flat-cache-" });
      await importOnce(url, five[0], five[4], cache); // fills the cache
      const r = await importOnce(url, five[0], five[4], cache);
      line(
        `5 days, ${width ?? "all"} contracts, warm cache: ${
          r.rows.toLocaleString("en-US")
        } rows in ${r.seconds.toFixed(2)} s = ${
          Math.round(r.rowsPerS).toLocaleString("en-US")
        } rows/s`,
      );
      await Deno.remove(cache, { recursive: true });
    });
  }
  line(`load average at end: ${Deno.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
} else {
  const days = ["2025-03-03", "2025-03-04"];
  const bench = (name: string, warm: boolean) =>
    Deno.bench(name, { n: 3, warmup: 0 }, async (b) => {
      await withFake(days, 300, async (url) => {
        const cache = await Deno.makeTempDir({ prefix: "strikelab-flat-cache-" });
        if (warm) await importOnce(url, days[0], days[1], cache);
        b.start();
        await importOnce(url, days[0], days[1], cache);
        b.end();
        await Deno.remove(cache, { recursive: true });
      });
    });
  bench("flat-file import, 2 days x 300 SPY contracts, warm cache", true);
  bench("flat-file import, 2 days x 300 SPY contracts, cold cache", false);
}
