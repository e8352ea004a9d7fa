import type { LocalParts } from "./_time.ts";

/** A Plotly x-axis range break (subset of Plotly's `rangebreaks` item). */
export interface RangeBreak {
  bounds?: [string | number, string | number];
  pattern?: "hour" | "day of week";
  values?: string[];
  dvalue?: number;
}

const DAY_MIN = 1440;

/**
 * Range breaks that hide time with no data the way a trading chart does: weekends when
 * no point falls on one, the overnight gap of intraday data (from the latest bar end to
 * the earliest bar start seen), and weekdays without any data (holidays).
 * Points must be sorted by time; null points are ignored.
 */
export function tradingRangeBreaks(points: (LocalParts | null)[]): RangeBreak[] {
  const pts = points.filter((p): p is LocalParts => p !== null);
  if (pts.length < 2) return [];
  const breaks: RangeBreak[] = [];
  if (!pts.some((p) => p.weekday === 0 || p.weekday === 6)) {
    breaks.push({ bounds: ["sat", "mon"] });
  }
  const stepMin = medianStepMinutes(pts);
  const intraday = stepMin > 0 && stepMin < DAY_MIN;
  let first = DAY_MIN, last = 0;
  if (intraday) {
    for (const p of pts) {
      first = Math.min(first, p.minuteOfDay);
      last = Math.max(last, p.minuteOfDay + stepMin);
    }
    if (last < DAY_MIN || first > 0) {
      breaks.push({ bounds: [Math.min(last, DAY_MIN) / 60, first / 60], pattern: "hour" });
    }
  }
  const missing = missingWeekdays(pts);
  if (missing.length > 0) {
    if (intraday) {
      const start = `${pad(Math.floor(first / 60))}:${pad(first % 60)}:00`;
      breaks.push({ values: missing.map((d) => `${d} ${start}`), dvalue: (last - first) * 60_000 });
    } else {
      breaks.push({ values: missing });
    }
  }
  return breaks;
}

function medianStepMinutes(pts: LocalParts[]): number {
  const steps: number[] = [];
  for (let i = 1; i < pts.length; i++) {
    const a = Date.parse(pts[i - 1].text.replace(" ", "T") + "Z");
    const b = Date.parse(pts[i].text.replace(" ", "T") + "Z");
    if (b > a) steps.push((b - a) / 60_000);
  }
  if (steps.length === 0) return 0;
  steps.sort((x, y) => x - y);
  return steps[Math.floor(steps.length / 2)];
}

function missingWeekdays(pts: LocalParts[]): string[] {
  const seen = new Set(pts.map((p) => p.text.slice(0, 10)));
  const start = Date.parse(pts[0].text.slice(0, 10) + "T00:00:00Z");
  const end = Date.parse(pts[pts.length - 1].text.slice(0, 10) + "T00:00:00Z");
  const out: string[] = [];
  for (let t = start; t <= end; t += 86_400_000) {
    const d = new Date(t);
    const wd = d.getUTCDay();
    const iso = d.toISOString().slice(0, 10);
    if (wd !== 0 && wd !== 6 && !seen.has(iso)) out.push(iso);
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
