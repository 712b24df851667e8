/**
 * Builds the committed data files from the hand-written sources:
 *   models/misinfo/claims-src/*.jsonl      -> models/misinfo/claims.json
 *   test/fixtures/misinfo/corpus/*.txt     -> test/fixtures/misinfo/{train,dev,test}.jsonl
 * Corpus lines are `LABEL|kind|claimId|text` with LABEL M (MISINFO) or O (OK). Splits are
 * assigned per group, a group being the known claim a post is about (so every post about one
 * myth, spreading or debunking it, lands in the same split) or the post itself; the assignment
 * is a seeded hash of the group, so it is stable when posts are added.
 *   npx tsx scripts/misinfo/build-corpus.ts
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateClaims } from '../../moderation/misinfo/claims.js';
import type { Claim, ClaimsFile } from '../../moderation/misinfo/types.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SEED = 'haven-misinfo-v1';
const KINDS = new Set(['myth', 'fact', 'side-effect', 'question', 'debunk', 'experience', 'chat']);

export interface CorpusPost {
  text: string;
  label: 'MISINFO' | 'OK';
  topic: string;
  kind: string;
  claim?: string;
}

export function splitOf(group: string): 'train' | 'dev' | 'test' {
  const h = createHash('sha256').update(`${SEED}:${group}`).digest().readUInt32BE(0) / 2 ** 32;
  return h < 0.2 ? 'test' : h < 0.35 ? 'dev' : 'train';
}

function main(): void {
  const srcDir = join(ROOT, 'models/misinfo/claims-src');
  const claims: Claim[] = [];
  for (const f of readdirSync(srcDir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(srcDir, f), 'utf8').split('\n')) {
      if (line.trim()) claims.push(JSON.parse(line) as Claim);
    }
  }
  const file: ClaimsFile = { version: 1, claims };
  validateClaims(file);
  writeFileSync(join(ROOT, 'models/misinfo/claims.json'), JSON.stringify(file, null, 1) + '\n');
  const ids = new Set(claims.map((c) => c.id));

  const corpusDir = join(ROOT, 'test/fixtures/misinfo/corpus');
  const out: Record<string, CorpusPost[]> = { train: [], dev: [], test: [] };
  const seen = new Set<string>();
  for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()) {
    const topic = f.replace(/\.txt$/, '');
    readFileSync(join(corpusDir, f), 'utf8').split('\n').forEach((line, n) => {
      if (!line.trim()) return;
      const parts = line.split('|');
      if (parts.length !== 4) throw new Error(`${f}:${n + 1}: expected 4 fields`);
      const [lab, kind, claim, text] = parts as [string, string, string, string];
      if (lab !== 'M' && lab !== 'O') throw new Error(`${f}:${n + 1}: bad label`);
      if (!KINDS.has(kind)) throw new Error(`${f}:${n + 1}: bad kind ${kind}`);
      if (claim && !ids.has(claim)) throw new Error(`${f}:${n + 1}: unknown claim ${claim}`);
      if (seen.has(text)) throw new Error(`${f}:${n + 1}: duplicate text`);
      seen.add(text);
      const post: CorpusPost = { text, label: lab === 'M' ? 'MISINFO' : 'OK', topic, kind, ...(claim ? { claim } : {}) };
      out[splitOf(claim || text)]!.push(post);
    });
  }
  for (const [name, posts] of Object.entries(out)) {
    writeFileSync(join(ROOT, `test/fixtures/misinfo/${name}.jsonl`), posts.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const m = posts.filter((p) => p.label === 'MISINFO').length;
    process.stdout.write(`${name}: ${posts.length} posts (${m} MISINFO, ${posts.length - m} OK)\n`);
  }
  process.stdout.write(`claims: ${claims.length}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
