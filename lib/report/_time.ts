/** Wall-clock parts of one instant in a time zone. */
export interface LocalParts {
  year: number;
  month: number; // 1..12
  day: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** 0 = Sunday .. 6 = Saturday. */
  weekday: number;
  /** `YYYY-MM-DD HH:MM:SS`, the form Plotly date axes read without time-zone shifts. */
  text: string;
}

const HOUR_MS = 3_600_000;

/**
 * Converts UTC epoch milliseconds to wall-clock parts in `timeZone`. Offsets are
 * looked up once per UTC hour (time-zone offsets only change on hour boundaries in the
 * zones markets use), so long minute series stay fast. NaN gives null.
 */
export function localParts(tsMs: ArrayLike<number>, timeZone: string, what: string) {
  const fmt = formatter(timeZone, what);
  const cache = new Map<number, number>();
  const out: (LocalParts | null)[] = new Array(tsMs.length);
  for (let i = 0; i < tsMs.length; i++) {
    const ts = tsMs[i];
    if (!Number.isFinite(ts)) {
      out[i] = null;
      continue;
    }
    const hour = Math.floor(ts / HOUR_MS);
    let offset = cache.get(hour);
    if (offset === undefined) {
      offset = offsetMs(fmt, hour * HOUR_MS);
      cache.set(hour, offset);
    }
    out[i] = partsOf(ts + offset);
  }
  return out;
}

/** Wall-clock text (`YYYY-MM-DD HH:MM:SS`) per instant; null for NaN. */
export function localTexts(tsMs: ArrayLike<number>, timeZone: string, what: string) {
  return localParts(tsMs, timeZone, what).map((p) => (p === null ? null : p.text));
}

function formatter(timeZone: string, what: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  } catch (cause) {
    throw new RangeError(`Cannot build ${what}: unknown time zone "${timeZone}"`, { cause });
  }
}

function offsetMs(fmt: Intl.DateTimeFormat, ts: number): number {
  const get: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(ts))) get[p.type] = Number(p.value);
  const asUtc = Date.UTC(get.year, get.month - 1, get.day, get.hour, get.minute, get.second);
  return asUtc - ts;
}

function partsOf(localMs: number): LocalParts {
  const d = new Date(localMs);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const hh = d.getUTCHours();
  const mm = d.getUTCMinutes();
  const ss = d.getUTCSeconds();
  const text = `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)} ${pad(hh)}:${pad(mm)}:${
    pad(ss)
  }`;
  return { year, month, day, minuteOfDay: hh * 60 + mm, weekday: d.getUTCDay(), text };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
