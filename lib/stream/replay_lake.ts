/**
 * The replay feed: the lake's minute partitions of a date range replayed in timestamp order
 * across datasets (equities, indices, options) as the same {@linkcode BarEvent}s the live
 * runner receives, one batch per minute, paced like a live feed.
 *
 * @module
 */
import pl from "nodejs-polars";
import { type Dataset, listPartitions, partitionFile } from "../lake/mod.ts";
import type { BarEvent } from "../sources/polygon/mod.ts";

/** Options for {@linkcode replayLake}. */
export interface ReplayLakeOptions {
  /** The lake root (`data/lake`). */
  root: string;
  from: string;
  to: string;
  /** Which datasets. @default equity_minute, index_minute, option_minute */
  datasets?: readonly ("equity_minute" | "index_minute" | "option_minute")[];
  /** Key values kept (symbols, indices, underlyings); all when omitted. */
  values?: readonly string[];
  /** Market seconds a wall second (60: a minute a second); 0: as fast as possible. @default 60 */
  speed?: number;
  /** Longest wait between two batches, wall ms (overnight gaps, lunch-hour silence). @default 1000 */
  maxGapMs?: number;
  /** Wall sleep (injected in tests). */
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

/** The bars of one minute, published at its end. */
export interface ReplayMinute {
  /** The minute's end (when a live feed sends its bars), UTC ms. */
  endMs: number;
  events: BarEvent[];
}

const DEFAULT_DATASETS = ["equity_minute", "index_minute", "option_minute"] as const;

/**
 * Replays the lake. Between two minutes it waits `(Δ market ms) / speed`, at most
 * `maxGapMs`. Reads one date at a time, so memory is bounded by one day.
 *
 * @example
 * ```ts ignore
 * for await (const m of lab.stream.replayLake({ root: "data/lake", from: "2025-03-03", to: "2025-03-03", speed: 600 })) {
 *   console.log(new Date(m.endMs).toISOString(), m.events.length);
 * }
 * ```
 */
export async function* replayLake(options: ReplayLakeOptions): AsyncGenerator<ReplayMinute> {
  const { root, from, to, datasets = DEFAULT_DATASETS, values, speed = 60, maxGapMs = 1000 } =
    options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const byDate = new Map<string, { dataset: Dataset; value: string }[]>();
  for (const dataset of datasets) {
    for (const p of await listPartitions(root, dataset, { from, to, values })) {
      const list = byDate.get(p.date) ?? [];
      list.push({ dataset, value: p.value });
      byDate.set(p.date, list);
    }
  }
  let lastEnd: number | null = null;
  for (const date of [...byDate.keys()].sort()) {
    const minutes = new Map<number, BarEvent[]>();
    for (const { dataset, value } of byDate.get(date)!) {
      const df = pl.readParquet(`${root}/${partitionFile({ dataset, value, date })}`);
      const cols = df.columns;
      const get = (c: string): unknown[] | null =>
        cols.includes(c) ? df.getColumn(c).toArray() as unknown[] : null;
      const [ts, o, h, l, c, v, vw, n, tk] = [
        "ts",
        "open",
        "high",
        "low",
        "close",
        "volume",
        "vwap",
        "trades",
        "ticker",
      ].map(get);
      for (let i = 0; i < df.height; i++) {
        const raw = ts![i];
        const t = raw instanceof Date ? raw.getTime() : Number(raw);
        const list = minutes.get(t) ?? [];
        list.push({
          ev: "AM",
          ticker: (tk?.[i] as string | undefined) ?? value,
          bar: {
            ts: t,
            open: o![i] as number,
            high: h![i] as number,
            low: l![i] as number,
            close: c![i] as number,
            volume: (v?.[i] ?? null) as number | null,
            vwap: (vw?.[i] ?? null) as number | null,
            trades: n?.[i] === null || n?.[i] === undefined ? null : Number(n[i]),
          },
        });
        minutes.set(t, list);
      }
    }
    for (const t of [...minutes.keys()].sort((a, b) => a - b)) {
      if (options.signal?.aborted) return;
      const endMs = t + 60_000;
      if (lastEnd !== null && speed > 0) {
        await sleep(Math.min(maxGapMs, (endMs - lastEnd) / speed));
      }
      lastEnd = endMs;
      const events = minutes.get(t)!.sort((a, b) => (a.ticker < b.ticker ? -1 : 1));
      yield { endMs, events };
    }
  }
}
