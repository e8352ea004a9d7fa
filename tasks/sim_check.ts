/**
 * `deno task sim-check`: the simulator's stylized facts (autocorrelations, U-shapes, fat
 * tails, clustering, leverage, VIX range, gaps, half days, skew) beside real bars, with each
 * figure's band and pass/fail; writes an HTML page. Exit 1 when a figure is out of band.
 *
 * @module
 */
import { dirname } from "node:path";
import { simCheck } from "../lib/sources/sim/mod.ts";
import { intFlag, loadTaskConfig, parseFlags, runTask, say } from "./_task.ts";

const USAGE = `usage: deno task sim-check [--seed N] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                          [--real DIR | --no-real] [--report FILE] [--config FILE]

Measures the simulator (SPY minutes of --from..--to, default 2024; daily bars 2015-2027)
and the same figures on the real bars in DIR (default ../shared/data), prints the table
and writes the page (default reports/sim-check.html).`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    seed: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    real: { type: "string" },
    "no-real": { type: "boolean" },
    report: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const config = await loadTaskConfig(f.config, {
    source: { sim: { seed: intFlag("seed", f.seed) } },
    simCheck: {
      from: f.from,
      to: f.to,
      realData: f["no-real"] ? null : f.real,
      report: f.report,
    },
  });
  const c = config.simCheck;
  const t0 = performance.now();
  const result = await simCheck({ seed: config.source.sim.seed, ...c });
  await Deno.mkdir(dirname(c.report), { recursive: true });
  await Deno.writeTextFile(c.report, result.html);
  say(`sim-check: seed ${config.source.sim.seed}, SPY minutes ${c.from}..${c.to}\n`);
  say(result.table);
  const failed = result.rows.filter((r) => !r.pass).length;
  say(`\n${failed === 0 ? "all figures in band" : `${failed} figure(s) out of band`}`);
  say(`  report: ${c.report}`);
  say(`  elapsed: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  return failed === 0 ? 0 : 1;
});
