/**
 * The realism check behind `deno task sim-check`: the simulator's stylized facts, measured
 * by `lib/realism`, beside the same figures on real bars, as a text table and an HTML page.
 *
 * @module
 */
import {
  figurePasses,
  type RealismFigure,
  realismFigures,
  type RealismInput,
  type RealismSession,
} from "../../realism/mod.ts";
import { lineFigure, reportPage } from "../../report/mod.ts";
import { realRealismInput } from "./_real_sets.ts";
import { SIM_SPAN, simRealismInput } from "./_sim_inputs.ts";
import { simDailyBars } from "./sim_daily_bars.ts";

/** Options of {@linkcode simCheck}. */
export interface SimCheckOptions {
  /** The simulator's seed. */
  seed: number;
  /** First date of the simulated minutes measured. */
  from: string;
  /** Last date of the simulated minutes measured. */
  to: string;
  /** The shared real-data folder, or null to measure the simulator only. */
  realData: string | null;
}

/** One row of the check: a figure on the simulator and on real bars. */
export interface SimCheckRow {
  id: string;
  label: string;
  band: [number, number];
  sim: number;
  pass: boolean;
  /** NaN when the real bars lack what the figure needs. */
  real: number;
  source: string;
}

/** What {@linkcode simCheck} returns. */
export interface SimCheckResult {
  rows: SimCheckRow[];
  /** True when every simulated figure is inside its band. */
  passed: boolean;
  /** The table as monospaced text. */
  table: string;
  /** A self-contained HTML page with the table and figures. */
  html: string;
}

const fmt = (v: number) =>
  Number.isNaN(v) ? "n/a" : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(3);
const fmtBand = ([a, b]: [number, number]) =>
  a === -Infinity ? `≤ ${fmt(b)}` : b === Infinity ? `≥ ${fmt(a)}` : `[${fmt(a)}, ${fmt(b)}]`;

/** The check's rows as a text table. */
export function simCheckTable(rows: SimCheckRow[]): string {
  const head = ["figure", "band", "sim", "", "real"];
  const body = rows.map((
    r,
  ) => [r.label, fmtBand(r.band), fmt(r.sim), r.pass ? "pass" : "FAIL", fmt(r.real)]);
  const w = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) =>
    cells.map((x, c) => c === 0 ? x.padEnd(w[c]) : x.padStart(w[c])).join("  ");
  return [line(head), ...body.map(line)].join("\n");
}

/** Mean |1-minute return| at each minute of full sessions (the intraday U-shape). */
function absProfile(sessions: RealismSession[]): number[] {
  const sum = new Float64Array(390), n = new Float64Array(390);
  for (const s of sessions) {
    if (s.minutes !== 390) continue;
    let prev = s.bars[0]?.open ?? NaN;
    for (const b of s.bars) {
      const m = Math.round((b.ts - s.openMs) / 60_000);
      if (m >= 0 && m < 390 && prev > 0) (sum[m] += Math.abs(Math.log(b.close / prev)), n[m]++);
      prev = b.close;
    }
  }
  const raw = Array.from(sum, (v, m) => (n[m] > 0 ? v / n[m] : NaN));
  const mid = raw.slice(150, 240).filter(Number.isFinite);
  const scale = mid.reduce((a, b) => a + b, 0) / mid.length;
  // a 15-minute moving average so that eleven real sessions still show a shape
  return raw.map((_, m) => {
    const w = raw.slice(Math.max(0, m - 7), m + 8).filter(Number.isFinite);
    return w.reduce((a, b) => a + b, 0) / w.length / scale;
  });
}

function page(
  options: SimCheckOptions,
  rows: SimCheckRow[],
  sim: RealismInput,
  real: RealismInput | null,
) {
  const d = simDailyBars("SPY", SIM_SPAN.from, SIM_SPAN.to, { seed: options.seed });
  const simShape = absProfile(sim.sessions ?? []);
  const realShape = real ? absProfile(real.sessions ?? []) : simShape.map(() => NaN);
  const failed = rows.filter((r) => !r.pass).map((r) => r.label);
  return reportPage({
    title: "Simulator realism check",
    subtitle: failed.length === 0
      ? "Every simulated figure is inside its band."
      : `Outside their bands: ${failed.join("; ")}.`,
    metadata: {
      seed: options.seed,
      "simulated minutes": `${options.from}..${options.to} (SPY)`,
      "simulated daily": `${SIM_SPAN.from}..${SIM_SPAN.to} (SPY, VIX)`,
      real: options.realData === null
        ? "none"
        : "LEAN SPY daily 1998–2021; SPY minutes 2013-10-04..11 (LEAN) and 2019-02-11..15 (Alpha Vantage); VIX daily 2018–2019 (Alpha Vantage)",
    },
    sections: [
      {
        heading: "Figures",
        blocks: [
          {
            table: {
              figure: rows.map((r) => r.label),
              band: rows.map((r) => fmtBand(r.band)),
              simulated: rows.map((r) => fmt(r.sim)),
              pass: rows.map((r) => (r.pass ? "pass" : "FAIL")),
              real: rows.map((r) => fmt(r.real)),
              source: rows.map((r) => r.source),
            },
            maxRows: 100,
          },
          {
            text: "Real minute figures come from eleven sessions only (the real data at hand): " +
              "read them as a sanity check, not a calibration. The surface figures need a " +
              "25-delta quote the real files do not hold; their bands cite published levels.",
          },
        ],
      },
      {
        heading: "Intraday U-shape of |1-minute return| (relative to 12:00–13:30)",
        blocks: [{
          figure: lineFigure(
            { minute: simShape.map((_, m) => m), simulated: simShape, real: realShape },
            { x: "minute", y: ["simulated", "real"], xType: "linear", yTitle: "× midday" },
          ),
        }],
      },
      {
        heading: "Simulated VIX, 2015–2027",
        blocks: [{
          figure: lineFigure(
            { ts: d.date.map((x) => Date.parse(x)), vix: d.vix },
            { y: "vix", hideGaps: false, yTitle: "VIX" },
          ),
        }],
      },
    ],
  });
}

/**
 * Measures the simulator's stylized facts (SPY minutes of `from`..`to`; SPY and VIX daily
 * bars 2015–2027; the option surface) and the same figures on real bars from
 * `realData`, and returns them as rows, a text table and an HTML page.
 *
 * @throws {Error} When `realData` is given and its files cannot be read.
 */
export async function simCheck(options: SimCheckOptions): Promise<SimCheckResult> {
  const sim = simRealismInput(options.seed, options.from, options.to);
  const real = options.realData === null ? null : await realRealismInput(options.realData);
  const simFigures = realismFigures(sim);
  const realFigures: RealismFigure[] | null = real ? realismFigures(real) : null;
  const rows = simFigures.map((f, i) => ({
    id: f.id,
    label: f.label,
    band: f.band,
    sim: f.value,
    pass: figurePasses(f),
    real: realFigures ? realFigures[i].value : NaN,
    source: f.source,
  }));
  return {
    rows,
    passed: rows.every((r) => r.pass),
    table: simCheckTable(rows),
    html: page(options, rows, sim, real),
  };
}
