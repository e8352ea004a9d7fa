import { canonicalJson, parseNotebook } from "./_notebook.ts";

/** Result of {@linkcode clearNotebook}. */
export interface ClearNotebookResult {
  /** The cleaned notebook in nbformat's layout (sorted keys, indent 1, final newline). */
  text: string;
  /** True when `text` differs from the input (outputs removed or layout changed). */
  changed: boolean;
  /** What was removed, e.g. `cell 3: 2 outputs`, `cell 3: execution_count 5`. */
  cleared: string[];
}

const CELL_RUN_METADATA = ["execution", "ExecuteTime"];

/**
 * Clears a notebook for committing: code cells lose their outputs and execution counts,
 * cells lose run timing metadata, the notebook loses saved widget state. Sources,
 * cell ids, tags and other metadata are kept. Pure: text in, text out.
 *
 * @param text The `.ipynb` file content.
 * @returns The cleaned text, whether it changed, and what was cleared.
 * @throws {TypeError} When the text is not JSON or not an nbformat 4 notebook.
 * @example
 * ```ts
 * import { clearNotebook } from "./clear_notebook.ts";
 * import assert from "node:assert/strict";
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
 *   { cell_type: "code", source: "1 + 1", metadata: {}, execution_count: 1, outputs: [{ output_type: "execute_result" }] },
 * ] };
 * const { cleared } = clearNotebook(JSON.stringify(nb));
 * assert.deepEqual(cleared, ["cell 1: 1 output", "cell 1: execution_count 1"]);
 * ```
 */
export function clearNotebook(text: string): ClearNotebookResult {
  const nb = parseNotebook(text, "clear notebook");
  const cleared: string[] = [];
  nb.cells.forEach((cell, i) => {
    const where = `cell ${i + 1}`;
    if (cell.cell_type === "code") {
      const n = cell.outputs?.length ?? 0;
      if (n > 0) cleared.push(`${where}: ${n} output${n === 1 ? "" : "s"}`);
      if (cell.execution_count !== null && cell.execution_count !== undefined) {
        cleared.push(`${where}: execution_count ${cell.execution_count}`);
      }
      cell.outputs = [];
      cell.execution_count = null;
    }
    for (const key of CELL_RUN_METADATA) {
      if (cell.metadata && key in cell.metadata) {
        delete cell.metadata[key];
        cleared.push(`${where}: metadata.${key}`);
      }
    }
  });
  if ("widgets" in nb.metadata) {
    delete nb.metadata.widgets;
    cleared.push("notebook: metadata.widgets");
  }
  const out = canonicalJson(nb);
  return { text: out, changed: out !== text, cleared };
}
