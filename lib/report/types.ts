/**
 * Shared types of `lib/report`.
 *
 * @module
 */
import type { Config, Data, Layout } from "plotly.js-dist-min";

/**
 * A plain Plotly figure: exactly what `Plotly.newPlot(div, data, layout, config)` takes,
 * and what the `application/vnd.plotly.v1+json` MIME type holds. Builders return new
 * objects; nothing in them is shared or mutated later.
 */
export interface Figure {
  /** Traces, drawn in order. */
  data: Data[];
  /** Layout (titles, axes, subplots). */
  layout: Partial<Layout>;
  /** Plot config (mode bar, responsiveness). */
  config?: Partial<Config>;
}

/**
 * Column-oriented input accepted by the builders: a nodejs-polars `DataFrame`, or a plain
 * object of equal-length arrays (`{ ts: [...], close: [...] }`, typed arrays allowed).
 * Time columns hold UTC epoch milliseconds or `Date`s (Polars `Datetime("ms")`).
 */
export type Columns = FrameLike | Record<string, ArrayLike<unknown>>;

/** The part of a nodejs-polars `DataFrame` that `lib/report` reads (duck-typed). */
export interface FrameLike {
  /** Column names in order. */
  readonly columns: string[];
  /** Number of rows. */
  readonly height: number;
  /** Column by name; `toArray()` gives its values, `dtype` its Polars type. */
  getColumn(name: string): { toArray(): unknown[]; dtype: unknown };
}
