/** Every indicator configuration the cross-cutting tests (sessions, nulls, causality) run. */
import type pl from "nodejs-polars";
import {
  bollinger,
  macd,
  priceChange,
  roc,
  rsi,
  type SeriesOptions,
} from "../../lib/indicators/mod.ts";

export interface Case {
  label: string;
  build: (input: string, series: SeriesOptions) => pl.Expr[];
}

export const CASES: Case[] = [
  { label: "rsi sma", build: (x, s) => [rsi(x, s)] },
  { label: "rsi first", build: (x, s) => [rsi(x, { ...s, seed: "first" })] },
  { label: "macd first", build: (x, s) => macd(x, s) },
  { label: "macd first keep", build: (x, s) => macd(x, { ...s, warmUp: "keep" }) },
  { label: "macd sma", build: (x, s) => macd(x, { ...s, seed: "sma" }) },
  { label: "bollinger pop", build: (x, s) => bollinger(x, s) },
  { label: "bollinger sample", build: (x, s) => bollinger(x, { ...s, ddof: 1 }) },
  { label: "roc", build: (x, s) => roc(x, s) },
  { label: "priceChange", build: (x, s) => priceChange(x, s) },
];
