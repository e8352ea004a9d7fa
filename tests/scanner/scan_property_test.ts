// Property test: the kernels agree with a naive, obviously-correct scan of the definitions
// (O(n·window) references, minute-by-minute runs) on seeded random paths.
import { deepEqual, equal } from "node:assert/strict";
import { scan, type ScanOptions } from "@lib/scanner/mod.ts";
import { CALL, D, day, frameOf, type Row } from "./_bars.ts";
import { mulberry32 } from "./_synthetic.ts";

interface Naive {
  trigger: number;
  end: number;
  above: number;
  peak: number;
  direction: string;
  toClose: boolean;
}

function naive(rows: Row[], o: Required<ScanOptions>): Naive[] {
  const out: Naive[] = [];
  const ref = rows.map((r, i) => {
    if (o.reference === "open") return rows[0].open!;
    const w = rows.filter((x, j) => j < i && x.tsMs >= r.tsMs - o.windowMin * 60_000);
    if (w.length === 0) return NaN;
    const lows = w.map((x) => (o.price === "close" ? x.close! : x.low!));
    const highs = w.map((x) => (o.price === "close" ? x.close! : x.high!));
    return o.reference === "rolling_low" ? Math.min(...lows) : Math.max(...highs);
  });
  for (const dir of ["down", "up"]) {
    if (o.direction !== "both" && o.direction !== dir) continue;
    const s = dir === "up" ? 1 : -1;
    const move = rows.map((r, i) =>
      (s > 0
          ? (o.price === "close" ? r.close! : r.high!)
          : (o.price === "close" ? r.close! : r.low!)) /
        ref[i] - 1
    );
    let cur: Naive | null = null;
    rows.forEach((r, i) => {
      const above = s * move[i] >= o.threshold - 1e-9;
      const joins = cur !== null && (r.tsMs - cur.end) / 60_000 - 1 <= o.gapToleranceMin;
      if (above && cur !== null && joins) {
        cur.end = r.tsMs;
        cur.above++;
        if (s * move[i] > s * cur.peak) cur.peak = move[i];
      } else if (above) {
        if (cur) out.push(cur);
        cur = {
          trigger: r.tsMs,
          end: r.tsMs,
          above: 1,
          peak: move[i],
          direction: dir,
          toClose: false,
        };
      } else if (cur) {
        out.push(cur);
        cur = null;
      }
    });
    if (cur) out.push({ ...(cur as Naive), toClose: true });
  }
  return out.sort((a, b) => a.trigger - b.trigger || (a.direction < b.direction ? -1 : 1));
}

function randomDay(seed: number): Row[] {
  const rand = mulberry32(seed);
  const bars = [];
  for (let m = 0, p = 1 + rand(); m < 390; m++) {
    p *= Math.exp(0.08 * (rand() - 0.5));
    if (rand() < 0.35) continue;
    const o = p * (1 + 0.03 * (rand() - 0.5)), c = p;
    bars.push({
      m,
      o,
      c,
      h: Math.max(o, c) * (1 + 0.04 * rand()),
      l: Math.min(o, c) * (1 - 0.04 * rand()),
    });
  }
  return day(CALL, D, bars);
}

Deno.test("scan() agrees with a naive scan on 60 random paths across all options", () => {
  const rand = mulberry32(99);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  let total = 0;
  for (let k = 0; k < 60; k++) {
    const rows = randomDay(1000 + k);
    const o: Required<ScanOptions> = {
      threshold: pick([0.05, 0.1, 0.2]),
      reference: pick(["open", "rolling_low", "rolling_high"] as const),
      windowMin: pick([1, 3, 10, 30]),
      direction: pick(["up", "down", "both"] as const),
      gapToleranceMin: pick([0, 1, 2, 5]),
      price: pick(["high_low", "close"] as const),
    };
    const got = (scan(frameOf(rows), o).toRecords() as Record<string, unknown>[]).map((e) => ({
      trigger: (e.trigger_ts as Date).getTime(),
      end: (e.end_ts as Date).getTime(),
      above: e.minutes_above,
      peak: e.peak_move,
      direction: e.direction,
      toClose: e.to_close,
    }));
    deepEqual(got, naive(rows, o), `path ${k} with ${JSON.stringify(o)}`);
    total += got.length;
  }
  equal(total > 300, true, `only ${total} events: the paths are too calm to test anything`);
});
