/**
 * A task's flag table turned into `node:util` parseArgs options, and flag strings turned
 * into config values of the kind the schema expects.
 *
 * @module
 */
import { parseIsoDate } from "../calendar/mod.ts";
import {
  defaultAt,
  descriptionOf,
  type FlagKind,
  isNullable,
  kindOf,
  schemaAt,
} from "./_schema.ts";
import type { FlagSpec } from "./types.ts";
import { UsageError } from "./usage_error.ts";

/** A flag of a task with everything the parser and the help need. */
export interface ResolvedFlag {
  name: string;
  /** Config path the value goes to; null for a task-local flag. */
  path: string | null;
  kind: FlagKind;
  nullable: boolean;
  help: string;
  /** The default as the help shows it; undefined for none. */
  default: unknown;
  metavar: string;
  parse?: (value: string) => unknown;
  short?: string;
  multiple: boolean;
}

/** Flags every task takes. */
export const COMMON_FLAGS: Record<string, FlagSpec> = {
  config: {
    type: "string",
    metavar: "FILE",
    help: "YAML config, the shape of config/default.yaml (used instead of it)",
  },
  "log-level": "log.level",
  "log-json": "log.json",
};

function metavarOf(kind: FlagKind): string {
  switch (kind.kind) {
    case "boolean":
      return "";
    case "int":
      return "N";
    case "number":
      return "X";
    case "date":
      return "YYYY-MM-DD";
    case "enum":
      return kind.values.join("|");
    case "list":
      return kind.of.kind === "int" ? "N,N" : "A,B";
    default:
      return "VALUE";
  }
}

const LOCAL_KINDS: Record<string, FlagKind> = {
  boolean: { kind: "boolean" },
  string: { kind: "string" },
  int: { kind: "int" },
  number: { kind: "number" },
  date: { kind: "date" },
  list: { kind: "list", of: { kind: "string" } },
};

/** Resolves one entry of a flag table against the config schema. */
export function resolveFlag(name: string, spec: FlagSpec): ResolvedFlag {
  const s = typeof spec === "string" ? { path: spec } : spec;
  const path = s.path ?? null;
  const schema = path === null ? undefined : schemaAt(path);
  if (path !== null && schema === undefined) {
    throw new TypeError(`Cannot define flag --${name}: no config path ${path} in the schema`);
  }
  const kind = s.type ? LOCAL_KINDS[s.type] : schema ? kindOf(schema) : { kind: "string" as const };
  const help = s.help ?? (schema && descriptionOf(schema));
  if (!help) {
    throw new TypeError(
      `Cannot define flag --${name}: ${path} has no description (add .describe() in lib/config/schema.ts)`,
    );
  }
  return {
    name,
    path,
    kind,
    nullable: schema ? isNullable(schema) : false,
    help,
    default: path === null ? s.default : defaultAt(path),
    metavar: s.metavar ?? metavarOf(kind),
    parse: s.parse,
    short: s.short,
    multiple: s.multiple ?? false,
  };
}

function scalar(flag: ResolvedFlag, kind: FlagKind, v: string): unknown {
  switch (kind.kind) {
    case "int":
    case "number": {
      const n = Number(v);
      if (v.trim() === "" || !Number.isFinite(n)) {
        const what = kind.kind === "int" ? "a whole number" : "a number";
        throw new UsageError(`--${flag.name} must be ${what}, got "${v}"`);
      }
      if (kind.kind === "int" && !Number.isInteger(n)) {
        throw new UsageError(`--${flag.name} must be a whole number, got "${v}"`);
      }
      return n;
    }
    case "date":
      try {
        return parseIsoDate(v);
      } catch {
        throw new UsageError(`--${flag.name} must be a real date YYYY-MM-DD, got "${v}"`);
      }
    default:
      return v;
  }
}

/** The config value of a flag's string (or true for a boolean flag). */
export function flagValue(flag: ResolvedFlag, raw: string | boolean | string[]): unknown {
  if (Array.isArray(raw)) return raw.map((r) => flagValue({ ...flag, multiple: false }, r));
  if (typeof raw === "boolean") return flag.parse ? flag.parse(String(raw)) : raw;
  if (flag.parse) return flag.parse(raw);
  if (flag.nullable && raw.toLowerCase() === "none") return null;
  if (flag.kind.kind === "list") {
    const of = flag.kind.of;
    return raw.split(",").map((s) => s.trim()).filter(Boolean).map((s) => scalar(flag, of, s));
  }
  return scalar(flag, flag.kind, raw);
}
