/**
 * `deno task health`: coverage gaps, last runs, failures by cause, stale or hung runs,
 * performance regressions and the stream's last message age.
 *
 * Exit 0 when nothing needs attention, 1 when there are gaps, failures, stale runs or
 * regressions.
 *
 * @module
 */
import { processAlive } from "../lib/lake/mod.ts";
import { lakeHealth } from "../lib/ops/mod.ts";
import { defineTask } from "../lib/task/mod.ts";

export const task = defineTask({
  name: "health",
  summary:
    "coverage gaps, last runs, failures by cause, stale runs, regressions, stream status (exit 1: needs attention)",
  example: ["deno task health", "deno task health --regression-factor 3 --stream-stale 600"],
  flags: {
    "regression-factor": "ops.regressionFactor",
    "regression-min-runs": "ops.regressionMinRuns",
    "stream-stale": "ops.streamStaleS",
  },
  run: async ({ config, say }) => {
    const h = await lakeHealth(config.data.dir, {
      ...config.ops,
      nowMs: Date.now(),
      alive: processAlive,
    });
    say(`health ${config.data.dir}`);
    say("coverage (against the trading calendar):");
    for (const c of h.coverage) {
      const more = c.gaps.length > 5 ? ", ..." : "";
      const gaps = c.missing === 0
        ? "complete"
        : `${c.missing} missing: ${c.gaps.slice(0, 5).join(", ")}${more}`;
      say(`  ${c.dataset} ${c.value} ${c.first}..${c.last}: ${c.have} dates, ${gaps}`);
    }
    say("last runs:");
    for (const r of h.lastRuns) {
      say(
        `  ${r.task}: ${r.status} ${r.startedAt} (${(r.elapsedMs / 1000).toFixed(1)} s) ${r.runId}`,
      );
    }
    say(`failures by cause: ${h.failures.length === 0 ? "none" : ""}`);
    for (const x of h.failures.slice(0, 10)) say(`  ${x.count} × ${x.cause}`);
    say(`stale or hung: ${h.stale.length === 0 ? "none" : ""}`);
    for (const s of h.stale) say(`  ${s}`);
    say(`regressions: ${h.regressions.length === 0 ? "none" : ""}`);
    for (const r of h.regressions) say(`  ${r}`);
    if (h.stream) say(h.stream);
    const attention = h.coverage.some((c) => c.missing > 0) || h.failures.length > 0 ||
      h.stale.some((s) => !s.startsWith("the lake is being written")) ||
      h.regressions.length > 0;
    return attention ? 1 : 0;
  },
});

if (import.meta.main) await task.main();
