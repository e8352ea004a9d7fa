/**
 * The terminal side of a backfill shared by `backfill` and `demo`: progress bar, Ctrl-C,
 * summary lines and the exit code.
 *
 * @module
 */
import { backfill } from "../lib/ingest/mod.ts";
import type { Progress } from "../lib/run/mod.ts";
import { createSource } from "../lib/sources/mod.ts";
import type { TaskContext } from "../lib/task/mod.ts";

/** Runs the configured backfill with the task's logger, progress and Ctrl-C; returns the exit code (0, 1 or 130). */
export async function backfillInTerminal(ctx: TaskContext): Promise<number> {
  const { config, log, say } = ctx;
  const source = createSource(config, { logger: log });
  let progress: Progress | undefined;
  const { summary, status, elapsedMs, recordPath, recordError } = await backfill(config, {
    source,
    command: ctx.command,
    log,
    signal: ctx.signal,
    onStart: (total) => {
      progress = ctx.progress(total, "partitions");
    },
    onEvent: (e) => {
      if (e.status === "failed") {
        log.warn(`failed ${e.id.dataset} ${e.id.value} ${e.id.date}: ${e.error}`);
      }
      progress?.tick(1, e.status === "written" ? e.rows : 0);
    },
  });
  progress?.done();
  const b = config.backfill;
  say(`backfill ${b.from}..${b.to} (${source.name}): ${status}`);
  say(
    `  partitions: ${summary.planned} planned, ${summary.written} written, ${summary.skipped} skipped, ${summary.failed} failed`,
  );
  say(
    `  rows: ${summary.rows.toLocaleString("en-US")} written, ${summary.quarantined} quarantined`,
  );
  say(`  elapsed: ${(elapsedMs / 1000).toFixed(2)} s`);
  say(`  run record: ${recordPath ?? recordError}`);
  for (const w of summary.warnings.slice(0, 10)) say(`  warning ${w}`);
  if (summary.warnings.length > 10) {
    say(`  ... and ${summary.warnings.length - 10} more warnings`);
  }
  for (const f of summary.failures.slice(0, 10)) say(`  failed ${f.partition}: ${f.error}`);
  if (summary.failures.length > 10) say(`  ... and ${summary.failures.length - 10} more`);
  if (summary.fatal) {
    log.error(summary.fatal);
    return 1;
  }
  return status === "ok" ? 0 : status === "interrupted" ? 130 : 1;
}
