/**
 * Runs notebooks/ through the report task (real Jupyter, the Deno kernel) into
 * tests/artifacts/notebooks/, and checks the pages: the expected figures and tables, no
 * error output, nothing loaded from outside, and a Chromium render with the network off.
 */
import assert from "node:assert/strict";
import { externalReferences } from "@lib/report/mod.ts";
import { openPage } from "../_browser.ts";
import { reportTask, ROOT } from "../report/_runner.ts";

export const ARTIFACTS = `${ROOT}/tests/artifacts/notebooks`;

/** What a notebook's page must show. */
export interface Expected {
  /** Plotly figures drawn (one `Plotly.newPlot` each). */
  figures: number;
  /** Texts that must appear in figure titles (the figure divs' aria-label). */
  figureTitles: string[];
  /** Captions of tables (`show(table, { title })`), matched as prefixes. */
  tables: string[];
}

/** Runs `notebooks` (names without .ipynb) with `params`; returns each page's HTML. */
export async function runNotebooks(
  notebooks: string[],
  params: Record<string, string>,
): Promise<Map<string, string>> {
  await Deno.mkdir(ARTIFACTS, { recursive: true });
  const r = await reportTask([
    ...notebooks.map((n) => `${ROOT}/notebooks/${n}.ipynb`),
    ...Object.entries(params).flatMap(([k, v]) => ["--param", `${k}=${v}`]),
    "--out-dir",
    ARTIFACTS,
    "--timeout-s",
    "120",
  ]);
  assert.equal(r.code, 0, `report task failed:\n${r.stdout}\n${r.stderr}`);
  const pages = new Map<string, string>();
  for (const n of notebooks) {
    assert.match(r.stdout, new RegExp(`✓ notebooks/${n}\\.ipynb → `));
    pages.set(n, await Deno.readTextFile(`${ARTIFACTS}/${n}.html`));
  }
  return pages;
}

const unescape = (s: string) =>
  s.replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&#39;", "'");

/** The captions of a page's tables, in order. */
export function tableCaptions(html: string): string[] {
  return [...html.matchAll(/<p class="strikelab-table-title">([^<]*)</g)].map((m) =>
    unescape(m[1])
  );
}

/** Checks a page's figures, tables, parameters and self-containment. */
export function checkPage(
  name: string,
  html: string,
  expected: Expected,
  params: Record<string, string>,
) {
  assert.equal(
    html.match(/Plotly\.newPlot\(el/g)?.length ?? 0,
    expected.figures,
    `${name}: number of figures`,
  );
  // Figure JSON is compressed in pages; each figure div carries its title as aria-label.
  const labels = [...html.matchAll(/class="strikelab-figure" role="img" aria-label="([^"]*)"/g)]
    .map((m) => m[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))));
  for (const t of expected.figureTitles) {
    assert.ok(labels.some((l) => l.includes(t)), `${name}: no figure titled "${t}" in ${labels}`);
  }
  const captions = tableCaptions(html);
  for (const t of expected.tables) {
    assert.ok(
      captions.some((c) => c.startsWith(t)),
      `${name}: no table "${t}" in ${captions.join(" | ")}`,
    );
  }
  assert.doesNotMatch(
    html,
    /data-mime-type="application\/vnd\.jupyter\.stderr"/,
    `${name}: stderr output`,
  );
  assert.doesNotMatch(html, /<td[^>]*>\s*NaN\s*<\/td>/, `${name}: a table shows NaN`);
  assert.equal(html.match(/data-strikelab-plotly=/g)?.length, 1, `${name}: plotly.js inlined once`);
  assert.deepEqual(externalReferences(html), [], `${name}: outside references`);
  for (const [k, v] of Object.entries(params)) {
    assert.match(
      html,
      new RegExp(
        `<td><code>${k}</code></td>\\s*<td><code>${
          v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        }</code></td>`,
      ),
      `${name}: parameter ${k} not listed`,
    );
  }
}

/** Opens a page in headless Chromium (network off), waits for every chart, saves a screenshot. */
export async function checkRendered(name: string, figures: number) {
  // A chart counts as drawn when its traces have non-empty paths (lines, bars, candles,
  // markers) or a heatmap image: an empty or failed chart has axes but no such marks.
  const page = await openPage(new URL(`file://${ARTIFACTS}/${name}.html`), {
    waitFor: `document.querySelectorAll('.js-plotly-plot').length === ${figures} && ` +
      "[...document.querySelectorAll('.js-plotly-plot')].every((d) => d.querySelector('.main-svg'))",
    evaluate: "[...document.querySelectorAll('.js-plotly-plot')].map((d) => " +
      "[...d.querySelectorAll('.trace path')].filter((p) => (p.getAttribute('d') ?? '').length > 1)" +
      ".length + d.querySelectorAll('.hm image').length)",
    screenshot: `${ARTIFACTS}/${name}.png`,
    timeoutMs: 90_000,
  });
  assert.deepEqual(page.errors, [], `${name}: page errors`);
  assert.deepEqual(page.blockedRequests, [], `${name}: requests leaving the page`);
  assert.equal(page.ready, true, `${name}: charts did not render in time`);
  const marks = page.value as number[];
  assert.equal(marks.length, figures);
  marks.forEach((n, i) => assert.ok(n > 0, `${name}: chart ${i + 1} drew nothing`));
}
