/**
 * `defineTask`: a task as a declaration (its flags mapped to config paths, guards, one lib
 * call). Parsing, `--help`, the config layers, the guards, the data-dir lock, the run record,
 * `--log-json` and the exit codes live here once.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { type Config, ConfigError, mergeDeep, redactConfig } from "../config/mod.ts";
import { acquireLakeLock } from "../lake/mod.ts";
import {
  codeRevision,
  createLogger,
  createProgress,
  newRunId,
  versions,
  writeRunRecord,
} from "../run/mod.ts";
import { COMMON_FLAGS, flagValue, type ResolvedFlag, resolveFlag } from "./_flags.ts";
import { helpText } from "./_help.ts";
import { loadTaskConfig, redactOutput, rememberEnvSecrets } from "./load_task_config.ts";
import type { TaskContext, TaskRecord, TaskSpec } from "./types.ts";
import { UsageError } from "./usage_error.ts";

/** Exit codes of every task. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** What the command line asked for, before the config is loaded. */
export interface ParsedTaskArgs {
  help: boolean;
  /** `--config FILE`, if given. */
  configPath: string | undefined;
  /** A partial config from the flags that map to config paths. */
  overrides: Record<string, unknown>;
  /** Values of task-local flags (defaults filled in). */
  flags: Record<string, unknown>;
  given: Set<string>;
  positionals: string[];
}

