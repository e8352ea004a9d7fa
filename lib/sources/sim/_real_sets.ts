// Real bars for the realism check, read from the repository's shared data folder
// (/work/shared/data layout, see its README.md): LEAN daily SPY 1998–2021, LEAN SPY minutes
// 2013-10-04..11, Alpha Vantage SPY minutes 2019-02-11..15 and VIX daily 2018–2019.
import { join } from "node:path";
import { session } from "../../calendar/mod.ts";
import type { RealismDaily, RealismInput, RealismSession, RealismVix } from "../../realism/mod.ts";
import { createReplaySource } from "../replay/mod.ts";

function rows(text: string): string[][] {
  return text.trim().split(/\r?\n/).map((l) => l.split(","));
}

async function readCsv(path: string): Promise<string[][]> {
  try {
    return rows(await Deno.readTextFile(path));
  } catch (cause) {
    throw new Error(
      `Cannot read real bars from ${path}: ${
        (cause as Error).message
      }; pass --real DIR with the shared data folder`,
      { cause },
    );
  }
}

const DAY = 86_400_000;
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * NYSE 13:00 closes before 2015 (outside the calendar module): the day after Thanksgiving,
 * a weekday 24 December and a weekday 3 July before a weekday Independence Day. An
 * approximation: one-off closures are not in it.
 */
function earlyCloseRule(date: string): boolean {
  const t = Date.parse(date);
  const [y, m, d] = date.split("-").map(Number);
  const wd = new Date(t).getUTCDay();
  if (m === 11 && wd === 5) {
    const first = new Date(Date.UTC(y, 10, 1)).getUTCDay();
    const thanksgiving = 1 + ((4 - first + 7) % 7) + 21;
    return ymd(t - DAY) === `${y}-11-${String(thanksgiving).padStart(2, "0")}`;
  }
  if (m === 12 && d === 24) return wd >= 1 && wd <= 5;
  if (m === 7 && d === 3) return wd >= 1 && wd <= 4;
  return false;
}

function isEarlyClose(date: string): boolean {
  const y = Number(date.slice(0, 4));
  if (y >= 2015 && y <= 2027) return session(date)?.earlyClose ?? false;
  return earlyCloseRule(date);
}

async function leanDaily(dir: string): Promise<RealismDaily> {
  const r = (await readCsv(join(dir, "lean/equity_daily/spy_daily_unadjusted.csv"))).slice(1);
  return {
    date: r.map((x) => x[0]),
    open: r.map((x) => Number(x[1])),
    close: r.map((x) => Number(x[4])),
    volume: r.map((x) => Number(x[5])),
    earlyClose: r.map((x) => isEarlyClose(x[0])),
  };
}

async function leanMinutes(dir: string): Promise<RealismSession[]> {
  const path = join(dir, "lean/spy_minute/spy_1min_trades_2013-10-04_2013-10-11.csv");
  const byDate = new Map<string, RealismSession>();
  for (const x of (await readCsv(path)).slice(1)) {
    const date = x[0].slice(0, 10), hhmm = x[0].slice(11, 16);
    if (hhmm < "09:30" || hhmm >= "16:00") continue;
    const ts = Number(x[1]);
    const m = (Number(hhmm.slice(0, 2)) - 9) * 60 + Number(hhmm.slice(3)) - 30;
    const s = byDate.get(date) ??
      { date, openMs: ts - m * 60_000, minutes: 390, bars: [] as RealismSession["bars"][number][] };
    (s.bars as { ts: number; open: number; close: number; volume: number }[]).push({
      ts,
      open: Number(x[2]),
      close: Number(x[5]),
      volume: Number(x[6]),
    });
    byDate.set(date, s);
  }
  return [...byDate.values()];
}

async function alphaMinutes(dir: string): Promise<RealismSession[]> {
  const replay = createReplaySource({
    files: { SPY: join(dir, "alphavantage-2019/SPY_1min.csv") },
    stamp: "end",
    order: "descending",
  });
  const out: RealismSession[] = [];
  for (const date of ["2019-02-11", "2019-02-12", "2019-02-13", "2019-02-14", "2019-02-15"]) {
    const s = session(date)!;
    out.push({
      date,
      openMs: s.openMs,
      minutes: s.minutes,
      bars: await replay.minuteBars("SPY", date),
    });
  }
  return out;
}

async function alphaVix(dir: string): Promise<RealismVix> {
  const r = (await readCsv(join(dir, "alphavantage-2019/VIX_daily.csv"))).slice(1).reverse();
  return { date: r.map((x) => x[0]), close: r.map((x) => Number(x[4])) };
}

/** The real bars the realism check compares with, from the shared data folder `dir`. */
export async function realRealismInput(dir: string): Promise<RealismInput> {
  return {
    sessions: [...(await leanMinutes(dir)), ...(await alphaMinutes(dir))],
    daily: await leanDaily(dir),
    vix: await alphaVix(dir),
  };
}
