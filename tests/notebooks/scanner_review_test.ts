/**
 * 04_scanner and 05_research_review run through real Jupyter on a fresh data folder and
 * render offline; then the review is pointed at a tampered lake (it must say so) and at a
 * `deno task scan` record (its scan re-run must reproduce every output).
 */
import assert from "node:assert/strict";
import { latestRunRecord } from "@lib/run/mod.ts";
import { ROOT, run } from "../report/_runner.ts";
import {
  checkPage,
  checkRendered,
  type Expected,
  runNotebooks,
  tableCaptions,
} from "./_notebooks.ts";

const EXPECTED: Record<string, Expected> = {
  "04_scanner": {
    figures: 6,
    figureTitles: [
      "Events by trigger hour (New York)",
      "Event duration",
      "Events per trading day",
      "Peak move against duration",
      "Events by moneyness at the trigger",
    ],
    tables: [
      "Scanned data, SPY options 2025-03-03 .. 2025-03-04",
      " events: up moves of 20% from the open (high_low)",
      "Events by days to expiry",
      "Events, largest peak move first",
    ],
  },
  "05_research_review": {
    figures: 1,
    figureTitles: [": outputs per dataset"],
    tables: [
      "Run record",
      "10 of 10 recorded files match on disk",
      "10 of 10 outputs reproduce (re-simulated with seed 42",
      "Summary figures, recorded and reproduced",
      "Verdict",
    ],
  },
};

const verdict = (html: string) => /<td>verdict<\/td><td>([A-Z ]+)<\/td>/.exec(html)?.[1];

Deno.test("notebooks 04-05 run through Jupyter, render offline, and the review catches tampering", async (t) => {
  const dataDir = await Deno.makeTempDir({ prefix: "nb-b-" });
  const params = { DATA_DIR: dataDir, FROM: "2025-03-03", TO: "2025-03-04" };
  try {
    const pages = await runNotebooks(Object.keys(EXPECTED), params);
    for (const [name, expected] of Object.entries(EXPECTED)) {
      await t.step(`${name} shows its figures and tables`, () => {
        // the scanner's events table caption starts with the event count
        const exp = name === "04_scanner"
          ? { ...expected, tables: expected.tables.filter((c) => !c.startsWith(" events")) }
          : expected;
        checkPage(name, pages.get(name)!, exp, params);
      });
    }
    await t.step("the scanner summary names the scan it ran", () => {
      assert.ok(
        tableCaptions(pages.get("04_scanner")!).some((c) =>
          /^\d+ events: up moves of 20% from the open \(high_low\)$/.test(c)
        ),
      );
    });
    await t.step("the review of the untouched backfill says REPRODUCED", () => {
      assert.equal(verdict(pages.get("05_research_review")!), "REPRODUCED");
    });
    for (const [name, expected] of Object.entries(EXPECTED)) {
      await t.step(`${name} renders in Chromium with every chart drawn`, async () => {
        await checkRendered(name, expected.figures);
      });
    }

    const backfill = (await latestRunRecord(dataDir, { tasks: ["backfill"] }))!.record;
    await t.step(
      "the review flags a partition changed on disk but still reproduces it",
      async () => {
        const file = `${dataDir}/lake/equity_minute/symbol=SPY/date=2025-03-04/part-0.parquet`;
        const bytes = await Deno.readFile(file);
        const original = bytes.slice();
        bytes[bytes.length - 40] ^= 0x01;
        await Deno.writeFile(file, bytes);
        try {
          const html = (await runNotebooks(["05_research_review"], {
            DATA_DIR: dataDir,
            RUN_ID: backfill.runId,
          })).get("05_research_review")!;
          const captions = tableCaptions(html);
          assert.ok(
            captions.includes("9 of 10 recorded files match on disk"),
            captions.join(" | "),
          );
          assert.ok(captions.some((c) => c.startsWith("10 of 10 outputs reproduce")));
          assert.equal(verdict(html), "NOT REPRODUCED");
        } finally {
          await Deno.writeFile(file, original);
        }
      },
    );

    await t.step("the review re-runs a `deno task scan` record and reproduces it", async () => {
      const scan = await run(Deno.execPath(), [
        "run",
        "-A",
        `${ROOT}/tasks/scan.ts`,
        "--from",
        "2025-03-03",
        "--to",
        "2025-03-04",
      ], { STRIKELAB_DATA_DIR: dataDir });
      assert.equal(scan.code, 0, scan.stderr);
      const record = (await latestRunRecord(dataDir, { tasks: ["scan"] }))!.record;
      const html = (await runNotebooks(["05_research_review"], {
        DATA_DIR: dataDir,
        RUN_ID: record.runId,
      })).get("05_research_review")!;
      const captions = tableCaptions(html);
      const n = record.outputs.length, inputs = record.inputs.length;
      assert.ok(captions.includes(`${n + inputs} of ${n + inputs} recorded files match on disk`));
      assert.ok(
        captions.some((c) => c.startsWith(`${n} of ${n} outputs reproduce (scan re-run`)),
        captions.join(" | "),
      );
      assert.equal(verdict(html), "REPRODUCED");
    });
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
