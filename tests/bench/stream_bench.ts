/**
 * Stream benchmarks (`deno bench -A tests/bench/stream_bench.ts`; runs once, prints figures):
 * 1. events/s the runner's receive path sustains from the fake WebSocket server (in a worker)
 *    on loopback: client-js socket → parse → de-duplicate → Arrow IPC log, fsync every 250 ms;
 *    memory over the replay;
 * 2. message → fsynced-log latency (p50/p99) at a paced rate;
 * 3. the minute rollup's cost for an option_minute partition of 100 contracts.
 * Figures go to docs/stream.md (the machine is shared: say so next to them).
 */
import { session } from "../../lib/calendar/mod.ts";
import type { BarEvent } from "../../lib/sources/polygon/mod.ts";
import { type WalRow, WalWriter } from "../../lib/stream/mod.ts";
import { DayState } from "../../lib/stream/_day_state.ts";
import { Link } from "../../lib/stream/_link.ts";
import { rollupJobs, runLocked } from "../../lib/stream/_rollup.ts";
import { barsOf, benchTickers, DATE } from "./_stream_bench_data.ts";

const s = session(DATE)!;
const TICKERS = Number(Deno.env.get("BENCH_TICKERS") ?? 2000);
const rss = () => Deno.memoryUsage().rss / 2 ** 20;

/** The fake server runs in a worker, so that the client's figures are its own. */
function startFakeInWorker(n: number, speed: number): Promise<{ url: string; worker: Worker }> {
  const worker = new Worker(new URL("./_stream_fake_worker.ts", import.meta.url), {
    type: "module",
  });
  worker.postMessage({ tickers: n, speed });
  return new Promise((resolve) => (worker.onmessage = (e) => resolve({ url: e.data.url, worker })));
}

async function receive(n: number, speed: number, minutes: number, label: string) {
  const dir = await Deno.makeTempDir();
  const tickers = benchTickers(n);
  const fake = await startFakeInWorker(n, speed);
  const state = new DayState(s.openMs, s.closeMs);
  const wal = await WalWriter.open(dir);
  let events = 0, firstAt = 0;
  const frameTimes: number[] = [], latencies: number[] = [], memory: number[] = [rss()];
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
        const rows: WalRow[] = [];
        for (const e of bars) {
          state.add(e.ticker, e.bar);
          rows.push({
            kind: "bar",
            cluster: "options",
            ev: e.ev,
            ticker: e.ticker,
            toMs: NaN,
            ...e.bar,
            origin: "ws",
          });
        }
        wal.append(rows);
        if (events >= n * minutes) done();
      },
      onUp() {},
      onDown() {},
      onFatal: (e) => console.error(e.message),
      onBad: (b) => console.error(b),
      warn() {},
    },
  });
  link.subscribe(tickers.map((t) => `AM.${t}`));
  let flushing = false;
  const flusher = setInterval(async () => {
    if (flushing) return;
    flushing = true;
    const pending = frameTimes.splice(0);
    await wal.flush();
    const t = performance.now();
    for (const f of pending) latencies.push(t - f);
    memory.push(rss());
    flushing = false;
  }, 250);
  const loop = link.start();
  await finished;
  const elapsedS = (performance.now() - firstAt) / 1000;
  clearInterval(flusher);
  link.stop();
  await loop;
  fake.worker.terminate();
  await wal.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  console.log(
    `${label}: ${events} events (${n} contracts x ${minutes} minutes) in ${
      elapsedS.toFixed(2)
    } s = ${Math.round(events / elapsedS)} events/s; frame -> fsynced log p50 ${
      q(0.5).toFixed(0)
    } ms, p99 ${q(0.99).toFixed(0)} ms; log ${
      (wal.durable.bytes / 2 ** 20).toFixed(1)
    } MiB in ${wal.durable.flushes} flushes; RSS MiB first ${memory[0].toFixed(0)}, peak ${
      Math.max(...memory).toFixed(0)
    }, last ${memory.at(-1)!.toFixed(0)}`,
  );
  await Deno.remove(dir, { recursive: true });
}

async function rollupCost() {
  const dir = await Deno.makeTempDir();
  const tickers = benchTickers(100);
  const state = new DayState(s.openMs, s.closeMs);
  tickers.forEach((t, i) => barsOf(i + 1).forEach((b) => state.add(t, b)));
  const plan = {
    date: DATE,
    openMs: s.openMs,
    closeMs: s.closeMs,
    sourceName: "polygon",
    symbols: [],
    indices: [],
    options: new Map([["SPY", tickers]]),
  };
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    await runLocked(dir, rollupJobs(state, plan, Infinity, true));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `rollup of a whole day's option_minute partition (100 contracts, 39,000 rows): median ${
      times[3].toFixed(0)
    } ms, min ${times[0].toFixed(0)} ms`,
  );
  await Deno.remove(dir, { recursive: true });
}

let ran = false;
Deno.bench("stream: receive path, fsync latency, rollup (prints its figures once)", async () => {
  if (ran) return;
  ran = true;
  await receive(TICKERS, 0, 390, "flood (speed 0)");
  await receive(500, 600, 120, "paced (500 contracts, a minute every 100 ms)");
  await rollupCost();
});
