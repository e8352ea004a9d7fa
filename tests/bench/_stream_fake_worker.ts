/** The stream benchmark's fake WebSocket server, in a worker: synthetic bars for N contracts. */
/// <reference lib="deno.worker" />
import type { Source } from "../../lib/sources/mod.ts";
import { startFakePolygonWs } from "../../lib/sources/polygon/mod.ts";
import { barsOf, benchTickers, DATE } from "./_stream_bench_data.ts";

self.onmessage = (e: MessageEvent<{ tickers: number; speed: number }>) => {
  const tickers = benchTickers(e.data.tickers);
  const provider: Source = {
    name: "sim",
    minuteBars: (t) => Promise.resolve(barsOf(tickers.indexOf(t) + 1)),
    optionContracts: () => Promise.resolve([]),
    news: () => Promise.resolve([]),
  };
  const fake = startFakePolygonWs({ provider, date: DATE, speed: e.data.speed, batchSize: 500 });
  self.postMessage({ url: fake.url });
};
