// Independent reference for the arithmetic time-zone code: the ICU time-zone database via Intl.
const FORMAT = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  weekday: "short",
  hourCycle: "h23",
});
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** New York wall clock of an instant according to Intl. */
export function intlClock(tsMs: number) {
  const p = Object.fromEntries(FORMAT.formatToParts(tsMs).map((x) => [x.type, x.value]));
  const hour = Number(p.hour);
  const minute = Number(p.minute);
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    hour,
    minute,
    minuteOfDay: hour * 60 + minute,
    weekday: WEEKDAYS.indexOf(p.weekday),
  };
}
