/**
 * The crisis labeled sets (test/fixtures/crisis, written for Haven) and which of them the
 * classifier may learn from. Held-out files are never read by the training script.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AuthorRole } from '../../moderation/types.js';

export interface CrisisExample {
  id: string;
  author_role: AuthorRole;
  text: string;
  kinds: string[];
}

export const FIXTURE_DIR = fileURLToPath(new URL('../../test/fixtures/crisis/', import.meta.url));

/** The classifier is trained (and its settings chosen by cross-validation) on these only. */
export const TRAIN_FILES = ['train', 'dev', 'challenge', 'challenge2', 'fresh', 'everyday'] as const;
/**
 * Never used to train or tune the classifier: `test` (the test split), `fresh2`, `fresh3`,
 * and `everyday2` (held-out ordinary patient-forum posts, no crises).
 */
export const HELD_OUT_FILES = ['test', 'fresh2', 'fresh3', 'everyday2'] as const;
/** Ordinary patient-forum posts (no crises): a weight share of their own in training, like the background posts. */
export const EVERYDAY_FILES: readonly string[] = ['everyday'];

export function loadExamples(path: string): CrisisExample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l, i) => {
      const v = JSON.parse(l) as Partial<CrisisExample>;
      if (typeof v.text !== 'string' || !Array.isArray(v.kinds)) throw new Error(`${path} line ${i + 1}: needs "text" and "kinds"`);
      return { id: String(v.id ?? i + 1), author_role: v.author_role ?? 'member', text: v.text, kinds: v.kinds.map(String) };
    });
}

export const fixturePath = (name: string) => `${FIXTURE_DIR}${name}.jsonl`;

/** Minimal CSV/TSV reader (quoted fields with "" escapes, quoted line breaks). */
export function parseTable(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** The non-empty texts of one column of a CSV or TSV file (default column: "text", else "Sentence", else the last). */
export function readTable(path: string, column?: string): { column: string; texts: string[] } {
  const [header, ...rows] = parseTable(readFileSync(path, 'utf8'), path.endsWith('.tsv') ? '\t' : ',');
  const name = column ?? (header!.includes('text') ? 'text' : header!.includes('Sentence') ? 'Sentence' : header![header!.length - 1]!);
  const col = header!.indexOf(name);
  if (col < 0) throw new Error(`${path}: no column ${name}`);
  return { column: name, texts: rows.map((r) => r[col] ?? '').filter((t) => t.trim().length > 0) };
}
