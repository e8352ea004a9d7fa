/**
 * `deno task fake-flatfiles`: serve the simulator's days as Polygon flat files over the S3
 * API (s3rver) on 127.0.0.1, with switchable faults, until Ctrl-C.
 *
 * @module
 */
import { parseFlatFileFaults, startFakeFlatFiles } from "../lib/sources/flatfiles/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";

export const task = defineTask({
  name: "fake-flatfiles",
  summary: "serve the simulator's days as Polygon flat files over S3 on 127.0.0.1, with faults",
  example: "deno task fake-flatfiles --from 2025-03-03 --to 2025-03-07 --faults reset,503",
  flags: {
    port: { type: "int", default: 9000, help: "TCP port on 127.0.0.1, 0 for any free one" },
    from: {
      type: "date",
      metavar: "YYYY-MM-DD",
      help: "First trading date served (each day: stocks, options, indices files) (required)",
    },
    to: { type: "date", metavar: "YYYY-MM-DD", help: "Last trading date served (required)" },
    symbols: {
      type: "list",
      metavar: "A,B",
      help: "Equities of the stocks file (default IWM,QQQ,SPY)",
    },
    indices: {
      type: "list",
      metavar: "A,B",
      help: "Indices of the indices file (default I:SPX,I:VIX)",
    },
    underlyings: {
      type: "list",
      metavar: "A,B",
      help: "Underlyings whose listed chains fill the options file (default SPY)",
    },
    seed: "source.sim.seed",
    faults: {
      type: "string",
      metavar: "slow,reset,503,403",
      help:
        "Faults to inject: slow (bodies trickle), reset (cut an object mid-way), 503 (SlowDown), 403 (AccessDenied to every request)",
    },
    "fault-count": {
      type: "int",
      default: 1,
      help: "Objects reset / requests answered 503",
    },
    "slow-ms": {
      type: "int",
      default: 200,
      metavar: "MS",
      help: "Delay before each 64 KiB of a slow body, ms",
    },
  },
  untilInterrupted: true,
  check: (_config, f) => {
    const port = f.port as number;
    if (port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${port}`);
    if (!f.from || !f.to) throw new UsageError("--from and --to are required (YYYY-MM-DD)");
    if ((f.from as string) > (f.to as string)) {
      throw new UsageError(`--from ${f.from} is after --to ${f.to} (the range must run forwards)`);
    }
  },
  run: async ({ config, flags: f, say, signal }) => {
    const from = f.from as string, to = f.to as string;
    const faultList = (f.faults as string | undefined) ?? "";
    const faults = parseFlatFileFaults(faultList, {
      count: f["fault-count"] as number,
      slowMs: f["slow-ms"] as number,
    });
    say(`Writing the simulator's days ${from}..${to} as flat files...`);
    const fake = await startFakeFlatFiles({
      port: f.port as number,
      from,
      to,
      seed: config.source.sim.seed,
      tickers: {
        symbols: f.symbols as string[] | undefined,
        indices: f.indices as string[] | undefined,
        underlyings: f.underlyings as string[] | undefined,
      },
      faults,
      onObject: (key, rows, bytes) =>
        say(
          `  ${key}: ${rows.toLocaleString("en-US")} rows, ${bytes.toLocaleString("en-US")} bytes`,
        ),
    });
    say(`Fake flat files on ${fake.url}, bucket ${fake.bucket} (faults: ${faultList || "none"})`);
    say(
      `Use: POLYGON_S3_ACCESS_KEY_ID=${fake.accessKeyId} POLYGON_S3_SECRET_ACCESS_KEY=${fake.secretAccessKey} \\`,
    );
    say(
      `  deno task backfill --source flatfiles --endpoint ${fake.url} --from ${from} --to ${to} --datasets equity,index,options`,
    );
    say("Ctrl-C to stop.");
    if (!signal.aborted) {
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
    }
    await fake.close();
    say(
      `Served ${fake.stats.requests} requests, ${fake.stats.gets} object downloads; by status ${
        JSON.stringify(fake.stats.byStatus)
      }`,
    );
  },
});

if (import.meta.main) await task.main();
