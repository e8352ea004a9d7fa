/**
 * `deno task sim-check`: the simulator's stylized facts (autocorrelations, U-shapes, fat
 * tails, clustering, leverage, VIX range, gaps, half days, skew) beside real bars, with each
 * figure's band and pass/fail; writes an HTML page. Exit 1 when a figure is out of band.
 *
 * @module
 */
import { dirname } from "node:path";
import { simCheck } from "../lib/sources/sim/mod.ts";
import { defineTask } from "../lib/task/mod.ts";

export const task = defineTask({
  name: "sim-check",
  summary:
    "measure the simulator's stylized facts beside real bars, print the table, write an HTML page (exit 1 when a figure is out of band)",
  example: [
    "deno task sim-check",
    "deno task sim-check --seed 7 --from 2024-03-01 --to 2024-05-31 --no-real",
  ],
  flags: {
    seed: "source.sim.seed",
    from: "simCheck.from",
    to: "simCheck.to",
    real: { path: "simCheck.realData", metavar: "DIR" },
    "no-real": { type: "boolean", help: "Measure the simulator only (simCheck.realData none)" },
    report: { path: "simCheck.report", metavar: "FILE" },
  },
  ranges: [["simCheck.from", "simCheck.to"]],
  run: async ({ config, flags: f, say }) => {
    const c = { ...config.simCheck, ...(f["no-real"] ? { realData: null } : {}) };
    const seed = config.source.sim.seed;
    const t0 = performance.now();
    const result = await simCheck({ seed, ...c });
    await Deno.mkdir(dirname(c.report), { recursive: true });
    await Deno.writeTextFile(c.report, result.html);
    say(`sim-check: seed ${seed}, SPY minutes ${c.from}..${c.to}\n`);
    say(result.table);
    const failed = result.rows.filter((r) => !r.pass).length;
    say(`\n${failed === 0 ? "all figures in band" : `${failed} figure(s) out of band`}`);
    say(`  report: ${c.report}`);
    say(`  elapsed: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    return failed === 0 ? 0 : 1;
  },
});

if (import.meta.main) await task.main();
