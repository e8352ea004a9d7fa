// A pool of sweep workers pulling chunks of combos until all are done.
import { type ChunkJob, N_METRICS } from "./_sweep_chunk.ts";
import type { Combos } from "./grid.ts";
import type { Market } from "./market.ts";

function share(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const out = new Float64Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/** Evaluates all combos on `nWorkers` workers; results in combo order. */
export async function runWorkers(
  job: ChunkJob,
  combos: Combos,
  nWorkers: number,
): Promise<Float64Array> {
  const m = job.market;
  const market: Omit<Market, "extra"> = {
    nBars: m.nBars,
    nAssets: m.nAssets,
    symbols: m.symbols,
    tsMs: share(m.tsMs),
    open: share(m.open),
    high: share(m.high),
    low: share(m.low),
    close: share(m.close),
    segments: m.segments,
  };
  const count = combos.count, out = new Float64Array(count * N_METRICS);
  const n = Math.max(1, Math.min(nWorkers, count));
  const chunk = Math.max(1, Math.ceil(count / (n * 8)));
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      const send = (w: Worker) => {
        if (next >= count) return;
        const from = next, to = Math.min(count, next + chunk);
        next = to;
        w.postMessage({ type: "run", id: from, from, to });
      };
      for (let i = 0; i < n; i++) {
        const w = new Worker(new URL("./_sweep_worker.ts", import.meta.url), { type: "module" });
        workers.push(w);
        w.onerror = (e) => {
          e.preventDefault();
          reject(new Error(`Cannot sweep: a worker failed: ${e.message}`));
        };
        w.onmessage = (e) => {
          const msg = e.data;
          if (msg.type === "error") return reject(new Error(`Cannot sweep: ${msg.message}`));
          out.set(msg.out, msg.from * N_METRICS);
          done += msg.out.length / N_METRICS;
          if (done === count) resolve();
          else send(w);
        };
        w.postMessage({
          type: "init",
          strategy: job.strategy.name,
          market,
          keys: [...job.indicators.keys()],
          indicators: [...job.indicators.values()],
          names: job.names,
          fixed: job.fixed,
          sim: job.sim,
          barsPerYear: job.barsPerYear,
          values: combos.values,
        });
        send(w);
      }
    });
  } finally {
    for (const w of workers) w.terminate();
  }
  return out;
}
