/**
 * The steps of `deno task demo` that are not other tasks' runners: the lake overview page
 * and the index page linking every report.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { Config } from "../lib/config/mod.ts";
import { lakeSummary, lakeSummaryFrame, scanLake, writeFileAtomic } from "../lib/lake/mod.ts";
import { lakeOverviewPage, reportPage } from "../lib/report/mod.ts";

/** One report linked from the index. */
export interface DemoReport {
  /** File name inside the reports folder. */
  file: string;
  title: string;
  /** One line of what it shows. */
  note: string;
}

/** Writes `reports/<file>` with the lake overview for the last day of the range. */
export async function writeLakeOverview(config: Config, reportsDir: string, to: string) {
  const root = `${config.data.dir}/lake`;
  const underlying = config.options.underlyings[0];
  const day = async (dataset: "equity_minute" | "index_minute" | "option_minute", v: string) => {
    const lf = await scanLake(root, dataset, { values: [v], from: to, to }).catch(() => null);
    return lf === null ? undefined : (await lf.collect()).sort("ts");
  };
  const html = lakeOverviewPage({
    title: "The lake",
    metadata: { lake: root, day: to },
    datasets: lakeSummaryFrame(await lakeSummary(root)),
    date: to,
    underlying: (await day("equity_minute", underlying))!,
    vix: await day("index_minute", "I:VIX"),
    options: await day("option_minute", underlying),
  });
  await writeFileAtomic(`${reportsDir}/lake.html`, html);
  return {
    file: "lake.html",
    title: "The lake",
    note: "datasets, one day of SPY, VIX and options",
  };
}

/** Copies a run's report into the reports folder. */
export async function copyReport(from: string, reportsDir: string, report: DemoReport) {
  await writeFileAtomic(`${reportsDir}/${report.file}`, await Deno.readFile(from));
  return report;
}

/** Writes `reports/index.html`: a table of the reports and the demo's key figures. */
export async function writeIndex(
  reportsDir: string,
  reports: DemoReport[],
  figures: Record<string, string | number>,
  metadata: Record<string, string | number | boolean>,
) {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const rows = reports.map((r) =>
    `<tr><td><a href="${encodeURI(r.file)}">${esc(r.title)}</a></td><td>${esc(r.note)}</td></tr>`
  ).join("");
  const html = reportPage({
    title: "strikelab demo",
    subtitle: "The whole pipeline on the built-in simulator: no API key, no network.",
    metadata,
    sections: [
      {
        heading: "Reports",
        blocks: [{ html: `<table><tr><th>report</th><th>what</th></tr>${rows}</table>` }],
      },
      {
        heading: "Key figures",
        blocks: [{
          table: pl.DataFrame({
            figure: Object.keys(figures),
            value: Object.values(figures).map(String),
          }),
          maxRows: 100,
        }],
      },
    ],
  });
  const path = `${reportsDir}/index.html`;
  await writeFileAtomic(path, html);
  return path;
}
