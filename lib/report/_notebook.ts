import { z } from "zod";

const Cell = z.looseObject({
  cell_type: z.enum(["code", "markdown", "raw"]),
  source: z.union([z.string(), z.array(z.string())]),
  metadata: z.record(z.string(), z.unknown()).optional(),
  outputs: z.array(z.unknown()).optional(),
  execution_count: z.number().nullable().optional(),
});

/** The parts of an `.ipynb` (nbformat 4) that the notebook tools read. */
export const NotebookSchema = z.looseObject({
  cells: z.array(Cell),
  metadata: z.record(z.string(), z.unknown()),
  nbformat: z.literal(4),
  nbformat_minor: z.number(),
});

/** A parsed notebook. */
export type Notebook = z.infer<typeof NotebookSchema>;

/** Parses notebook JSON text; `what` names the caller for the error message. */
export function parseNotebook(text: string, what: string): Notebook {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new TypeError(`Cannot ${what}: the notebook is not valid JSON`, { cause });
  }
  const parsed = NotebookSchema.safeParse(raw);
  if (!parsed.success) {
    throw new TypeError(
      `Cannot ${what}: not an nbformat 4 notebook\n${z.prettifyError(parsed.error)}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

/** Cell source as one string. */
export function cellSource(cell: Notebook["cells"][number]): string {
  return typeof cell.source === "string" ? cell.source : cell.source.join("");
}

/** JSON the way nbformat writes notebooks: keys sorted, indent 1, trailing newline. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 1) + "\n";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj).sort().map((k) => [k, sortKeys(obj[k])]),
    );
  }
  return value;
}
