/**
 * The typed events of the live feed and Polygon's WebSocket wire format: status frames and
 * minute (`AM`) / second (`A`) aggregates of the `/stocks`, `/options` and `/indices`
 * clusters, parsed once at the edge into {@linkcode BarEvent}s.
 *
 * @module
 */
import { z } from "zod";
import type { MinuteBar } from "../../market/mod.ts";

/** The three WebSocket clusters the lab reads. */
export const CLUSTERS = ["stocks", "options", "indices"] as const;
/** A WebSocket cluster (`/stocks`, `/options`, `/indices`). */
export type Cluster = typeof CLUSTERS[number];

/** The cluster a ticker is served on: `O:` options, `I:` indices, else stocks. */
export function clusterOf(ticker: string): Cluster {
  return ticker.startsWith("O:") ? "options" : ticker.startsWith("I:") ? "indices" : "stocks";
}

/** One aggregate received: `AM` (minute) or `A` (second), as a lake bar. */
export interface BarEvent {
  ev: "AM" | "A";
  ticker: string;
  /** `ts` is the START of the aggregate window, UTC ms. */
  bar: MinuteBar;
}

/** A status frame (`connected`, `auth_success`, `auth_failed`, `success`, `error`...). */
export interface StatusEvent {
  status: string;
  message: string;
}

/** One aggregate as Polygon sends it (stocks and options carry volumes, indices do not). */
export const WireAggSchema = z.object({
  ev: z.enum(["AM", "A"]),
  sym: z.string().min(1),
  o: z.number(),
  h: z.number(),
  l: z.number(),
  c: z.number(),
  v: z.number().optional(),
  vw: z.number().optional(),
  /** Average trade size of the window: `v / z` is the number of trades. */
  z: z.number().optional(),
  s: z.number().int(),
  e: z.number().int(),
}).loose();

/** A Polygon aggregate event. */
export type WireAgg = z.infer<typeof WireAggSchema>;

const StatusSchema = z.object({ ev: z.literal("status"), status: z.string(), message: z.string() })
  .loose();

const num = (v: unknown) => typeof v === "number";
const optNum = (v: unknown) => v === undefined || typeof v === "number";

/**
 * The fast path of {@linkcode WireAggSchema} for the hot loop (tens of thousands of events a
 * second): true only when every field has the schema's type, so a true here is exactly a
 * successful parse.
 */
function plainAgg(x: unknown): x is WireAgg {
  const a = x as Record<string, unknown>;
  return typeof a.sym === "string" && a.sym.length > 0 && num(a.o) && num(a.h) && num(a.l) &&
    num(a.c) && optNum(a.v) && optNum(a.vw) && optNum(a.z) && Number.isInteger(a.s) &&
    Number.isInteger(a.e);
}

/** What one WebSocket message held. */
export interface ParsedFrame {
  bars: BarEvent[];
  statuses: StatusEvent[];
  /** Events that failed the schema (reason), other event types are ignored. */
  bad: string[];
}

/**
 * Converts a wire aggregate to a lake bar. Polygon's aggregate events carry no trade count,
 * only the average trade size `z`; `trades` is `round(v / z)` (exact when `z` is not rounded,
 * as the fake server sends it; an estimate on the live feed, which rounds `z`), `0` when
 * `z` is 0, null without `z`.
 */
export function wireToBar(w: WireAgg): MinuteBar {
  const volume = w.v ?? null;
  const trades = w.z === undefined || volume === null
    ? null
    : w.z === 0
    ? 0
    : Math.round(volume / w.z);
  return {
    ts: w.s,
    open: w.o,
    high: w.h,
    low: w.l,
    close: w.c,
    volume,
    vwap: w.vw ?? null,
    trades,
  };
}

/** The wire event of a bar (the inverse of {@linkcode wireToBar}), `windowMs` long. */
export function barToWire(ev: "AM" | "A", ticker: string, bar: MinuteBar, windowMs = 60_000) {
  const out: Record<string, unknown> = { ev, sym: ticker };
  if (bar.volume !== null) out.v = bar.volume;
  if (bar.vwap !== null) out.vw = bar.vwap;
  out.o = bar.open;
  out.c = bar.close;
  out.h = bar.high;
  out.l = bar.low;
  if (bar.volume !== null && bar.trades !== null) {
    out.z = bar.trades === 0 ? 0 : bar.volume / bar.trades;
  }
  out.s = bar.ts;
  out.e = bar.ts + windowMs;
  return out;
}

/**
 * Parses one WebSocket message: a JSON array of events (or a single object).
 *
 * @example
 * ```ts
 * import { parseFrame } from "./ws_wire.ts";
 * import { equal } from "node:assert/strict";
 * const f = parseFrame('[{"ev":"AM","sym":"SPY","v":10,"vw":1.5,"o":1,"h":2,"l":1,"c":2,"z":5,"s":0,"e":60000}]');
 * equal(f.bars[0].bar.trades, 2);
 * ```
 */
export function parseFrame(text: string): ParsedFrame {
  const out: ParsedFrame = { bars: [], statuses: [], bad: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    out.bad.push(`not JSON: ${text.slice(0, 80)}`);
    return out;
  }
  for (const item of Array.isArray(raw) ? raw : [raw]) {
    const ev = (item as { ev?: unknown })?.ev;
    if (ev === "AM" || ev === "A") {
      if (plainAgg(item)) {
        out.bars.push({ ev, ticker: item.sym, bar: wireToBar(item) });
        continue;
      }
      // Not the plain shape: the schema decides, and says what is wrong.
      const p = WireAggSchema.safeParse(item);
      if (p.success) out.bars.push({ ev: p.data.ev, ticker: p.data.sym, bar: wireToBar(p.data) });
      else {out.bad.push(
          `${ev} ${(item as { sym?: string }).sym ?? "?"}: ${p.error.issues[0].message}`,
        );}
    } else if (ev === "status") {
      const p = StatusSchema.safeParse(item);
      if (p.success) out.statuses.push({ status: p.data.status, message: p.data.message });
      else out.bad.push("status frame without status/message");
    }
  }
  return out;
}
