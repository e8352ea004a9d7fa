/**
 * What a config path's zod schema says about a flag: its kind (the value a flag string
 * becomes), its description (the help text) and its default, all read from
 * `lib/config/schema.ts` so nothing is restated.
 *
 * @module
 */
import type { z } from "zod";
import { ConfigSchema, isoDate } from "../config/mod.ts";

/** The value kinds a flag can take. */
export type FlagKind =
  | { kind: "boolean" }
  | { kind: "int" }
  | { kind: "number" }
  | { kind: "date" }
  | { kind: "string" }
  | { kind: "enum"; values: string[] }
  | { kind: "list"; of: FlagKind }
  | { kind: "section" };

// deno-lint-ignore no-explicit-any
type AnySchema = z.ZodType & { _zod: { def: any; bag: any } };

const WRAPPERS = new Set(["default", "prefault", "nullable", "optional", "readonly", "catch"]);

/** The schemas from the outermost wrapper to the core type (pipes are entered on `in`). */
function chain(schema: AnySchema): AnySchema[] {
  const out: AnySchema[] = [schema];
  let s = schema;
  for (;;) {
    const def = s._zod.def;
    if (WRAPPERS.has(def.type)) s = def.innerType;
    else if (def.type === "pipe") s = def.in;
    else return out;
    out.push(s);
  }
}

/** The schema at a dotted config path (`scan.windowMin`), or undefined when there is none. */
export function schemaAt(path: string, root: z.ZodType = ConfigSchema): AnySchema | undefined {
  let s = root as AnySchema;
  for (const key of path.split(".")) {
    const core = chain(s).at(-1)!;
    if (core._zod.def.type !== "object") return undefined;
    s = core._zod.def.shape[key];
    if (s === undefined) return undefined;
  }
  return s;
}

/** True when the schema accepts null (a flag value `none` then means null). */
export function isNullable(schema: AnySchema): boolean {
  return chain(schema).some((s) => s._zod.def.type === "nullable");
}

/** The kind of value the schema takes. */
export function kindOf(schema: AnySchema): FlagKind {
  const links = chain(schema);
  if (links.includes(isoDate as unknown as AnySchema)) return { kind: "date" };
  const core = links.at(-1)!;
  const def = core._zod.def;
  switch (def.type) {
    case "boolean":
      return { kind: "boolean" };
    case "number":
      return /int/.test(String(def.format ?? "")) ||
          (def.checks ?? []).some((c: AnySchema) => /int/.test(String(c._zod.def.format ?? "")))
        ? { kind: "int" }
        : { kind: "number" };
    case "enum":
      return { kind: "enum", values: Object.values(def.entries as Record<string, string>) };
    case "array":
      return { kind: "list", of: kindOf(def.element) };
    case "object":
    case "record":
      return { kind: "section" };
    default:
      return { kind: "string" };
  }
}

/** The first description found from the outermost wrapper inwards (`.describe()` on the field). */
export function descriptionOf(schema: AnySchema): string | undefined {
  for (const s of chain(schema)) if (s.description) return s.description;
  return undefined;
}

let defaults: unknown;

/** The default value at a config path (what `ConfigSchema.parse({})` holds there). */
export function defaultAt(path: string): unknown {
  defaults ??= ConfigSchema.parse({});
  let v = defaults;
  for (const key of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
