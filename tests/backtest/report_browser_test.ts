// The backtest report of a real task run opens offline in Chromium with every chart drawn.
import assert from "node:assert/strict";
import { openPage } from "../_browser.ts";
import { REPO, runDir, task } from "./_task.ts";

Deno.test("the backtest report draws every chart offline without page errors", async () => {
  const dir = await Deno.makeTempDir({ prefix: "backtest_report_" });
  try {
    const range = ["--from", "2024-01-02", "--to", "2024-02-29"];
    const fill = await task("backfill", dir, ...range, "--symbols", "SPY");
    assert.equal(fill.code, 0, fill.stderr);
    const run = await task(
      "backtest",
      dir,
      "--strategy",
      "sma_cross",
      ...range,
      "--grid",
      "fast=5:25:5,slow=30:120:30",
      "--walk-forward",
      "7800:3900",
      "--stress",
      "--fees",
      "0.0005",
      "--workers",
      "0",
    );
    assert.equal(run.code, 0, run.stderr);
    const html = `${runDir(run.stdout)}/report.html`;
    // equity + monthly, trade returns, sweep heatmap, walk-forward equity.
    const figures = 5;
    const page = await openPage(new URL(`file://${html}`), {
      waitFor: `document.readyState === "complete" && ` +
        `document.querySelectorAll(".strikelab-figure").length === ${figures} && ` +
        `[...document.querySelectorAll(".strikelab-figure")].every((d) => d.querySelector(".main-svg"))`,
      evaluate: `({
        figures: [...document.querySelectorAll(".strikelab-figure")].map((d) => d.querySelectorAll(".main-svg").length),
        headings: [...document.querySelectorAll("h2")].map((h) => h.textContent),
        heatmapCells: document.querySelectorAll(".heatmaplayer image, .hm image").length,
        equityPoints: document.querySelector("#fig-1 .scatterlayer path.js-line")?.getAttribute("d")?.length ?? 0,
      })`,
      screenshot: `${REPO}tests/artifacts/backtest_report.png`,
    });
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.blockedRequests, []);
    assert.equal(page.ready, true, "charts did not render in time");
    const v = page.value as {
      figures: number[];
      headings: string[];
      heatmapCells: number;
      equityPoints: number;
    };
    for (const svgs of v.figures) assert.ok(svgs >= 1);
    assert.deepEqual(v.headings, [
      "Summary",
      "Equity",
      "Trades",
      "Parameter sweep",
      "Walk-forward",
      "Stress test",
    ]);
    assert.ok(v.heatmapCells >= 2, "the monthly and sweep heatmaps draw their images");
    assert.ok(v.equityPoints > 1000, "the equity line has a path");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
