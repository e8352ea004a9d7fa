// docs/tasks.md lists every task's flags as its declaration has them.
import assert from "node:assert/strict";
import { flagTable, type Task } from "../../lib/task/mod.ts";

const ROOT = new URL("../../", import.meta.url);
const deno = JSON.parse(await Deno.readTextFile(new URL("deno.json", ROOT)));
const files = Object.values(deno.tasks as Record<string, string>)
  .map((cmd) => /tasks\/([a-z_]+)\.ts/.exec(cmd)?.[1])
  .filter((f): f is string => f !== undefined);

/** A Markdown table without the padding `deno fmt` adds (cells trimmed, rule lines short). */
const squeeze = (md: string) =>
  md.split("\n").map((l) => l.replace(/ *\| */g, "|").replace(/^\|[-|]+\|$/, "|-|")).join("\n");

Deno.test("docs/tasks.md holds the flag table of every task, as declared", async () => {
  const page = squeeze(await Deno.readTextFile(new URL("docs/tasks.md", ROOT)));
  for (const f of files) {
    const { task } = await import(new URL(`tasks/${f}.ts`, ROOT).href) as { task: Task };
    assert.ok(page.includes(`### \`deno task ${task.spec.name}\``), task.spec.name);
    assert.ok(
      page.includes(squeeze(flagTable(task))),
      `docs/tasks.md: the flag table of ${task.spec.name} is out of date`,
    );
  }
});
