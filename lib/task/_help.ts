/**
 * The `--help` text of a task: summary, usage, every flag with its config path, default and
 * help text (from the schema), and examples.
 *
 * @module
 */
import type { ResolvedFlag } from "./_flags.ts";
import type { TaskSpec } from "./types.ts";

function show(v: unknown): string {
  if (v === undefined) return "";
  if (Array.isArray(v)) return v.join(",") || "(none)";
  if (v === null) return "none";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** The help text. */
export function helpText(spec: TaskSpec, flags: ResolvedFlag[]): string {
  const lines = [
    `deno task ${spec.name}: ${spec.summary}`,
    "",
    `usage: deno task ${spec.name} [flags]${spec.positionals ? ` ${spec.positionals}` : ""}`,
    "",
    "flags:",
  ];
  const heads = flags.map((f) =>
    `  ${f.short ? `-${f.short}, ` : ""}--${f.name}${f.metavar ? ` ${f.metavar}` : ""}`
  );
  heads.push("  -h, --help");
  const width = Math.min(34, Math.max(...heads.map((h) => h.length)) + 2);
  const pad = " ".repeat(width);
  flags.forEach((f, i) => {
    const head = heads[i];
    const required = f.path !== null && spec.required?.includes(f.path) ? " (required)" : "";
    const first = head.length + 1 < width ? head.padEnd(width) : `${head}\n${pad}`;
    lines.push(`${first}${f.help}${required}`);
    const where = [
      f.path ? `config ${f.path}` : null,
      f.default !== undefined ? `default ${show(f.default)}` : null,
    ].filter(Boolean).join(", ");
    if (where) lines.push(`${pad}${where}`);
  });
  lines.push(`${heads.at(-1)!.padEnd(width)}this help`);
  const examples = Array.isArray(spec.example) ? spec.example : [spec.example];
  lines.push("", examples.length > 1 ? "examples:" : "example:", ...examples.map((e) => `  ${e}`));
  lines.push("", "exit codes: 0 ok, 1 failure, 2 bad flags or config, 130 interrupted");
  return lines.join("\n");
}
