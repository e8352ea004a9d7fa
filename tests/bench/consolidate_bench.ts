/**
 * Consolidation benchmarks on the shape: SPY and VIX minute bars with 4 option
 * contracts a day trading every minute (a year: 250 sessions, 97,000 underlying minutes,
 * 388,000 option rows), from a lake, Greeks and implied vols included.
 *
 * `deno bench -A tests/bench/consolidate_bench.ts` times a month and a year: the whole
 * `consolidateLake` (read, compute, write 21 / 250 partitions) and the in-memory
 * `consolidate` alone. Peak memory needs a fresh process per run:
 * `CONSOLIDATE_PEAK=year deno run -A tests/bench/consolidate_bench.ts` (or `month`) prints
 * wall time, the phases and VmHWM as JSON. The synthetic lakes are built once under the
 * system temp folder (`strikelab-bench-consolidate-<shape>`) and reused.
 *
 * @module
 */
import process from "node:process";
import { consolidate, consolidateLake } from "../../lib/consolidate/mod.ts";
import { withGreeks } from "../../lib/greeks/with_greeks.ts";
import { scan } from "../../lib/lake/mod.ts";
import { synthMarket, writeSynthLake } from "../consolidate/_synth.ts";

const SHAPES = {
  month: { from: "2025-03-03", to: "2025-03-31" },
  year: { from: "2025-01-02", to: "2025-12-31" },
} as const;
type Shape = keyof typeof SHAPES;

async function lakeFor(shape: Shape): Promise<string> {
  const tmp = Deno.env.get("TMPDIR") ?? "/tmp";
  const root = `${tmp}/strikelab-bench-consolidate-${shape}/lake`;
  try {
    await Deno.stat(`${root}/news/_manifest.json`);
  } catch {
    await writeSynthLake(root, synthMarket({ ...SHAPES[shape], contracts: 4, tradeProb: 1 }));
  }
  return root;
}

async function inputsFor(root: string, shape: Shape) {
  const r = { ...SHAPES[shape], root };
  const read = async (dataset: Parameters<typeof scan>[0], key: object) =>
    await (await scan(dataset, { ...r, ...key })).collect();
  return {
    underlying: await read("equity_minute", { symbol: "SPY" }),
    vix: await read("index_minute", { symbol: "I:VIX" }),
    options: await read("option_minute", { underlying: "SPY" }),
    contracts: await read("option_contracts", { underlying: "SPY" }),
    news: await read("news", { ticker: "SPY" }),
  };
}

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

const peak = Deno.env.get("CONSOLIDATE_PEAK") as Shape | undefined;
if (peak !== undefined) {
  if (!(peak in SHAPES)) {
    throw new RangeError(`CONSOLIDATE_PEAK must be month or year, got ${peak}`);
  }
  const root = await lakeFor(peak);
  const before = peakRssMb();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await consolidateLake(root, {
    underlying: "SPY",
    ...SHAPES[peak],
    clock: () => performance.now(),
  });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({
    shape: peak,
    rows: r.stats.rows,
    minutes: r.stats.minutes,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    ...Object.fromEntries(Object.entries(r.timings).map(([k, v]) => [k, Math.round(v)])),
    peakRssMbBefore: before,
    peakRssMb: peakRssMb(),
  }));
} else {
  for (const shape of ["month", "year"] as const) {
    const root = await lakeFor(shape);
    const inputs = await inputsFor(root, shape);
    const table = consolidate(inputs);
    Deno.bench(`consolidateLake: a ${shape} from the lake (read, compute, write)`, {
      group: shape,
      n: shape === "year" ? 3 : 10,
      warmup: 1,
    }, async () => {
      await consolidateLake(root, { underlying: "SPY", ...SHAPES[shape] });
    });
    Deno.bench(`consolidate: a ${shape} in memory (${table.height.toLocaleString("en-US")} rows)`, {
      group: shape,
      baseline: true,
      n: shape === "year" ? 3 : 10,
      warmup: 1,
    }, () => {
      consolidate(inputs);
    });
    Deno.bench(`withGreeks alone on the ${shape}'s rows`, {
      group: shape,
      n: shape === "year" ? 3 : 10,
      warmup: 1,
    }, () => {
      withGreeks(table.select("right", "close", "spot", "strike", "t_years"), {
        price: "close",
        rate: 0.045,
        dividendYield: 0.013,
      });
    });
    Deno.bench(`write: the ${shape}'s table as one zstd Parquet file`, {
      group: shape,
      n: shape === "year" ? 3 : 10,
      warmup: 1,
    }, () => {
      table.writeParquet(`${root}/../one_file.parquet`, { compression: "zstd" });
    });
  }
}
