// Sweep worker: receives shared prices and indicators once, then evaluates combo ranges.
import { type ChunkJob, evalCombos } from "./_sweep_chunk.ts";
import type { Market } from "./market.ts";
import { WORKER_STRATEGIES } from "./strategies/_worker_registry.ts";

/** Messages from the main thread. */
export type WorkerMessage =
  | {
    type: "init";
    strategy: string;
    market: Omit<Market, "extra">;
    keys: string[];
    indicators: Float64Array[];
    names: string[];
    fixed: ChunkJob["fixed"];
    sim: ChunkJob["sim"];
    barsPerYear: number;
    values: Float64Array;
  }
  | { type: "run"; id: number; from: number; to: number };

let job: ChunkJob | null = null;

function workerStrategy(name: string) {
  const s = WORKER_STRATEGIES[name];
  if (s === undefined) throw new RangeError(`Cannot sweep: no worker strategy "${name}"`);
  return s;
}
let values: Float64Array = new Float64Array(0);

// deno-lint-ignore no-explicit-any
const self_ = self as any;
self_.onmessage = (e: MessageEvent<WorkerMessage>) => {
  const msg = e.data;
  try {
    if (msg.type === "init") {
      job = {
        strategy: workerStrategy(msg.strategy),
        market: { ...msg.market, extra: {} },
        indicators: new Map(msg.keys.map((k, i) => [k, msg.indicators[i]])),
        names: msg.names,
        fixed: msg.fixed,
        sim: msg.sim,
        barsPerYear: msg.barsPerYear,
      };
      values = msg.values;
      return;
    }
    const out = evalCombos(job!, values, msg.from, msg.to);
    self_.postMessage({ type: "done", id: msg.id, from: msg.from, out }, [out.buffer]);
  } catch (err) {
    self_.postMessage({ type: "error", message: String((err as Error)?.message ?? err) });
  }
};
