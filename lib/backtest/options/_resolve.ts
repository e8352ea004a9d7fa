// Options of runOptionStrategy checked and resolved to values (defaults live here once).
import { structureSpec } from "./structures.ts";
import type { OptionStrategyOptions, ResolvedOptions, Sizing } from "./types.ts";

const fail = (msg: string) => new RangeError(`Cannot run the option strategy: ${msg}`);

/** `HH:MM` → New York minute of the day; NaN for undefined. */
export function parseClock(what: string, hhmm: string | undefined): number {
  if (hhmm === undefined) return NaN;
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (m === null || +m[1] > 23 || +m[2] > 59) {
    throw fail(`${what} must be a New York time HH:MM such as "10:00", got "${hhmm}"`);
  }
  return +m[1] * 60 + +m[2];
}

const nonNeg = (what: string, x: number) => {
  if (!(x >= 0)) throw fail(`${what} must be >= 0, got ${x}`);
  return x;
};

function checkSize(size: Sizing): Sizing {
  const [[k, v]] = Object.entries(size) as [string, number][];
  if (Object.keys(size).length !== 1 || !(v > 0)) {
    throw fail(
      `size must be one of { contracts }, { equityFraction }, { maxRisk }, { riskFraction } ` +
        `with a value > 0, got ${JSON.stringify(size)}`,
    );
  }
  if (k === "contracts" && !Number.isInteger(v)) {
    throw fail(`size.contracts must be a whole number, got ${v}`);
  }
  return size;
}

/** Checks `o` and fills in every default. */
export function resolveOptions(o: OptionStrategyOptions): ResolvedOptions {
  const spec = structureSpec(o.structure);
  const sel = [o.delta ?? o.shortDelta, o.moneyness, o.strikes].filter((x) => x !== undefined);
  if (sel.length > 1) throw fail("give one of delta (shortDelta), moneyness or strikes");
  const d = o.delta ?? o.shortDelta;
  if (d !== undefined && !(d > 0 && d < 1)) throw fail(`delta must be in (0, 1), got ${d}`);
  const strikeRule = d !== undefined
    ? { delta: d }
    : o.moneyness !== undefined
    ? { moneyness: o.moneyness }
    : o.strikes !== undefined
    ? { strikes: o.strikes }
    : { delta: spec.defaultDelta };
  const e = o.entry ?? {};
  const time = parseClock("entry.time", e.time);
  if ((time === time) === (e.events !== undefined)) {
    throw fail("entry needs exactly one of time (HH:MM) or events (instants of scanner events)");
  }
  const x = o.exit ?? {};
  const s = o.slippage ?? {};
  const maxOpen = o.maxOpen ?? 1;
  if (!(Number.isInteger(maxOpen) && maxOpen >= 1)) {
    throw fail(`maxOpen must be a whole number >= 1, got ${maxOpen}`);
  }
  if (o.naked !== undefined && o.naked !== "refuse" && o.naked !== "margin") {
    throw fail(`naked must be "refuse" or "margin", got "${o.naked}"`);
  }
  return {
    structure: o.structure,
    dte: nonNeg("dte", o.dte ?? 0),
    dteTolerance: nonNeg("dteTolerance", o.dteTolerance ?? 0),
    farDte: nonNeg("farDte", o.farDte ?? 30),
    wingWidth: nonNeg("wingWidth", o.wingWidth ?? 5),
    strikeRule,
    entry: {
      time,
      events: e.events === undefined ? null : Float64Array.from(e.events).sort(),
      windowMin: nonNeg("entry.windowMin", e.windowMin ?? 5),
      ivRankMin: e.ivRankMin ?? -Infinity,
      ivRankMax: e.ivRankMax ?? Infinity,
      ivPercentileMin: e.ivPercentileMin ?? -Infinity,
      ivPercentileMax: e.ivPercentileMax ?? Infinity,
      ivLookbackDays: nonNeg("entry.ivLookbackDays", e.ivLookbackDays ?? 20),
      vixMin: e.vixMin ?? -Infinity,
      vixMax: e.vixMax ?? Infinity,
    },
    exit: {
      profitTarget: nonNeg("exit.profitTarget", x.profitTarget ?? 0),
      stopLoss: nonNeg("exit.stopLoss", x.stopLoss ?? 0),
      time: parseClock("exit.time", x.time),
      dte: x.dte ?? -1,
      holdMin: nonNeg("exit.holdMin", x.holdMin ?? 0),
    },
    size: checkSize(o.size ?? { contracts: 1 }),
    maxOpen,
    naked: o.naked ?? "refuse",
    slippage: {
      bps: nonNeg("slippage.bps", s.bps ?? 0),
      rangeFraction: nonNeg("slippage.rangeFraction", s.rangeFraction ?? 0),
      volumeFraction: nonNeg("slippage.volumeFraction", s.volumeFraction ?? Infinity),
    },
    feePerContract: nonNeg("feePerContract", o.feePerContract ?? 0.65),
    feePerOrder: nonNeg("feePerOrder", o.feePerOrder ?? 0),
    feePerShare: nonNeg("feePerShare", o.feePerShare ?? 0),
    initCash: nonNeg("initCash", o.initCash ?? 100_000),
    records: o.records ?? true,
  };
}
