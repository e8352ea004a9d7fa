/**
 * Progress reporting: a bar redrawn in place on a terminal (count, rows/s, ETA), plain lines
 * at most every few seconds otherwise.
 *
 * @module
 */

/** Options for {@linkcode createProgress}. */
export interface ProgressOptions {
  /** Units to finish (partitions). */
  total: number;
  /** What is counted, e.g. "partitions". */
  label: string;
  /** Redraw one line in place (a terminal). */
  tty: boolean;
  /** Writes text (no newline added). */
  write: (text: string) => void;
  /** Clock, ms. */
  now: () => number;
  /** Minimum ms between plain lines. @default 2000 */
  plainEveryMs?: number;
  /**
   * Write JSON lines (`{"level":"info","message":"progress","done":1,"total":4,...}`) instead
   * of text, as `--log-json` asks of every stderr line. @default false
   */
  json?: boolean;
  /** Clock for JSON lines' `time`, epoch ms. @default Date.now */
  wallClock?: () => number;
}

/** A progress reporter. */
export interface Progress {
  /** Records `units` more done and `rows` more rows. */
  tick(units: number, rows: number): void;
  /** Writes the final state. */
  done(): void;
}

/** Formats seconds as `1m05s` or `12s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/** The progress line for a state, e.g. `[######------] 120/500 partitions  9,000 rows/s  ETA 12s`. */
export function progressLine(
  done: number,
  total: number,
  rows: number,
  elapsedMs: number,
  label: string,
) {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const rate = elapsedMs > 0 ? rows / (elapsedMs / 1000) : 0;
  const eta = done > 0 ? ((total - done) * elapsedMs) / done / 1000 : NaN;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label}  ${
    Math.round(rate).toLocaleString("en-US")
  } rows/s  ETA ${formatDuration(eta)}`;
}

/** Creates a progress reporter. */
export function createProgress(options: ProgressOptions): Progress {
  const { total, label, tty, write, now, plainEveryMs = 2000, json = false } = options;
  const wallClock = options.wallClock ?? Date.now;
  const start = now();
  let done = 0, rows = 0, lastPlain = -Infinity;
  const line = () => progressLine(done, total, rows, now() - start, label);
  if (json) {
    const emit = () =>
      write(
        JSON.stringify({
          time: new Date(wallClock()).toISOString(),
          level: "info",
          message: "progress",
          label,
          done,
          total,
          rows,
          elapsedMs: Math.round(now() - start),
        }) + "\n",
      );
    return {
      tick(units, moreRows) {
        done += units;
        rows += moreRows;
        if (now() - lastPlain >= plainEveryMs) {
          lastPlain = now();
          emit();
        }
      },
      done: emit,
    };
  }
  return {
    tick(units, moreRows) {
      done += units;
      rows += moreRows;
      if (tty) write(`\r\x1b[2K${line()}`);
      else if (now() - lastPlain >= plainEveryMs) {
        lastPlain = now();
        write(`${line()}\n`);
      }
    },
    done() {
      write(tty ? `\r\x1b[2K${line()}\n` : `${line()}\n`);
    },
  };
}
