/**
 * `deno task discover`: list the option contracts the selection rules pick for one day,
 * from the underlying's open in the lake (filled first when missing) and the source's chain.
 *
 * @module
 */
import { isTradingDay } from "../lib/calendar/mod.ts";
import { discoverDay } from "../lib/ingest/mod.ts";
import { createSource } from "../lib/sources/mod.ts";
import { defineTask, OPTION_FLAGS, SOURCE_FLAGS, UsageError } from "../lib/task/mod.ts";

export const task = defineTask({
  name: "discover",
  summary: "list the option contracts the selection rules pick for one trading day",
  example: "deno task discover --underlyings SPY --date 2025-03-04 --calls 3 --puts 3",
  flags: {
    date: { type: "date", help: "The trading day whose contracts are listed (required)" },
    ...OPTION_FLAGS,
    ...SOURCE_FLAGS,
  },
  check: (_config, flags) => {
    const date = flags.date as string | undefined;
    if (date === undefined) throw new UsageError("--date is required (YYYY-MM-DD)");
    if (!isTradingDay(date)) {
      throw new RangeError(`${date} is not a trading day (weekend or NYSE holiday)`);
    }
  },
  lock: true,
  run: async ({ config, flags, say }) => {
    const date = flags.date as string;
    const rules = config.options;
    const source = createSource(config);
    const root = `${config.data.dir}/lake`;
    for (const underlying of rules.underlyings) {
      const found = await discoverDay(source, { root, underlying, date, rules });
      say(
        `${underlying} ${date}: open ${found.open}, expiry ${found.expiry} (${rules.expiry}), ${found.listed} listed contracts considered`,
      );
      say("ticker                  right  strike   expiry      multiplier");
      for (const c of found.selected) {
        say(
          `${c.ticker.padEnd(23)} ${c.right.padEnd(6)} ${
            c.strike.toFixed(2).padStart(7)
          }  ${c.expiry}  ${c.multiplier}`,
        );
      }
      for (const t of found.missing) say(`${t.padEnd(23)} not listed (reported, not invented)`);
    }
  },
});

if (import.meta.main) await task.main();
