/**
 * Stream benchmarks (a script: `deno run -A tests/bench/stream_bench.ts`):
 * 1. messages/s the runner's receive path sustains from the fake WebSocket server on
 *    loopback (client-js socket → parse → de-duplicate → Arrow IPC log, fsync every 250 ms),
 *    with the message → fsynced-log latency (p50/p99) and memory over the replay;
 * 2. the minute rollup's cost for an option_minute partition of 100 contracts and an
 *    equity_minute partition.
 * Figures go to docs/stream.md (the machine is shared: say so next to them).
 */
import { session } from "../../lib/calendar/mod.ts";
import type { MinuteBar } from "../../lib/market/mod.ts";
import type { Source } from "../../lib/sources/mod.ts";
import { type BarEvent, startFakePolygonWs } from "../../lib/sources/polygon/mod.ts";
import { WalWriter } from "../../lib/stream/mod.ts";
import { DayState } from "../../lib/stream/_day_state.ts";
import { Link } from "../../lib/stream/_link.ts";
import { rollupJobs, runLocked } from "../../lib/stream/_rollup.ts";

const DATE = "2025-03-04";
const s = session(DATE)!;
const TICKERS = Number(Deno.env.get("BENCH_TICKERS") ?? 2000);
const tickers = Array.from(
  { length: TICKERS },
  (_, i) => `O:SPY250304${i % 2 ? "C" : "P"}${String(400_000 + i * 500).padStart(8, "0")}`,
);

function barsOf(seed: number): MinuteBar[] {
  return Array.from({ length: 390 }, (_, m) => {
    const p = 1 + ((seed * 7 + m) % 50) / 10;
    return {
      ts: s.openMs + m * 60_000,
      open: p,
      high: p + 0.1,
      low: p - 0.05,
      close: p + 0.05,
      volume: 10 + m,
      vwap: p + 0.02,
      trades: 1 + (m % 9),
    };
  });
}

const provider: Source = {
  name: "sim",
  minuteBars: (t) => Promise.resolve(barsOf(tickers.indexOf(t) + 1)),
  optionContracts: () => Promise.resolve([]),
  news: () => Promise.resolve([]),
};

const dir = await Deno.makeTempDir();
const rss = () => Deno.memoryUsage().rss / 2 ** 20;
try {
  // 1. Receive path.
  const fake = startFakePolygonWs({ provider, date: DATE, speed: 0, batchSize: 500 });
  const state = new DayState(s.openMs, s.closeMs);
  const wal = await WalWriter.open(`${dir}/wal`);
  let events = 0;
  let firstAt = 0;
  const frameTimes: number[] = [];
  const latencies: number[] = [];
  const memory: number[] = [];
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const link = new Link({
    cluster: "options",
    wsUrl: fake.url,
    apiKey: "fake-key",
    backoffBaseMs: 100,
    backoffMaxMs: 1000,
    random: () => 0.5,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    hooks: {
      onBars(_c, bars: BarEvent[]) {
        if (events === 0) firstAt = performance.now();
        events += bars.length;
        frameTimes.push(performance.now());
        const rows = [];
        for (const e of bars) {
          state.add(e.ticker, e.bar);
          rows.push({
            kind: "bar" as const,
            cluster: "options",
            ev: e.ev,
            ticker: e.ticker,
            toMs: NaN,
            ...e.bar,
            origin: "ws",
          });
        }
        wal.append(rows);
        if (events >= TICKERS * 390) done();
      },
      onUp() {},
      onDown() {},
      onFatal: (e) => console.error(e.message),
      onBad: (b) => console.error(b),
      warn() {},
    },
  });
  link.subscribe(tickers.map((t) => `AM.${t}`));
  const flusher = setInterval(async () => {
    const pending = frameTimes.splice(0);
    await wal.flush();
    const t = performance.now();
    for (const f of pending) latencies.push(t - f);
    memory.push(rss());
  }, 250);
  const loop = link.start();
  await finished;
  const elapsedS = (performance.now() - firstAt) / 1000;
  clearInterval(flusher);
  const pending = frameTimes.splice(0);
  await wal.flush();
  for (const f of pending) latencies.push(performance.now() - f);
  link.stop();
  await loop;
  await fake.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  console.log(
    `receive: ${events} events (${TICKERS} contracts x 390 minutes) in ${elapsedS.toFixed(2)} s = ${
      Math.round(events / elapsedS)
    } events/s; message -> fsynced log p50 ${q(0.5).toFixed(1)} ms, p99 ${
      q(0.99).toFixed(1)
    } ms; log ${(wal.durable.bytes / 2 ** 20).toFixed(1)} MiB in ${wal.durable.flushes} flushes`,
  );
  console.log(
    `memory (RSS MiB) during the replay: first ${memory[0]?.toFixed(0)}, peak ${
      Math.max(...memory).toFixed(0)
    }, last ${memory.at(-1)?.toFixed(0)} (the day's bars are held for the rollup)`,
  );
  await wal.close();

  // 2. Rollup cost.
  const root = `${dir}/lake`;
  const plan = {
    date: DATE,
    openMs: s.openMs,
    closeMs: s.closeMs,
    sourceName: "polygon",
    symbols: [tickers[0]],
    indices: [],
    options: new Map([["SPY", tickers.slice(0, 100)]]),
  };
  const times: number[] = [];
  for (let k = 0; k < 10; k++) {
    const t0 = performance.now();
    await runLocked(root, rollupJobs(state, plan, Infinity, true));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `rollup of a full day (option_minute of 100 contracts, 39,000 rows, + one equity_minute partition): median ${
      times[5].toFixed(0)
    } ms, min ${times[0].toFixed(0)} ms`,
  );
} finally {
  await Deno.remove(dir, { recursive: true });
}
