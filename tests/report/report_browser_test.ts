import assert from "node:assert/strict";
import {
  candlestickFigure,
  equityDrawdownFigure,
  ivSurfaceFigure,
  monthlyReturnsFigure,
  reportPage,
} from "../../lib/report/mod.ts";
import { openPage } from "../_browser.ts";
import { FIXTURES, reportTask, ROOT } from "./_runner.ts";

const ARTIFACTS = `${ROOT}/tests/artifacts`;
/** Report pages stay under 1.5 MB, plotly.js (compressed) included. */
const MAX_PAGE_BYTES = 1_500_000;

function demoPage(): string {
  const t0 = Date.UTC(2025, 2, 3, 14, 30);
  const ts = Array.from(
    { length: 780 },
    (_, i) => t0 + (i % 390) * 60_000 + Math.floor(i / 390) * 86_400_000,
  );
  const close = ts.map((_, i) => 600 + 3 * Math.sin(i / 40) + i * 0.004);
  const bars = {
    ts,
    open: close.map((c, i) => (i === 0 ? c : close[i - 1])),
    high: close.map((c) => c + 0.3),
    low: close.map((c) => c - 0.3),
    close,
    volume: close.map((_, i) => 2000 + (i % 13) * 90),
  };
  const days = Array.from({ length: 300 }, (_, i) => Date.UTC(2024, 0, 2, 21) + i * 86_400_000);
  const equity = days.map((_, i) => 100_000 * (1 + 0.0004 * i + 0.03 * Math.sin(i / 17)));
  const strikes = [580, 590, 600, 610, 620];
  const expiries = ["2025-03-21", "2025-04-17", "2025-05-16"];
  const chain = {
    strike: expiries.flatMap(() => strikes),
    expiry: expiries.flatMap((e) => strikes.map(() => e)),
    iv: expiries.flatMap((_, j) => strikes.map((k) => 0.18 + ((k - 600) / 100) ** 2 + 0.01 * j)),
  };
  return reportPage({
    title: "Browser test report",
    metadata: { run: "test", seed: 7 },
    sections: [
      {
        heading: "Price",
        blocks: [{ figure: candlestickFigure(bars, { title: "SPY, two sessions" }) }],
      },
      {
        heading: "Equity",
        blocks: [{ figure: equityDrawdownFigure({ ts: days, equity }) }, {
          figure: monthlyReturnsFigure({ ts: days, equity }),
        }],
      },
      {
        heading: "Volatility",
        blocks: [{ figure: ivSurfaceFigure(chain) }, { table: chain, maxRows: 6 }],
      },
    ],
  });
}

Deno.test("a reportPage opens offline in Chromium with every chart drawn and no page errors", async () => {
  const dir = await Deno.makeTempDir({ prefix: "page-" });
  try {
    const html = demoPage();
    const bytes = new TextEncoder().encode(html).length;
    assert.ok(bytes < MAX_PAGE_BYTES, `page is ${bytes} bytes`);
    await Deno.writeTextFile(`${dir}/page.html`, html);
    const page = await openPage(new URL(`file://${dir}/page.html`), {
      waitFor: "document.querySelectorAll('.js-plotly-plot').length === 4 && " +
        "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4 && " +
        "document.querySelector('.gl-container canvas') !== null",
      evaluate: "[...document.querySelectorAll('.js-plotly-plot')].map((d) => " +
        "d.querySelectorAll('.main-svg').length)",
      screenshot: `${ARTIFACTS}/report_page.png`,
      // Chromium's start and plotly.js's decoding (LZMA in page JavaScript) take many
      // times longer when the 2 cores are shared by other jobs.
      timeoutMs: 150_000,
    });
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.blockedRequests, []);
    assert.equal(page.ready, true, "charts did not render in time");
    for (const svgs of page.value as number[]) assert.ok(svgs >= 1);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a notebook report opens offline in Chromium with all its charts drawn", async () => {
  const r = await reportTask([`${FIXTURES}/displays.ipynb`, "--out-dir", ARTIFACTS]);
  assert.equal(r.code, 0, r.stderr);
  const { size } = await Deno.stat(`${ARTIFACTS}/displays.html`);
  assert.ok(size < MAX_PAGE_BYTES, `page is ${size} bytes`);
  const page = await openPage(new URL(`file://${ARTIFACTS}/displays.html`), {
    waitFor: "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 6 && " +
      "document.querySelectorAll('.js-plotly-plot').length === 6",
    evaluate: "document.querySelectorAll('.js-plotly-plot').length",
    screenshot: `${ARTIFACTS}/notebook_report.png`,
    timeoutMs: 150_000,
  });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.blockedRequests, []);
  assert.equal(page.ready, true, "charts did not render in time");
  assert.equal(page.value, 6);
});
