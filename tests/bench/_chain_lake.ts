/**
 * The chain benchmarks' lake: a simulated whole SPY chain (every listed expiry within 60
 * days, strikes within ±15%, both rights, sparse trading) with SPY and VIX minutes and news,
 * filled through the real backfill jobs (contract selection `all`, the chain's bars in one
 * source call a day). Built once per shape under the system temp folder and reused.
 *
 * @module
 */
import { previousTradingDay, tradingDays } from "../../lib/calendar/mod.ts";
import { planBackfill, planOptions, runJobs } from "../../lib/ingest/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";

/** The ranges measured: 5, 21 and 62 trading days. */
export const CHAIN_SHAPES = {
  week: { from: "2025-03-03", to: "2025-03-07" },
  month: { from: "2025-03-03", to: "2025-03-31" },
  quarter: { from: "2025-03-03", to: "2025-05-30" },
} as const;
export type ChainShape = keyof typeof CHAIN_SHAPES;

/** The lake root of a shape, filled when missing; the quarter's lake holds the others. */
export async function chainLake(shape: ChainShape): Promise<string> {
  const tmp = Deno.env.get("TMPDIR") ?? "/tmp";
  const root = `${tmp}/strikelab-bench-chains/lake`;
  const { from, to } = CHAIN_SHAPES[shape];
  const marker = `${root}/../filled-${from}-${to}`;
  try {
    await Deno.stat(marker);
    return root;
  } catch { /* fill below */ }
  const sim = createSimSource({ seed: 42 });
  // The underlying from a week before: consolidation's indicators warm up on 5 sessions.
  let warm: string = from;
  for (let i = 0; i < 6; i++) warm = previousTradingDay(warm);
  const base = planBackfill(sim, {
    datasets: ["equity", "index", "news"],
    symbols: ["SPY"],
    indices: ["I:VIX"],
    from: warm,
    to,
    extendedHours: false,
  });
  const [contracts, bars] = planOptions(sim, root, {
    underlyings: ["SPY"],
    from,
    to,
    calls: 0,
    puts: 0,
    strikeIncrement: 1,
    expiry: "same_day",
    fixedExpiry: null,
    listedHorizonDays: 60,
    select: "all",
    dteMin: 0,
    dteMax: 60,
  });
  for (const jobs of [base, contracts, bars]) {
    const s = await runJobs(jobs, { root, concurrency: 2 });
    if (s.failed > 0) throw new Error(JSON.stringify(s.failures.slice(0, 3)));
  }
  await Deno.writeTextFile(marker, `${tradingDays(from, to).length} days\n`);
  return root;
}

/** Peak resident memory of this process so far, MB (Linux VmHWM). */
export function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}
