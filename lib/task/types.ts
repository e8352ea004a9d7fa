/**
 * The shapes of a task declaration and of what its `run` receives.
 *
 * @module
 */
import type { Config } from "../config/mod.ts";
import type { Logger, Progress, RunHooks, RunRecordParts } from "../run/mod.ts";

/**
 * One flag: a config path (`"scan.windowMin"`: type, help and default come from the schema),
 * or an object for a flag that needs its own parsing or belongs to the task only.
 */
export type FlagSpec = string | {
  /** Config path the value goes to; leave out for a task-local flag (read from `ctx.flags`). */
  path?: string;
  /** The kind of a task-local flag (a config flag takes its kind from the schema). */
  type?: "boolean" | "string" | "int" | "number" | "date" | "list";
  /** Help text; config flags take the schema's description. */
  help?: string;
  /** The placeholder in the help (`TRAIN:TEST`). */
  metavar?: string;
  /** A task-local flag's default, for the help and `ctx.flags`. */
  default?: unknown;
  /** Turns the flag's text into the value stored at `path` (or in `ctx.flags`). */
  parse?: (value: string) => unknown;
  /** A one-letter alias (`-n`). */
  short?: string;
  /** May be given more than once; the value is the list of values (task-local flags). */
  multiple?: boolean;
};

/** What a task writes in its run record besides what the runner knows. */
export type TaskRecord = RunRecordParts;

/** What a task's `run` gets. */
export interface TaskContext extends RunHooks {
  /** The validated config: defaults, the YAML file, `.env`, environment, then flags. */
  config: Config;
  /** Values of task-local flags by name (parsed), defaults filled in. */
  flags: Record<string, unknown>;
  /** Names of the flags given on the command line. */
  given: ReadonlySet<string>;
  /** Arguments that are not flags (tasks that declare `positionals`). */
  positionals: string[];
  /** `["deno", "task", name, ...args]`, for the run record. */
  command: string[];
  /** Logger on stderr: JSON lines with `--log-json`, secrets redacted. */
  log: Logger;
  /** Prints a line on stdout, secrets redacted. */
  say(text: string): void;
  /** Aborted on the first Ctrl-C. */
  signal: AbortSignal;
  /** Wall-clock start, epoch ms. */
  startedMs: number;
  /** This run's id (`<UTC time>-<task>-<hex>`), the folder of its run record. */
  runId: string;
  /** A progress reporter on stderr: a bar on a terminal, JSON lines with `--log-json`. */
  progress(total: number, label: string): Progress;
  /** Writes `<data>/runs/<runId>/manifest.json`; returns its path. */
  record(record: TaskRecord): Promise<string>;
  /** Hooks for a step run under its own run id and record (`demo` runs scan, backtest...). */
  child(task: string): RunHooks;
}

/** A task declaration. */
export interface TaskSpec {
  /** The `deno task` name (`scan`). */
  name: string;
  /** One line: what the task does. */
  summary: string;
  /** Example command lines shown by `--help`. */
  example: string | string[];
  /** Flag name (without `--`) to config path or flag spec. */
  flags?: Record<string, FlagSpec>;
  /** Config paths that must be set (not null) to run, e.g. `scan.from`. */
  required?: string[];
  /** Pairs of config paths that must hold dates with first <= second. */
  ranges?: [string, string][];
  /** Hold the data-dir lock (`<data>/lake/.lock`) while running. @default false */
  lock?: boolean;
  /** What the first Ctrl-C lets finish, for its message. @default "the work under way" */
  interruptible?: string;
  /** Runs until Ctrl-C, which is its normal end (a server): exit 0, no message. */
  untilInterrupted?: boolean;
  /** Accept arguments that are not flags; the text names them in the help. */
  positionals?: string;
  /** Extra checks on the loaded config; throw `UsageError`/`RangeError` (exit 2). */
  check?: (config: Config, flags: Record<string, unknown>) => void;
  /** The one lib call and its summary; returns the exit code (nothing: 0). */
  run: (ctx: TaskContext) => Promise<number | void>;
}
