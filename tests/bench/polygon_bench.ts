/**
 * Polygon source benchmarks: parsing a full 50,000-bar aggregates page, and one SPY day
 * fetched from the fake server (simulator data) through the source's fetch path at an unthrottled rate.
 */
import {
  AggsResponseSchema,
  createPolygonSource,
  startFakePolygon,
} from "../../lib/sources/polygon/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";

const t0 = Date.UTC(2025, 2, 3, 9);
const page = JSON.stringify({
  ticker: "SPY",
  queryCount: 50_000,
  resultsCount: 50_000,
  adjusted: true,
  status: "OK",
  request_id: "bench",
  results: Array.from({ length: 50_000 }, (_, i) => ({
    v: 1000 + i,
    vw: 500.01 + i * 1e-4,
    o: 500 + i * 1e-4,
    c: 500.02 + i * 1e-4,
    h: 500.05 + i * 1e-4,
    l: 499.95 + i * 1e-4,
    t: t0 + i * 60_000,
    n: 1 + (i % 50),
  })),
});

Deno.bench("AggsResponseSchema.safeParse of a 50,000-bar page (5.5 MB)", () => {
  const r = AggsResponseSchema.safeParse(page);
  if (!r.success) throw new Error("bench page must parse");
});

const fake = startFakePolygon({ provider: createSimSource({ seed: 42 }) });
const source = createPolygonSource({
  apiKey: "fake-key",
  baseUrl: fake.url,
  rateLimitPerMinute: 1e9,
  rateLimitBurst: 1e6,
});

Deno.bench("minuteBars(SPY) for one day through the fake server, one page", async () => {
  const bars = await source.minuteBars("SPY", "2025-03-03");
  if (bars.length !== 390) throw new Error("expected 390 bars");
});

Deno.bench("news(SPY) for one day through the fake server", async () => {
  await source.news("SPY", "2025-03-03");
});

globalThis.addEventListener("unload", () => {
  fake.close();
});
