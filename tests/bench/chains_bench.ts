/**
 * Whole-chain benchmarks (issue 13): a simulated full SPY chain (every listed expiry within
 * 60 days, strikes within ±15%, sparse trading) for a week, a month (21 sessions) and a
 * quarter, filled once through the real backfill jobs (`_chain_lake.ts`).
 *
 * One measurement per fresh process, so that peak memory (VmHWM) is that run's:
 *
 *     CHAIN_SHAPE=month deno run -A tests/bench/chains_bench.ts consolidate
 *     CHAIN_SHAPE=month deno run -A tests/bench/chains_bench.ts scan
 *
 * `consolidate` runs `consolidateLake` (read, implied vols, Greeks, features, write the
 * partitions) end to end; `scan` runs the scan task's `runScan` end to end (read, scan,
 * summary, scan_events partitions, CSV, HTML report, run record) and times the `scan()`
 * kernel again alone on the frame it read. Prints JSON: option-minutes, wall and CPU seconds
 * (all threads), rates per wall and per CPU second, peak RSS in MB.
 *
 * @module
 */
import process from "node:process";
import { loadConfig } from "../../lib/config/mod.ts";
import { consolidateLake } from "../../lib/consolidate/mod.ts";
import { scanLake } from "../../lib/lake/mod.ts";
import { scan, SCAN_INPUT_COLUMNS } from "../../lib/scanner/mod.ts";
import { runScan } from "../../tasks/_scan_run.ts";
import { CHAIN_SHAPES, chainLake, type ChainShape, peakRssMb } from "./_chain_lake.ts";

const shape = (Deno.env.get("CHAIN_SHAPE") ?? "month") as ChainShape;
if (!(shape in CHAIN_SHAPES)) {
  throw new RangeError(`CHAIN_SHAPE must be week, month or quarter, got ${shape}`);
}
const what = Deno.args[0] ?? "consolidate";
const root = await chainLake(shape);
const { from, to } = CHAIN_SHAPES[shape];

function measure() {
  const c0 = process.cpuUsage(), t0 = performance.now();
  return () => {
    const c = process.cpuUsage(c0);
    return { wallS: (performance.now() - t0) / 1000, cpuS: (c.user + c.system) / 1e6 };
  };
}
const rates = (rows: number, t: { wallS: number; cpuS: number }) => ({
  ...t,
  perWallS: Math.round(rows / t.wallS),
  perCpuS: Math.round(rows / t.cpuS),
});

if (what === "consolidate") {
  const done = measure();
  const r = await consolidateLake(root, {
    underlying: "SPY",
    from,
    to,
    clock: () => performance.now(),
  });
  const t = done();
  console.log(JSON.stringify({
    shape,
    what,
    days: r.dates.length,
    optionMinutes: r.stats.rows,
    ...rates(r.stats.rows, t),
    timingsMs: r.timings,
    peakRssMb: peakRssMb(),
  }));
} else if (what === "scan") {
  const config = loadConfig({
    overrides: {
      data: { dir: root.replace(/\/lake$/, "") },
      scan: { underlyings: ["SPY"], from, to, dataset: "consolidated" },
    },
  });
  const done = measure();
  // A bench run writes no run record.
  const hooks = { runId: "bench", command: ["bench"], record: () => Promise.resolve("") };
  const run = await runScan(config, hooks);
  const t = done();
  const rows = run.summary.stats.minuteBars;
  const lazy = await scanLake(root, "consolidated", { values: ["SPY"], from, to });
  const wanted: readonly string[] = SCAN_INPUT_COLUMNS;
  const frame = await lazy.select(...lazy.columns.filter((c) => wanted.includes(c))).collect();
  const kernel = measure();
  const events = scan(frame, config.scan);
  const k = kernel();
  console.log(JSON.stringify({
    shape,
    what,
    partitions: run.partitions,
    optionMinutes: rows,
    events: run.events.height,
    endToEnd: rates(rows, t),
    kernel: { ...rates(frame.height, k), events: events.height },
    peakRssMb: peakRssMb(),
  }));
} else {
  throw new RangeError(`Cannot benchmark ${what}: expected consolidate or scan`);
}
