/**
 * Staged pieces of an `option_minute` partition: one zstd Parquet file per contract under
 * `<root>/_staging/<partition folder>/`, with the contract's quarantined rows beside it, so
 * that a resumed run fetches only the contracts it had not finished and still writes the
 * same partition and quarantine file as an uninterrupted run.
 *
 * @module
 */
import pl from "nodejs-polars";
import { commitTemp, tempPathFor, writeFileAtomic } from "../lake/mod.ts";
import { encodeValue, partitionDir, type PartitionId } from "../lake/mod.ts";
import type { QuarantinedRow } from "../lake/mod.ts";

/** One contract's bars and the rows set aside from them. */
export interface StagedPiece {
  frame: pl.DataFrame;
  quarantine: QuarantinedRow[];
}

/** The staging folder of a partition. */
export function stagingDir(root: string, id: PartitionId): string {
  return `${root}/_staging/${partitionDir(id)}`;
}

const paths = (dir: string, ticker: string) => {
  const base = `${dir}/${encodeValue(ticker)}`;
  return { piece: `${base}.parquet`, quarantine: `${base}.quarantine.jsonl` };
};

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

/** The staged piece of `ticker`, or null when it was not staged (or cannot be read). */
export async function readPiece(dir: string, ticker: string): Promise<StagedPiece | null> {
  const p = paths(dir, ticker);
  if (!await exists(p.piece)) return null;
  let frame: pl.DataFrame;
  try {
    frame = pl.readParquet(p.piece);
  } catch {
    return null; // unreadable: fetched again and overwritten
  }
  const text = await Deno.readTextFile(p.quarantine).catch((e) => {
    if (e instanceof Deno.errors.NotFound) return "";
    throw e;
  });
  const quarantine = text.split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l));
  return { frame, quarantine };
}

/**
 * Stages `ticker`'s piece durably: its quarantined rows first, then the Parquet file, whose
 * presence marks the contract as done.
 */
export async function writePiece(dir: string, ticker: string, piece: StagedPiece) {
  const p = paths(dir, ticker);
  await Deno.mkdir(dir, { recursive: true });
  if (piece.quarantine.length > 0) {
    await writeFileAtomic(
      p.quarantine,
      piece.quarantine.map((q) => JSON.stringify(q) + "\n").join(""),
    );
  } else {
    await Deno.remove(p.quarantine).catch((e) => {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    });
  }
  const tmp = tempPathFor(p.piece);
  try {
    piece.frame.writeParquet(tmp, { compression: "zstd" });
    await commitTemp(tmp, p.piece);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}

/**
 * Removes the folders left empty under `<root>/_staging` (and `_staging` itself when empty),
 * once no job is staging. Returns how many folders were removed.
 */
export async function pruneStaging(root: string): Promise<number> {
  let removed = 0;
  const prune = async (dir: string): Promise<boolean> => {
    let empty = true;
    for await (const e of Deno.readDir(dir)) {
      if (e.isDirectory && await prune(`${dir}/${e.name}`)) continue;
      empty = false;
    }
    if (empty) {
      await Deno.remove(dir);
      removed++;
    }
    return empty;
  };
  try {
    await prune(`${root}/_staging`);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return removed;
}
