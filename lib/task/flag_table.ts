/**
 * A task's flags as a Markdown table (flag, config path, default, help), the form
 * docs/tasks.md lists them in (a test keeps the page equal to the declarations).
 *
 * @module
 */
import type { Task } from "./define_task.ts";

function show(v: unknown): string {
  if (v === undefined) return "";
  if (Array.isArray(v)) return v.length ? v.join(",") : "(none)";
  if (v === null) return "none";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

/**
 * The Markdown table of a task's flags, one row per flag, common flags last.
 *
 * @example
 * ```ts
 * import { defineTask, flagTable } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * const t = defineTask({
 *   name: "x", summary: "s", example: "deno task x",
 *   flags: { window: "scan.windowMin" }, run: async () => {},
 * });
 * equal(flagTable(t).split("\n")[2],
 *   "| `--window N` | `scan.windowMin` | 30 | N for the rolling references, minutes. |");
 * ```
 */
export function flagTable(task: Task): string {
  const rows = task.flags.map((f) =>
    `| \`--${f.name}${f.metavar ? ` ${cell(f.metavar)}` : ""}\` | ${
      f.path ? `\`${f.path}\`` : ""
    } | ${cell(show(f.default))} | ${cell(f.help)} |`
  );
  return ["| flag | config | default | help |", "|---|---|---|---|", ...rows].join("\n");
}
