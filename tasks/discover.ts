/**
 * `deno task discover`: list the option contracts the selection rules pick for one day,
 * from the underlying's open in the lake (filled first when missing) and the source's chain.
 *
 * @module
 */
import { barsJob, openFromLake, runJobs, selectContracts } from "../lib/ingest/mod.ts";

import { addDaysIso } from "../lib/ingest/_dates.ts";
import { selectExpiry } from "../lib/market/mod.ts";
import { createSource } from "../lib/sources/mod.ts";
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
  --source auto|sim|polygon --base-url URL --seed N --config FILE`;

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
      polygon: { baseUrl: f["base-url"] },
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
  const underlying = config.options.underlyings[0];
  const rules = config.options;
  const source = createSource(config);
  const root = `${config.data.dir}/lake`;
  const filled = await runJobs([barsJob(source, "equity_minute", underlying, date)], { root });
  if (filled.failed > 0) throw new Error(filled.failures[0].error);
  const open = await openFromLake(root, underlying, date);
  const exact = rules.expiry === "nearest_listed"
    ? null
    : selectExpiry({ date, convention: rules.expiry, fixed: rules.fixedExpiry ?? undefined });
  const listed = await source.optionContracts(underlying, date, {
    expiryFrom: exact ?? date,
    expiryTo: exact ?? addDaysIso(date, rules.listedHorizonDays),
  });
  const { expiry, selected, missing } = selectContracts(listed, underlying, date, open, rules);
  say(
    `${underlying} ${date}: open ${open}, expiry ${expiry} (${rules.expiry}), ${listed.length} listed contracts considered`,
  );
  say("ticker                  right  strike   expiry      multiplier");
  for (const c of selected) {
    say(
      `${c.ticker.padEnd(23)} ${c.right.padEnd(6)} ${
        c.strike.toFixed(2).padStart(7)
      }  ${c.expiry}  ${c.multiplier}`,
    );
  }
  for (const t of missing) say(`${t.padEnd(23)} not listed (reported, not invented)`);
  return 0;
});
