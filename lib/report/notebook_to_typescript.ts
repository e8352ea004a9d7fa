import { cellSource, parseNotebook } from "./_notebook.ts";

/** Result of {@linkcode notebookToTypeScript}. */
export interface NotebookTypeScript {
  /** All code cells joined in order, each after a `// cell N` marker line. */
  source: string;
  /** 1-based notebook cell number that a 1-based line of `source` belongs to (0 before the first). */
  cellAtLine(line: number): number;
}

/**
 * Joins a notebook's code cells into one TypeScript module, so `deno check` can
 * type-check a notebook (a failed `npm:` import or a type error in a cell is otherwise
 * only found when someone runs it). Cells are separated by `;` so no statement runs
 * into the next; markdown and raw cells are skipped but still counted in cell numbers.
 *
 * The file must be written next to the notebook to resolve its relative imports and
 * deno.json the same way the kernel does.
 *
 * @param text The `.ipynb` file content.
 * @returns The module text and a line → cell mapper for error messages.
 * @throws {TypeError} When the text is not an nbformat 4 notebook.
 * @example
 * ```ts
 * import { notebookToTypeScript } from "./notebook_to_typescript.ts";
 * import assert from "node:assert/strict";
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
 *   { cell_type: "markdown", source: "# Title", metadata: {} },
 *   { cell_type: "code", source: ["const x = 1;\n", "x"], metadata: {}, outputs: [], execution_count: null },
 * ] };
 * const ts = notebookToTypeScript(JSON.stringify(nb));
 * assert.equal(ts.source, "// cell 2\nconst x = 1;\nx\n;\n");
 * assert.equal(ts.cellAtLine(3), 2);
 * ```
 */
export function notebookToTypeScript(text: string): NotebookTypeScript {
  const nb = parseNotebook(text, "convert notebook to TypeScript");
  const starts: [number, number][] = []; // [first line, cell number]
  const parts: string[] = [];
  let line = 1;
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    const body = cellSource(cell).replace(/\n?$/, "\n");
    const chunk = `// cell ${i + 1}\n${body};\n`;
    starts.push([line, i + 1]);
    parts.push(chunk);
    line += chunk.split("\n").length - 1;
  });
  return {
    source: parts.join(""),
    cellAtLine(n: number): number {
      let cell = 0;
      for (const [first, number] of starts) if (n >= first) cell = number;
      return cell;
    },
  };
}
