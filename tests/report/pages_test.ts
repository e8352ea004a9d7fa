import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  barFigure,
  createDisplay,
  ensurePlotlyOnce,
  externalReferences,
  figureHtml,
  JUPYTER_DISPLAY,
  PLOTLY_VERSION,
  reportPage,
  tableHtml,
} from "../../lib/report/mod.ts";

const fig = (n: number) => barFigure({ x: ["a", "b"], y: [n, n + 1] }, { title: `chart ${n}` });
const copies = (html: string) => html.match(/<script data-strikelab-plotly=/g)?.length ?? 0;

Deno.test("reportPage() inlines plotly.js exactly once however many figures it has", () => {
  const html = reportPage({
    title: "Many",
    sections: [{ blocks: Array.from({ length: 12 }, (_, i) => ({ figure: fig(i) })) }],
  });
  assert.equal(copies(html), 1);
  assert.equal(html.match(/class="strikelab-figure"/g)?.length, 12);
  assert.ok(
    html.indexOf("data-strikelab-plotly") < html.indexOf('id="fig-1"'),
    "library before first figure",
  );
  assert.match(html, new RegExp(`plotly\\.js ${PLOTLY_VERSION.replaceAll(".", "\\.")}, inlined`));
});

Deno.test("reportPage() is self-contained: no src or href leaves the file", () => {
  const html = reportPage({
    title: "Offline",
    metadata: { command: "deno task backtest", seed: 1 },
    sections: [{
      heading: "A",
      blocks: [{ figure: fig(1) }, { table: { a: [1, 2] } }, { text: "x" }],
    }],
  });
  assert.deepEqual(externalReferences(html), []);
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
  assert.doesNotMatch(markup, /(src|href)\s*=\s*["']?(https?:|file:|\/\/)/i);
});

Deno.test("reportPage() gives the same bytes for the same input", () => {
  const spec = () => ({
    title: "Same",
    metadata: { run: "r1", generated: "2025-03-03T21:00:00Z" },
    sections: [{
      heading: "S",
      blocks: [{ figure: fig(2), caption: "c" }, { table: { k: [1.23456789] } }],
    }],
  });
  const a = reportPage(spec()), b = reportPage(spec());
  assert.equal(a, b);
  assert.equal(
    new TextEncoder().encode(a).length,
    new TextEncoder().encode(b).length,
  );
});

Deno.test("reportPage() escapes text and metadata, and omits plotly.js without figures", () => {
  const html = reportPage({
    title: "<T>",
    metadata: { "a&b": "<script>x</script>" },
    sections: [{ blocks: [{ text: "1 < 2\n\nsecond" }] }],
  });
  assert.ok(html.includes("<title>&#60;T&#62;</title>"));
  assert.ok(html.includes("<th>a&#38;b</th><td>&#60;script&#62;x&#60;/script&#62;</td>"));
  assert.ok(html.includes("<p>1 &#60; 2</p><p>second</p>"));
  assert.equal(copies(html), 0);
  assert.throws(
    () => reportPage({ title: " ", sections: [] }),
    new TypeError("Cannot build report page: title is empty"),
  );
});

Deno.test("figureHtml() embeds figure JSON that cannot close its script element", () => {
  const html = figureHtml(barFigure({ x: ["</script><b>"], y: [1] }), { id: "f1" });
  assert.ok(!html.includes("</script><b>"));
  assert.ok(html.includes("\\u003c/script\\u003e\\u003cb\\u003e"));
  assert.throws(() => figureHtml(fig(1), { id: "1 bad" }), TypeError);
});

Deno.test("ensurePlotlyOnce() keeps the first of several copies and adds one when missing", () => {
  const twoCopies =
    `<html><head></head><body>${createDisplay().figure(fig(1))[JUPYTER_DISPLAY]()["text/html"]}` +
    `${createDisplay().figure(fig(2))[JUPYTER_DISPLAY]()["text/html"]}</body></html>`;
  assert.equal(copies(twoCopies), 2);
  const fixed = ensurePlotlyOnce(twoCopies);
  assert.equal(fixed.copiesFound, 2);
  assert.equal(copies(fixed.html), 1);
  const none = `<html><head></head><body>${figureHtml(fig(1), { id: "x" })}</body></html>`;
  const added = ensurePlotlyOnce(none);
  assert.equal(copies(added.html), 1);
  assert.ok(added.html.indexOf("data-strikelab-plotly") < added.html.indexOf('<div id="x"'));
  assert.equal(ensurePlotlyOnce("<p>no figures</p>").html, "<p>no figures</p>");
});

Deno.test("externalReferences() finds Debian's file:// scripts and CDN links but not anchors or data URLs", () => {
  const html = `<script src="file:///usr/share/javascript/requirejs/require.min.js"></script>
<link rel="stylesheet" href="https://cdn.example/x.css"><a href="#s1">s</a><img src="data:image/png;base64,AA">
<style>@import "other.css"; .a{background:url(//cdn.example/i.png)}</style>
<script>var u = "https://not-a-load.example";</script><img src='local.png'>`;
  assert.deepEqual(externalReferences(html), [
    "file:///usr/share/javascript/requirejs/require.min.js",
    "https://cdn.example/x.css",
    "local.png",
    "other.css",
    "//cdn.example/i.png",
  ]);
});

Deno.test("createDisplay() sends plotly.js with the first figure only and numbers ids in order", () => {
  const d = createDisplay({ idPrefix: "nb" });
  const a = d.figure(fig(1)), b = d.figure(fig(2));
  const first = a[JUPYTER_DISPLAY](), second = b[JUPYTER_DISPLAY]();
  assert.equal(copies(first["text/html"] as string), 1);
  assert.equal(copies(second["text/html"] as string), 0);
  assert.match(first["text/html"] as string, /<div id="nb-1"/);
  assert.match(second["text/html"] as string, /<div id="nb-2"/);
  assert.deepEqual(Object.keys(first), [
    "text/html",
    "application/vnd.plotly.v1+json",
    "text/plain",
  ]);
  assert.equal(first["text/plain"], 'Plotly figure "chart 1": 1 trace(s) (bar)');
});

Deno.test("tableHtml() numeric ts columns in 2000–2100 show New York time, others stay numbers", () => {
  const t0 = Date.UTC(2025, 6, 1, 13, 30); // 09:30 EDT
  const html = tableHtml({ ts: [t0, null], exit_ts: [t0 + 60_000, t0], id: [t0, 1] });
  assert.ok(html.includes('<th class="dtype">number → New York</th>'), html);
  assert.ok(html.includes("<td>2025-07-01 09:30:00</td><td>2025-07-01 09:31:00</td>"));
  assert.ok(html.includes("<td>null</td><td>2025-07-01 09:30:00</td><td>1</td>"));
  const small = tableHtml({ ts: [1, 2] });
  assert.ok(!small.includes("New York") && small.includes("<td>1</td>"));
});

Deno.test("tableHtml() states shape, Polars dtypes and which rows were cut", () => {
  const df = pl.DataFrame([
    pl.Series(
      "ts",
      Array.from({ length: 60 }, (_, i) => Date.UTC(2025, 2, 3, 14, 30 + i)),
      pl.Datetime("ms"),
    ),
    pl.Series("n", Array.from({ length: 60 }, (_, i) => i), pl.Int64),
    pl.Series(
      "iv",
      Array.from({ length: 60 }, (_, i) => (i === 1 ? null : 0.123456789)),
      pl.Float64,
    ),
  ]);
  const html = tableHtml(df, { maxRows: 4 });
  assert.ok(html.includes("60 rows × 3 columns · showing rows 1–2 and 59–60 of 60"));
  assert.ok(
    html.includes(
      '<th class="dtype">Datetime(ms) → New York</th><th class="dtype">Int64</th><th class="dtype">Float64</th>',
    ),
  );
  // Times in New York wall-clock time (14:30 UTC is 09:30 EST on 2025-03-03).
  assert.ok(html.includes("<td>2025-03-03 09:30:00</td><td>0</td><td>0.123457</td>"));
  assert.ok(html.includes("<td>null</td>"));
  assert.ok(html.includes('<tr class="cut"><td colspan="3">…</td></tr>'));
  assert.ok(html.includes("<td>59</td>"));
  const d = createDisplay().table(df, { maxRows: 4 })[JUPYTER_DISPLAY]();
  assert.match(
    d["text/plain"] as string,
    /^60 rows × 3 columns · showing rows 1–2 and 59–60 of 60\n/,
  );
});
