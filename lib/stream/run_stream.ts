/**
 * The live runner: subscribe to the three clusters, log every batch durably, roll completed
 * minutes into the lake, fill gaps by REST, stop after the close.
 *
 * @module
 */
import pl from "nodejs-polars";
import { type Config, redactConfig, secretsOf } from "../config/mod.ts";
import { nyDate, session } from "../calendar/mod.ts";
import { contractsJob, newsJob, type WrittenPartition } from "../ingest/mod.ts";
import { partitionFile } from "../lake/mod.ts";
import { codeRevision, type Logger, newRunId, versions, writeRunRecord } from "../run/mod.ts";
import { type BarEvent, type Cluster, clusterOf, CLUSTERS } from "../sources/polygon/mod.ts";
import type { Source } from "../sources/mod.ts";
import { Coverage } from "./_coverage.ts";
import { DayState } from "./_day_state.ts";
import { Link, StreamAuthError } from "./_link.ts";
import { rollupJobs, type RollupPlan, runLocked } from "./_rollup.ts";
import { StatusBoard } from "./_status.ts";
import { barRow, markerRow, rowBar } from "./_rows.ts";
import { readWal, type WalRow, WalWriter } from "./wal.ts";

/** Options for {@linkcode runStream}. */
export interface RunStreamOptions {
  /** REST source for gap fills, contract discovery and news (the polygon source). */
  rest: Source;
  /** Market time now, UTC ms (the wall clock, or a replay's). */
  clock: () => number;
  random: () => number;
  /** Wall sleep. */
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  log: Logger;
  /** The command recorded in the run record. */
  command?: string[];
  /** Receives the one-line status every `stream.statusMs`. */
  onStatus?: (line: string) => void;
}

/** How a session ended. */
export interface StreamResult {
  status: "closed" | "interrupted";
  date: string;
  counters: Record<string, number>;
  unfilled: { cluster: string; fromMs: number; toMs: number; error: string }[];
  outputs: WrittenPartition[];
  recordPath: string;
}

const MAX_UNFILLED = 100;

/**
 * Streams one trading session into the lake (`config.stream`, symbols and indices of
 * `config.backfill`, selection rules of `config.options`). Resumes from the session's log.
 *
 * @throws {StreamAuthError} when a cluster refuses the API key.
 * @throws {RangeError} when the date is not a trading day.
 */
