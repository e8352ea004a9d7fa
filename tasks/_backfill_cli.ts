/**
 * The terminal side of a backfill shared by `backfill` and `demo`: progress bar, Ctrl-C,
 * summary lines and the exit code.
 *
 * @module
 */
import { type Config, secretsOf } from "../lib/config/mod.ts";
import { backfill } from "../lib/ingest/mod.ts";
import { createLogger, createProgress, type Progress } from "../lib/run/mod.ts";
import { createSource } from "../lib/sources/mod.ts";
import { say } from "./_task.ts";

/** Runs the configured backfill in a terminal; returns the exit code (0, 1 or 130). */
export async function backfillInTerminal(config: Config, command: string[]): Promise<number> {
  const log = createLogger({
    level: config.log.level,
    json: config.log.json,
    secrets: secretsOf(config),
  });
  const source = createSource(config, { logger: log });
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts > 1) Deno.exit(130);
    log.warn("stopping after the partitions under way (Ctrl-C again to quit at once)");
    controller.abort();
  };
  Deno.addSignalListener("SIGINT", onSigint);
  const enc = new TextEncoder();
  let progress: Progress | undefined;
  try {
    const { summary, status, elapsedMs, recordPath, recordError } = await backfill(config, {
      source,
      command,
      log,
      signal: controller.signal,
      onStart: (total) => {
        progress = createProgress({
          total,
          label: "partitions",
          tty: Deno.stderr.isTerminal(),
          write: (t) => Deno.stderr.writeSync(enc.encode(t)),
          now: () => performance.now(),
        });
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
      console.error(`error: ${summary.fatal}`);
      return 1;
    }
    return status === "ok" ? 0 : status === "interrupted" ? 130 : 1;
  } finally {
    Deno.removeSignalListener("SIGINT", onSigint);
  }
}
