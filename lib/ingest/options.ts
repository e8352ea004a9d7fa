/**
 * Options ingestion: each trading day, select contracts around the underlying's open (read
 * from the lake, never an extra API call), store them in `option_contracts`, then fetch
 * their minute bars into `option_minute` (one partition per underlying and date, with a
 * `ticker` column), resumable per contract-day through staged pieces.
 *
 * @module
 */
import pl from "nodejs-polars";
import { tradingDays } from "../calendar/mod.ts";
import { sessionOf } from "./_dates.ts";
import { partitionFile } from "../lake/mod.ts";
import { barsFrame, contractsFrame, DATASET_SCHEMAS } from "../lake/mod.ts";
import type { QuarantinedRow } from "../lake/mod.ts";
import type { Source } from "../sources/mod.ts";
import type { MinuteBar } from "../market/mod.ts";
import { OPTION_LATE_CLOSE_MIN } from "../market/mod.ts";
import { readPiece, stagingDir, writePiece } from "./_staging.ts";
import { discoverContracts } from "./discover_contracts.ts";
import type { PartitionJob } from "./run_jobs.ts";
import type { SelectionRules } from "./select_contracts.ts";
import { cleanBars } from "./validate.ts";

/**
 * A job writing the day's selected contracts to `option_contracts`; each selected contract
 * that is not listed becomes a warning of the run's summary. With `merge`, the contracts
 * already in the partition are kept and the new selection's added (a forced rerun with a
 * wider selection extends the chain instead of dropping what was there).
 */
export function contractsJob(
  source: Source,
  root: string,
  underlying: string,
  date: string,
  rules: SelectionRules,
  merge = false,
): PartitionJob {
  const id = { dataset: "option_contracts" as const, value: underlying, date };
  return {
    id,
    async produce(signal) {
      const found = await discoverContracts(source, { root, underlying, date, rules, signal });
      let frame = contractsFrame(found.selected, source.name);
      if (merge) {
        const path = `${root}/${partitionFile(id)}`;
        const before = await Deno.stat(path).then(() => pl.readParquet(path), () => null);
        if (before !== null && before.height > 0) {
          const added = frame.filter(
            pl.col("ticker").isIn(before.getColumn("ticker")).not(),
          );
          frame = pl.concat([before.select(...frame.columns), added]).sort("ticker");
        }
      }
      return {
        frame,
        quarantine: [],
        warnings: found.missing.map((t) => `selected ${t} (open ${found.open}) is not listed`),
      };
    },
  };
}

/**
 * A job writing the minute bars of the day's selected contracts to `option_minute`. Each
 * contract's bars (and quarantined rows) are staged under `<root>/_staging/` as they
 * arrive, so a resumed run fetches only the contracts it had not finished.
 */
export function optionBarsJob(source: Source, root: string, underlying: string, date: string) {
  const id = { dataset: "option_minute" as const, value: underlying, date };
  const dir = stagingDir(root, id);
  const job: PartitionJob = {
    id,
    async produce(signal) {
      const contractsPath = `${root}/${
        partitionFile({ dataset: "option_contracts", value: underlying, date })
      }`;
      let tickers: string[];
      try {
        tickers = pl.readParquet(contractsPath).getColumn("ticker").toArray() as string[];
      } catch (cause) {
        throw new RangeError(
          `No option_contracts partition for ${underlying} on ${date}: run the contract selection first`,
          { cause },
        );
      }
      const s = sessionOf(date, `fetch ${underlying} options`);
      const frames: pl.DataFrame[] = [];
      const quarantine: QuarantinedRow[] = [];
      if (source.optionChainBars && tickers.length > 1) {
        // A whole chain at once: one call, one frame, no staging (the day is made in one go).
        const byTicker = await source.optionChainBars(underlying, date, tickers, { signal });
        const all: MinuteBar[] = [], names: string[] = [];
        for (const ticker of tickers) {
          // option trades print until 16:15 (13:15 on early closes)
          const clean = cleanBars(byTicker.get(ticker) ?? [], {
            startMs: s.openMs,
            endMs: s.closeMs + OPTION_LATE_CLOSE_MIN * 60_000,
          });
          for (const b of clean.bars) {
            all.push(b);
            names.push(ticker);
          }
          for (const q of clean.quarantine) {
            quarantine.push({ ...q, reason: `${ticker}: ${q.reason}` });
          }
        }
        const frame = barsFrame(all, source.name, "").withColumns(
          pl.Series("ticker", names, pl.Utf8),
        );
        return {
          frame: frame.sort(["ticker", "ts"]).select(
            ...Object.keys(DATASET_SCHEMAS.option_minute!),
          ),
          quarantine,
        };
      }
      const wireFields: Record<string, string> = {};
      const onWireFields = (f: Record<string, string>) => Object.assign(wireFields, f);
      for (const ticker of tickers) {
        let piece = await readPiece(dir, ticker);
        if (!piece) {
          const raw = await source.minuteBars(ticker, date, { signal, onWireFields });
          // option trades print until 16:15 (13:15 on early closes)
          const endMs = s.closeMs + OPTION_LATE_CLOSE_MIN * 60_000;
          const clean = cleanBars(raw, { startMs: s.openMs, endMs });
          piece = {
            frame: barsFrame(clean.bars, source.name, ticker),
            quarantine: clean.quarantine.map((q) => ({ ...q, reason: `${ticker}: ${q.reason}` })),
          };
          await writePiece(dir, ticker, piece);
        }
        frames.push(piece.frame);
        quarantine.push(...piece.quarantine);
      }
      const frame = frames.length > 0
        ? pl.concat(frames).sort(["ticker", "ts"])
        : barsFrame([], source.name, "").head(0);
      return {
        frame: frame.select(...Object.keys(DATASET_SCHEMAS.option_minute!)),
        quarantine,
        wireFields: Object.fromEntries(
          Object.entries(wireFields).sort(([a], [b]) => (a < b ? -1 : 1)),
        ),
        warnings: frame.height === 0 && tickers.length > 0
          ? [
            `zero bars for the ${tickers.length} selected contracts of ${underlying}; recorded as empty, --retry-empty fetches it again`,
          ]
          : [],
        cleanup: () => Deno.remove(dir, { recursive: true }).catch(() => {}),
      };
    },
  };
  return job;
}

/**
 * The two phases of an options backfill: contract selection, then option bars. `merge` adds
 * each day's selection to the contracts already stored (see {@linkcode contractsJob}).
 */
export function planOptions(
  source: Source,
  root: string,
  options:
    & { underlyings: readonly string[]; from: string; to: string; merge?: boolean }
    & SelectionRules,
): [PartitionJob[], PartitionJob[]] {
  const days = tradingDays(options.from, options.to);
  const contracts: PartitionJob[] = [], bars: PartitionJob[] = [];
  for (const date of days) {
    for (const u of options.underlyings) {
      contracts.push(contractsJob(source, root, u, date, options, options.merge));
      bars.push(optionBarsJob(source, root, u, date));
    }
  }
  return [contracts, bars];
}
