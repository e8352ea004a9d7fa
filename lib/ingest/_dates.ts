import { type Session, session } from "../calendar/mod.ts";

/** The session of `date`, or a RangeError saying the exchange is closed that day. */
export function sessionOf(date: string, doing: string): Session {
  const s = session(date);
  if (!s) throw new RangeError(`Cannot ${doing} on ${date}: the exchange is closed that day`);
  return s;
}