/** A declared task. */
export interface Task {
  spec: TaskSpec;
  /** The flags with kinds, help and defaults resolved from the schema. */
  flags: ResolvedFlag[];
  /** The `--help` text. */
  help(): string;
  /** Parses a command line (no I/O). @throws {UsageError} */
  parse(args: string[]): ParsedTaskArgs;
  /** Parses, checks and loads the config as `main` does (reads the YAML, `.env`, env). */
  load(args: string[]): Promise<{ parsed: ParsedTaskArgs; config: Config | null }>;
  /** Runs the task with these arguments; returns the exit code (never exits). */
  execute(args: string[]): Promise<number>;
  /** Runs the task with `Deno.args` and exits with its code. */
  main(args?: string[]): Promise<never>;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = target;
  for (const k of keys.slice(0, -1)) {
    node[k] ??= {};
    node = node[k] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  node[last] = mergeDeep(node[last], value);
}

function getPath(target: unknown, path: string): unknown {
  let v = target;
  for (const k of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** The flag of `name`'s plural, for the hint on a singular (`--symbol` → `--symbols`). */
function unknownFlag(message: string, flags: ResolvedFlag[]): UsageError {
  const m = /Unknown option '-{1,2}([^']+)'/.exec(message);
  if (m) {
    const name = m[1].split("=")[0];
    const plural = flags.find((f) => f.name === `${name}s` || f.name === `${name}es`);
    if (plural) {
      return new UsageError(
        `--${name} is not a flag of this task: use --${plural.name} (a comma list, e.g. --${plural.name} SPY,QQQ)`,
      );
    }
    return new UsageError(`unknown flag --${name} (see --help for the flags)`);
  }
  return new UsageError(message.replace(/\. To specify.*$/s, ""));
}

/** Declares a task. Call `.main()` from the task file (`if (import.meta.main)`). */
export function defineTask(spec: TaskSpec): Task {
  const flags = Object.entries({ ...spec.flags, ...COMMON_FLAGS }).map(([n, s]) =>
    resolveFlag(n, s)
  );
  const help = () => helpText(spec, flags);

  function parse(args: string[]): ParsedTaskArgs {
    const options: Record<
      string,
      { type: "string" | "boolean"; short?: string; multiple?: boolean }
    > = {
      help: { type: "boolean", short: "h" },
    };
    for (const f of flags) {
      options[f.name] = { type: f.kind.kind === "boolean" ? "boolean" : "string" };
      if (f.short) options[f.name].short = f.short;
      if (f.multiple) options[f.name].multiple = true;
    }
    let values: Record<string, string | boolean | string[] | undefined>;
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args,
        options,
        strict: true,
        allowPositionals: spec.positionals !== undefined,
      }) as { values: Record<string, string | boolean | string[]>; positionals: string[] });
    } catch (e) {
      throw unknownFlag((e as Error).message, flags);
    }
    const overrides: Record<string, unknown> = {};
    const local: Record<string, unknown> = {};
    const given = new Set<string>();
    for (const f of flags) {
      const raw = values[f.name];
      if (raw === undefined) {
        if (f.path === null) local[f.name] = f.default;
        continue;
      }
      given.add(f.name);
      const v = flagValue(f, raw);
      if (f.path === null) local[f.name] = v;
      else setPath(overrides, f.path, v);
    }
    return {
      help: values.help === true,
      configPath: local.config as string | undefined,
      overrides,
      flags: local,
      given,
      positionals,
    };
  }

  /** ConfigError lines about a path a flag set name that flag too. */
  function nameFlags(e: ConfigError, given: Set<string>): ConfigError {
    const lines = e.problems.map((line) => {
      const f = flags.find((f) => f.path && given.has(f.name) && line.startsWith(`${f.path}`));
      return f ? `${line} (flag --${f.name})` : line;
    });
    return new ConfigError(lines, { cause: e.cause ?? e });
  }

  function guard(config: Config, parsed: ParsedTaskArgs) {
    const flagOf = (path: string) => flags.find((f) => f.path === path);
    const missing = (spec.required ?? []).filter((p) => getPath(config, p) == null);
    if (missing.length > 0) {
      const names = missing.map((p) => flagOf(p) ? `--${flagOf(p)!.name}` : p);
      throw new UsageError(
        `${names.join(" and ")} ${names.length > 1 ? "are" : "is"} required (${
          missing.map((p) => `config ${p}`).join(", ")
        })`,
      );
    }
    for (const [a, b] of spec.ranges ?? []) {
      const from = getPath(config, a), to = getPath(config, b);
      if (typeof from === "string" && typeof to === "string" && from > to) {
        const fa = flagOf(a) ? `--${flagOf(a)!.name}` : a,
          fb = flagOf(b) ? `--${flagOf(b)!.name}` : b;
        throw new UsageError(`${fa} ${from} is after ${fb} ${to} (the range must run forwards)`);
      }
    }
    spec.check?.(config, parsed.flags);
  }

  async function load(args: string[]) {
    const parsed = parse(args);
    if (parsed.help) return { parsed, config: null };
    let config: Config;
    try {
      config = await loadTaskConfig(parsed.configPath, parsed.overrides);
    } catch (e) {
      throw e instanceof ConfigError ? nameFlags(e, parsed.given) : e;
    }
    guard(config, parsed);
    return { parsed, config };
  }

  async function execute(args: string[]): Promise<number> {
    const json = args.includes("--log-json");
    const enc = new TextEncoder();
    const errLine = (message: string, code: number | null, level = "error") => {
      const text = json
        ? JSON.stringify({
          time: new Date().toISOString(),
          level,
          message,
          ...(code === null ? {} : { exitCode: code }),
        })
        : level === "error"
        ? message
        : `${level}: ${message}`;
      Deno.stderr.writeSync(enc.encode(redactOutput(text) + "\n"));
    };
    const controller = new AbortController();
    let interrupts = 0;
    const onSigint = () => {
      if (++interrupts > 1) Deno.exit(EXIT.interrupted);
      if (spec.untilInterrupted) return void controller.abort();
      const what = spec.interruptible ?? "the work under way";
      errLine(`stopping after ${what} (Ctrl-C again to quit at once)`, null, "warn");
      controller.abort();
    };
    let release: (() => Promise<void>) | null = null;
    let listening = false;
    try {
      await rememberEnvSecrets();
      const { parsed, config } = await load(args);
      if (config === null) {
        console.log(help());
        return EXIT.ok;
      }
      Deno.addSignalListener("SIGINT", onSigint);
      listening = true;
      const log = createLogger({ level: config.log.level, json: config.log.json });
      const logged = {
        debug: (m: string, f?: Record<string, unknown>) => log.debug(redactOutput(m), f),
        info: (m: string, f?: Record<string, unknown>) => log.info(redactOutput(m), f),
        warn: (m: string, f?: Record<string, unknown>) => log.warn(redactOutput(m), f),
        error: (m: string, f?: Record<string, unknown>) => log.error(redactOutput(m), f),
      };
      const startedMs = Date.now();
      const runId = newRunId(spec.name, startedMs);
      const command = ["deno", "task", spec.name, ...args];
      const recorder = (task: string, id: string) => async (r: TaskRecord) => {
        const finished = Date.now();
        return await writeRunRecord(config.data.dir, {
          runId: r.runId ?? id,
          task,
          command,
          config: r.config ?? redactConfig(config),
          code: await codeRevision(),
          versions: await versions(),
          seed: r.seed ?? null,
          inputs: r.inputs ?? [],
          outputs: r.outputs ?? [],
          timings: {
            startedAt: new Date(startedMs).toISOString(),
            finishedAt: new Date(finished).toISOString(),
            elapsedMs: finished - startedMs,
          },
          status: r.status ?? "ok",
          summary: r.summary ?? {},
        });
      };
      if (spec.lock) release = await acquireLakeLock(`${config.data.dir}/lake`);
      const ctx: TaskContext = {
        config,
        flags: parsed.flags,
        given: parsed.given,
        positionals: parsed.positionals,
        command,
        log: logged,
        say: (text) => console.log(redactOutput(text)),
        signal: controller.signal,
        startedMs,
        runId,
        progress: (total, label) =>
          createProgress({
            total,
            label,
            tty: !config.log.json && Deno.stderr.isTerminal(),
            json: config.log.json,
            write: (t) => Deno.stderr.writeSync(enc.encode(t)),
            now: () => performance.now(),
          }),
        record: recorder(spec.name, runId),
        child: (task) => {
          const id = newRunId(task, Date.now());
          return { runId: id, command, record: recorder(task, id) };
        },
      };
      const code = (await spec.run(ctx)) ?? EXIT.ok;
      const stopped = controller.signal.aborted && !spec.untilInterrupted;
      return stopped && code === EXIT.ok ? EXIT.interrupted : code;
    } catch (e) {
      const err = e as Error;
      if (controller.signal.aborted) {
        errLine(`interrupted: ${err.message}`, EXIT.interrupted);
        return EXIT.interrupted;
      }
      if (e instanceof ConfigError) {
        errLine(err.message, EXIT.usage);
        return EXIT.usage;
      }
      if (e instanceof UsageError) {
        errLine(
          `error: ${err.message}\n(deno task ${spec.name} --help lists the flags)`,
          EXIT.usage,
        );
        return EXIT.usage;
      }
      if (e instanceof RangeError) {
        errLine(`error: ${err.message}`, EXIT.usage);
        return EXIT.usage;
      }
      const detail = Deno.env.get("STRIKELAB_DEBUG") ? err.stack ?? err.message : err.message;
      errLine(`error: ${detail}`, EXIT.failure);
      return EXIT.failure;
    } finally {
      if (listening) Deno.removeSignalListener("SIGINT", onSigint);
      await release?.();
    }
  }

  return {
    spec,
    flags,
    help,
    parse,
    load,
    execute,
    main: async (args = Deno.args) => Deno.exit(await execute(args)),
  };
}
