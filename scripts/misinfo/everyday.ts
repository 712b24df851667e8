/**
 * Ordinary, claim-free writing for the misinformation head: negatives in training and a
 * false-alarm measure in evaluation.
 *   - test/fixtures/crisis/everyday.jsonl: ordinary patient-forum posts (training; eval labels it so)
 *   - test/fixtures/crisis/everyday2.jsonl: the same kind of posts, HELD OUT (eval only, never trained on)
 *   - test/fixtures/misinfo/everyday-extra.jsonl: more ordinary patient posts written for Haven (training)
 *   - advice-reddit (Govindarajan et al. 2020) sentences, read in place from ../shared/data (never
 *     copied): *_train.tsv as background negatives, *_test.tsv only for the false-alarm measure
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detokenize, ROOT } from './data.js';

export const EVERYDAY_TRAIN_FILES = ['test/fixtures/crisis/everyday.jsonl', 'test/fixtures/misinfo/everyday-extra.jsonl'];
export const EVERYDAY_HELD_OUT_FILE = 'test/fixtures/crisis/everyday2.jsonl';

/** The `text` field of every line of a JSON Lines file (relative to the repository root). */
export function readTexts(file: string): string[] {
  const path = join(ROOT, file);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text)
    .filter((t) => typeof t === 'string' && t.trim().length > 0);
}

/**
 * Column 4 ("Sentence") of advice-reddit/{askparents,needadvice}_{part}.tsv, detokenised, at least
 * 20 characters, every `every`-th row from `offset` (as scripts/train-crisis.ts samples background).
 */
export function adviceSentences(dir: string, part: 'train' | 'dev' | 'test', every = 1, offset = 0): string[] {
  const out: string[] = [];
  for (const f of [`askparents_${part}.tsv`, `needadvice_${part}.tsv`]) {
    const path = join(dir, f);
    if (!existsSync(path)) continue;
    const rows = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\n').slice(1);
    rows.forEach((line, i) => {
      if (i % every !== offset) return;
      const text = detokenize(line.split('\t')[3] ?? '');
      if (text.length >= 20) out.push(text);
    });
  }
  return out;
}
