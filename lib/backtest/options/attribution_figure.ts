// A stacked chart of P&L attribution: per trade, or per New York day for the portfolio.
import pl from "nodejs-polars";
import { nyDate } from "../../calendar/mod.ts";
import { barFigure, type Figure } from "../../report/mod.ts";
import { ATTRIBUTION } from "./_position.ts";
import type { OptionStrategyResult } from "./run_option_strategy.ts";

/** Options of {@linkcode attributionFigure}. */
export interface AttributionFigureOptions {
  /** `trade`: one bar per trade; `day`: the portfolio's attribution per New York day. @default "day" */
  by?: "trade" | "day";
  /** @default "P&L attribution" */
  title?: string;
}

/**
 * Stacked bars (positive up, negative down) of the delta, gamma, theta, vega, residual and
 * costs P&L, dollars, with the total P&L as a line: per trade (`trades` frame, x = trade id
 * and entry time) or per day (`equity` frame, summed by New York date). The parts of each
 * bar sum to its total (see `runOptionStrategy`).
 */
export function attributionFigure(
  result: Pick<OptionStrategyResult, "trades" | "equity">,
  options: AttributionFigureOptions = {},
): Figure {
  const { by = "day", title = "P&L attribution" } = options;
  let x: string[], parts: Record<string, number[]>;
  if (by === "trade") {
    const t = result.trades;
    x = (t.getColumn("entry_ny").toArray() as string[]).map((e, i) =>
      `#${t.getColumn("trade_id").get(i)} ${e}`
    );
    parts = Object.fromEntries(
      ATTRIBUTION.map((a) => [a, t.getColumn(`${a}_pnl`).toArray() as number[]]),
    );
  } else {
    const e = result.equity;
    const days = (e.getColumn("ts").cast(pl.Int64).toArray() as Array<number | bigint>)
      .map((v) => nyDate(Number(v)));
    x = [...new Set(days)];
    const at = new Map(x.map((d, i) => [d, i]));
    parts = {};
    for (const a of ATTRIBUTION) {
      const v = e.getColumn(a).toArray() as number[], sum = x.map(() => 0);
      v.forEach((y, i) => (sum[at.get(days[i])!] += y));
      parts[a] = sum;
    }
  }
  const fig = barFigure({ x, y: parts }, { title, barmode: "relative", yTitle: "$" });
  const total = x.map((_, i) => ATTRIBUTION.reduce((s, a) => s + parts[a][i], 0));
  fig.data.push({ type: "scatter", mode: "lines+markers", name: "total", x, y: total });
  return fig;
}
