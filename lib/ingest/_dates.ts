import { type Session, session } from "../calendar/mod.ts";

/** `date` plus `n` calendar days, `YYYY-MM-DD`. */
export function addDaysIso(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The session of `date`, or a RangeError saying the exchange is closed that day. */
export function sessionOf(date: string, doing: string): Session {
  const s = session(date);
  if (!s) throw new RangeError(`Cannot ${doing} on ${date}: the exchange is closed that day`);
  return s;
}