export async function runStream(config: Config, options: RunStreamOptions): Promise<StreamResult> {
  const { rest, clock, random, log, signal, onStatus } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const cfg = config.stream;
  const date = cfg.date ?? nyDate(clock());
  const s = session(date);
  if (!s) throw new RangeError(`Cannot stream ${date}: the exchange is closed that day`);
  const root = `${config.data.dir}/lake`;
  const streamDir = `${config.data.dir}/stream`;
  const apiKey = config.source.polygon.apiKey;
  if (!apiKey) throw new RangeError("The stream needs an API key: set POLYGON_API_KEY");
  const started = Date.now();
  const { symbols, indices } = config.backfill;
  const underlyings = cfg.options ? config.options.underlyings : [];
  const plan: RollupPlan & { options: Map<string, string[]> } = {
    date,
    openMs: s.openMs,
    closeMs: s.closeMs,
    sourceName: rest.name,
    symbols,
    indices,
    options: new Map(),
  };
  const state = new DayState(s.openMs, s.closeMs);
  const coverage = new Map(CLUSTERS.map((c) => [c, new Coverage()] as const));
  const board = new StatusBoard(`${streamDir}/status.json`, date, started);
  const unfilled: StreamResult["unfilled"] = [];
  const outputs = new Map<string, WrittenPartition>();

  // Resume: the log of earlier runs of this session.
  const walDir = `${streamDir}/wal/${date}`;
  const prior = await readWal(walDir);
  for (const row of prior.rows) applyRow(row);
  for (const c of coverage.values()) c.segmentEnd();
  if (prior.rows.length) {
    log.info(
      `resumed ${prior.rows.length} log rows from ${prior.segments} segment(s) (${prior.torn} torn)`,
    );
  }
  const wal = await WalWriter.open(walDir);

  function applyRow(row: WalRow) {
    if (row.kind === "bar") {
      if (row.ev === "AM") state.add(row.ticker, rowBar(row));
      board.count("walRestored");
    } else coverage.get(row.cluster as Cluster)?.apply(row);
  }

  const marker = markerRow;

  function take(cluster: Cluster, events: BarEvent[], origin: "ws" | "rest") {
    const rows: WalRow[] = [];
    for (const e of events) {
      const b = e.bar;
      rows.push(barRow(cluster, e, origin));
      if (e.ev === "AM") {
        const r = state.add(e.ticker, b);
        if (origin === "rest" && r === "new") board.count("restFilled");
      } else board.count("seconds");
    }
    wal.append(rows);
    if (origin === "ws") board.message(events.length);
  }

  async function loadSelection(u: string): Promise<boolean> {
    if (plan.options.has(u)) return true;
    const path = `${root}/${partitionFile({ dataset: "option_contracts", value: u, date })}`;
    try {
      await Deno.stat(path);
    } catch {
      return false;
    }
    const tickers = pl.readParquet(path).getColumn("ticker").toArray() as string[];
    plan.options.set(u, tickers);
    links.get("options")?.subscribe(paramsOf(tickers));
    return true;
  }

  const paramsOf = (tickers: readonly string[]) =>
    tickers.flatMap((t) => cfg.seconds ? [`AM.${t}`, `A.${t}`] : [`AM.${t}`]);

  // Links.
  let fatal: Error | null = null;
  const links = new Map<Cluster, Link>();
  /** End of the newest minute each cluster delivered (what a live span is known to cover). */
  const heardAt = new Map<Cluster, number>();
  const wanted: Record<Cluster, string[]> = {
    stocks: [...symbols],
    indices: [...indices],
    options: [...plan.options.values()].flat(),
  };
  for (const cluster of CLUSTERS) {
    if (cluster === "options" && underlyings.length === 0) continue;
    if (cluster !== "options" && wanted[cluster].length === 0) continue;
    const link = new Link({
      cluster,
      wsUrl: cfg.wsUrl,
      apiKey,
      backoffBaseMs: cfg.backoffBaseMs,
      backoffMaxMs: cfg.backoffMaxMs,
      random,
      sleep,
      hooks: {
        onBars: (c, bars) => {
          // Covered up to the newest minute received, not the clock: a feed may lag its clock.
          let end = heardAt.get(c) ?? -Infinity;
          for (const b of bars) if (b.ev === "AM") end = Math.max(end, b.bar.ts + 60_000);
          heardAt.set(c, end);
          take(c, bars, "ws");
        },
        onUp: (c) => {
          const row = marker("up", c, clock());
          coverage.get(c)!.apply(row);
          wal.append([row]);
          board.cluster(c, true);
        },
        onDown: (c, reason) => {
          // Covered only up to the last message: a stalled socket delivered nothing after.
          const row = marker("down", c, heardAt.get(c) ?? 0);
          coverage.get(c)!.apply(row);
          wal.append([row]);
          board.cluster(c, false);
          board.count("reconnects");
          board.error(reason.replace(/\d+ ms/g, "N ms"));
        },
        onFatal: (e) => (fatal = e),
        onBad: (reason) => {
          board.count("bad");
          board.error(reason.replace(/[\d.]+/g, "N"));
        },
        warn: (m) => log.warn(m),
      },
    });
    link.subscribe(paramsOf(wanted[cluster]));
    links.set(cluster, link);
  }
  for (const u of underlyings) await loadSelection(u);

  // Market hours: wait until a minute before the open.
  while (clock() < s.openMs - 60_000 && !signal?.aborted) {
    board.phase("waiting for the open");
    await board.write();
    await sleep(Math.min(cfg.statusMs, Math.max(10, s.openMs - 60_000 - clock())));
  }

  const running = clock() < s.closeMs + cfg.graceMs;
  const loops = running && !signal?.aborted ? [...links.values()].map((l) => l.start()) : [];
  board.phase(running ? "streaming" : "after the close");

  let lastFlush = performance.now();
  let lastStatus = 0;
  let lastNewsMs = -Infinity;
  let rolledUpTo = s.openMs;
  const fillTries = new Map<string, number>();

  async function flush() {
    for (const [c, cov] of coverage) {
      const heard = heardAt.get(c);
      if (cov.live && heard !== undefined) wal.append([marker("beat", c, heard)]);
    }
    const rows = await wal.flush();
    lastFlush = performance.now();
    if (rows.length) board.flushed(rows.length, wal.lastFlushLatencyMs, wal.durable.bytes);
  }

  async function rollup(all: boolean) {
    await flush();
    const jobs = rollupJobs(state, plan, Infinity, all);
    state.dirty.clear();
    const summary = await runLocked(root, jobs);
    if (!summary && jobs.length) {
      for (const j of jobs) if (j.id.dataset !== "option_minute") state.dirty.add(j.id.value);
      log.warn("the lake is locked by another process: rollup postponed");
      return;
    }
    for (const o of summary?.outputs ?? []) outputs.set(o.partition, o);
    for (const f of summary?.failures ?? []) log.warn(`rollup ${f.partition}: ${f.error}`);
  }

  /** Fills by REST the gaps that a live span has closed (all of them when `final`). */
  async function fillGaps(horizonMs: number, final = false) {
    for (const [cluster, cov] of coverage) {
      const tickers = cluster === "options" ? [...plan.options.values()].flat() : wanted[cluster];
      if (tickers.length === 0) continue;
      for (const gap of cov.gaps(s!.openMs, Math.min(horizonMs, s!.closeMs))) {
        const closedByLive = gap.toMs < Math.min(horizonMs, s!.closeMs);
        if (!final && !closedByLive) continue;
        if (!final && clock() < gap.toMs + 60_000 + cfg.graceMs) continue;
        const key = `${cluster}|${gap.fromMs}`;
        if ((fillTries.get(key) ?? 0) >= 3) continue;
        const from = Math.floor(gap.fromMs / 60_000) * 60_000 - 60_000;
        const to = gap.toMs + 60_000;
        try {
          for (const t of tickers) {
            const bars = await rest.minuteBars(t, date, { signal });
            const inGap = bars.filter((b) =>
              b.ts >= from && b.ts <= to && b.ts + 60_000 <= clock()
            );
            take(cluster, inGap.map((bar) => ({ ev: "AM" as const, ticker: t, bar })), "rest");
          }
          const row = marker("filled", cluster, gap.fromMs, gap.toMs);
          cov.apply(row);
          wal.append([row]);
          log.info(`filled /${cluster} ${iso(gap.fromMs)}..${iso(gap.toMs)} by REST`);
        } catch (e) {
          fillTries.set(key, (fillTries.get(key) ?? 0) + 1);
          const known = unfilled.some((u) => u.cluster === cluster && u.fromMs === gap.fromMs);
          if ((final || fillTries.get(key) === 3) && !known && unfilled.length < MAX_UNFILLED) {
            unfilled.push({ cluster, ...gap, error: (e as Error).message });
          }
          log.warn(`could not fill /${cluster} ${iso(gap.fromMs)}..: ${(e as Error).message}`);
        }
      }
    }
  }

  async function pollNews() {
    if (cfg.newsIntervalMin === 0 || symbols.length === 0) return;
    const sum = await runLocked(root, symbols.map((t) => newsJob(rest, t, date)));
    for (const o of sum?.outputs ?? []) outputs.set(o.partition, o);
  }

  async function select() {
    for (const u of underlyings) {
      if (plan.options.has(u) || !state.has(u, s!.openMs)) continue;
      await rollup(false);
      const sum = await runLocked(root, [contractsJob(rest, root, u, date, config.options)]);
      for (const o of sum?.outputs ?? []) outputs.set(o.partition, o);
      for (const w of sum?.warnings ?? []) log.warn(w);
      if (await loadSelection(u)) {
        log.info(`subscribed to ${plan.options.get(u)!.length} ${u} contracts`);
      }
    }
  }

  let status: StreamResult["status"] = "closed";
  try {
    while (running) {
      if (fatal) throw fatal;
      if (signal?.aborted) {
        status = "interrupted";
        break;
      }
      const now = clock();
      if (now >= s.closeMs + cfg.graceMs) break;
      if (performance.now() - lastFlush >= cfg.flushMs) await flush();
      const horizon = Math.floor((now - cfg.graceMs) / 60_000) * 60_000;
      if (horizon > rolledUpTo) {
        board.count("minutesRolled", (Math.min(horizon, s.closeMs) - rolledUpTo) / 60_000);
        rolledUpTo = horizon;
        await select();
        await fillGaps(now);
        await rollup(false);
        if (cfg.newsIntervalMin > 0 && now - lastNewsMs >= cfg.newsIntervalMin * 60_000) {
          lastNewsMs = now;
          await pollNews();
        }
      }
      for (const link of links.values()) {
        const quiet = performance.now() - link.lastMessageAt;
        if (link.up && now >= s.openMs && now < s.closeMs && quiet > cfg.stallMs) {
          board.count("stalls");
          link.restart(`no message for ${Math.round(quiet)} ms: reconnecting`);
        }
      }
      if (performance.now() - lastStatus >= cfg.statusMs) {
        lastStatus = performance.now();
        board.market(now, rolledUpTo);
        onStatus?.(board.line(links));
        await board.write();
      }
      await sleep(Math.min(cfg.flushMs, 50));
    }
  } finally {
    for (const l of links.values()) l.stop();
    await Promise.allSettled(loops);
  }
  if (fatal) {
    await wal.close();
    board.phase("stopped: auth failed");
    await board.write();
    throw fatal as StreamAuthError;
  }
  if (status === "closed") {
    // What the sockets delivered ends at their last message; REST fetches the rest.
    for (const [c, cov] of coverage) {
      if (!cov.live) continue;
      const row = marker("down", c, heardAt.get(c) ?? 0);
      cov.apply(row);
      wal.append([row]);
    }
    await fillGaps(s.closeMs, true);
    await select();
    await fillGaps(s.closeMs, true);
    await pollNews();
  }
  await rollup(true);
  await wal.close();
  board.phase(status === "closed" ? "closed" : "interrupted");
  board.market(clock(), rolledUpTo);
  await board.write();
  const elapsedMs = Date.now() - started;
  const counters = board.counters();
  const recordPath = await writeRunRecord(config.data.dir, {
    runId: newRunId("stream", started),
    task: "stream",
    command: options.command ?? [],
    config: redactConfig(config),
    code: await codeRevision(),
    versions: await versions(),
    seed: null,
    inputs: [],
    outputs: [...outputs.values()].sort((a, b) => (a.partition < b.partition ? -1 : 1)),
    timings: {
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(started + elapsedMs).toISOString(),
      elapsedMs,
    },
    status: status === "closed" ? "ok" : "interrupted",
    summary: { date, counters, unfilled, errors: board.errors(), state: state.counters },
  }, secretsOf(config));
  return { status, date, counters, unfilled, outputs: [...outputs.values()], recordPath };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(11, 16);

export { clusterOf, StreamAuthError };
