// A task declared with defineTask whose run does what --mode says, for the exit-code tests.
import { defineTask, UsageError } from "../../lib/task/mod.ts";

export const task = defineTask({
  name: "fixture",
  summary: "exercise the task layer",
  example: "deno run -A tests/task/_fixture_task.ts --mode ok",
  flags: {
    mode: { type: "string", default: "ok", help: "ok | fail | usage | wait | progress" },
    symbols: "backfill.symbols",
    from: "scan.from",
    to: "scan.to",
  },
  ranges: [["scan.from", "scan.to"]],
  run: async (ctx) => {
    const mode = ctx.flags.mode;
    if (mode === "fail") throw new Error("Cannot finish: the fixture fails on purpose");
    if (mode === "usage") throw new UsageError("the fixture refuses its input");
    if (mode === "wait") {
      ctx.say("ready");
      await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve));
      return;
    }
    if (mode === "progress") {
      ctx.log.info("starting", { symbols: ctx.config.backfill.symbols });
      const p = ctx.progress(3, "steps");
      for (let i = 0; i < 3; i++) p.tick(1, 10);
      p.done();
      ctx.log.warn("a warning");
      throw new Error("Cannot finish after progress");
    }
    ctx.say(`symbols ${ctx.config.backfill.symbols.join(",")} from ${ctx.config.scan.from}`);
  },
});

if (import.meta.main) await task.main();
