/**
 * `deno task discover`: list the option contracts the selection rules pick for one day,
 * from the underlying's open in the lake (filled first when missing) and the source's chain.
 *
 * @module
 */
import {
  barsJob,
  discoverContracts,
  openFromLake,
  runJobs,
  type SelectionRules,
} from "../lib/ingest/mod.ts";
import { isTradingDay } from "../lib/calendar/mod.ts";
import { acquireLakeLock } from "../lib/lake/mod.ts";
import { createSource, type Source } from "../lib/sources/mod.ts";
import {
  intFlag,
  loadTaskConfig,
  numFlag,
  parseFlags,
  runTask,
  say,
  UsageError,
  useSecrets,
} from "./_task.ts";

const USAGE = `usage: deno task discover --underlying SPY --date YYYY-MM-DD [options]

  --calls N --puts N         strikes above / at-or-below the open (config options.calls/puts)
  --strike-increment X       strike grid in dollars
  --expiry CONVENTION        same_day | next_trading_day | next_friday | fixed | nearest_listed
  --fixed-expiry YYYY-MM-DD  the expiry for --expiry fixed
  --source auto|sim|polygon --base-url URL --rate-limit N --seed N --config FILE

Writes the underlying's equity_minute partition for the date when the lake lacks it.
Exit codes: 0 listed (contracts not listed are reported, not an error), 1 the source or
lake failed, 2 bad flags or config, or a date the exchange is closed.`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    underlying: { type: "string" },
    date: { type: "string" },
    calls: { type: "string" },
    puts: { type: "string" },
    "strike-increment": { type: "string" },
    expiry: { type: "string" },
    "fixed-expiry": { type: "string" },
    source: { type: "string" },
    "base-url": { type: "string" },
    "rate-limit": { type: "string" },
    seed: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  if (!f.date) throw new UsageError("--date is required (YYYY-MM-DD)");
  const config = await loadTaskConfig(f.config, {
    source: {
      name: f.source,
      sim: { seed: intFlag("seed", f.seed) },
      polygon: {
        baseUrl: f["base-url"],
        rateLimitPerMinute: intFlag("rate-limit", f["rate-limit"]),
      },
    },
    backfill: { from: f.date, to: f.date },
    options: {
      underlyings: f.underlying ? [f.underlying] : undefined,
      calls: intFlag("calls", f.calls),
      puts: intFlag("puts", f.puts),
      strikeIncrement: numFlag("strike-increment", f["strike-increment"]),
      expiry: f.expiry,
      fixedExpiry: f["fixed-expiry"],
    },
  });
  useSecrets(config);
  const date = config.backfill.from!;
  if (!isTradingDay(date)) {
    throw new RangeError(`${date} is not a trading day (weekend or NYSE holiday)`);
  }
  const underlying = config.options.underlyings[0];
  const rules: SelectionRules = config.options;
  const source = createSource(config);
  const root = `${config.data.dir}/lake`;
  await fillUnderlying(source, root, underlying, date);
  const found = await discoverContracts(source, { root, underlying, date, rules });
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
  return 0;
});

/** Writes the underlying's equity partition when the lake lacks it, under the lake lock. */
async function fillUnderlying(source: Source, root: string, underlying: string, date: string) {
  try {
    await openFromLake(root, underlying, date);
    return;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  const release = await acquireLakeLock(root);
  try {
    const filled = await runJobs([barsJob(source, "equity_minute", underlying, date)], { root });
    if (filled.failed > 0) throw new Error(filled.failures[0].error);
  } finally {
    await release();
  }
}
