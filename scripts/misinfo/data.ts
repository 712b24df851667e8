/**
 * Loaders for the training and evaluation data. Shared data sets are read from a path given on
 * the command line (never copied into the repository); the project's own corpus lives in
 * test/fixtures/misinfo/. Every example gets a split (train/dev/test) that is deterministic:
 * a seeded hash of its group, where a group joins examples that must not straddle splits
 * (the same source account, the same text, or near-duplicate wording).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Label = 'MISINFO' | 'OK';
export type Split = 'train' | 'dev' | 'test';

export interface Example {
  text: string;
  label: Label;
  /** Data set name, e.g. 'own', 'covid-news', 'covid-twitter', 'reddit-health', 'advice-reddit', 'claims'. */
  set: string;
  split: Split;
  topic?: string;
  kind?: string;
  claim?: string;
}

const SEED = 'haven-misinfo-v1';
export const ROOT = resolve(import.meta.dirname, '..', '..');

function hashUnit(key: string): number {
  return createHash('sha256').update(`${SEED}:${key}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** 70 / 10 / 20 split of a group key. */
export function splitOfGroup(key: string): Split {
  const h = hashUnit(key);
  return h < 0.2 ? 'test' : h < 0.3 ? 'dev' : 'train';
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field.length === 0) quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readText(file: string): string {
  if (!existsSync(file)) throw new Error(`data file not found: ${file}`);
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const STOP = new Set('the a an and or of to in on for is are was were be been it this that with as at by from has have had not no but if its their his her they them he she you your we our us i my me will would can could do does did so than then there what which who how all any more most some such into about over after before just also only very'.split(' '));

function contentTokens(s: string): string[] {
  return [...new Set(normalizeText(s).split(' ').filter((w) => w.length > 2 && !STOP.has(w)))].sort();
}

/** Union-find over example indices. */
class Groups {
  private parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Joins near-duplicates: two texts whose content-word sets overlap with Jaccard >= `threshold`
 * (texts with fewer than 3 content words only join exact normalised matches).
 */
function joinNearDuplicates(texts: string[], groups: Groups, threshold = 0.6): void {
  const toks = texts.map(contentTokens);
  const byNorm = new Map<string, number>();
  texts.forEach((t, i) => {
    const k = normalizeText(t);
    const j = byNorm.get(k);
    if (j !== undefined) groups.union(i, j);
    else byNorm.set(k, i);
  });
  // Candidate pairs share at least one of their two rarest tokens (prefix filtering).
  const df = new Map<string, number>();
  for (const ts of toks) for (const w of ts) df.set(w, (df.get(w) ?? 0) + 1);
  const index = new Map<string, number[]>();
  toks.forEach((ts, i) => {
    if (ts.length < 3) return;
    const keep = Math.max(1, ts.length - Math.ceil(threshold * ts.length) + 1);
    const rare = [...ts].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1)).slice(0, keep);
    for (const w of rare) {
      const list = index.get(w) ?? [];
      for (const j of list) {
        if (groups.find(i) === groups.find(j)) continue;
        if (jaccard(ts, toks[j]!) >= threshold) groups.union(i, j);
      }
      list.push(i);
      index.set(w, list);
    }
  });
}

function jaccard(a: string[], b: string[]): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

function assignSplits(items: Array<{ text: string; key?: string }>): Split[] {
  const groups = new Groups(items.length);
  const byKey = new Map<string, number>();
  items.forEach((it, i) => {
    if (!it.key) return;
    const j = byKey.get(it.key);
    if (j !== undefined) groups.union(i, j);
    else byKey.set(it.key, i);
  });
  joinNearDuplicates(items.map((i) => i.text), groups);
  // A group's split comes from its smallest member's normalised text: independent of row order.
  const rootKey = new Map<number, string>();
  items.forEach((it, i) => {
    const r = groups.find(i);
    const k = normalizeText(it.text);
    const cur = rootKey.get(r);
    if (cur === undefined || k < cur) rootKey.set(r, k);
  });
  return items.map((_, i) => splitOfGroup(rootKey.get(groups.find(i))!));
}

/**
 * COVID-19 rumour data (Cheng et al. 2021): news.csv (no header: index, label, content, code) and
 * twitter.csv (header; `source` is the posting account). True (T) -> OK, false (F) -> MISINFO,
 * unverified (U) excluded. Exact duplicate texts are kept once (texts with conflicting labels are
 * dropped); tweets from one source, and near-duplicate wordings across both files, share a split.
 */
export function loadCovidRumor(dir: string): Example[] {
  const raw: Array<{ text: string; label: Label; set: string; key?: string }> = [];
  const news = parseCsv(readText(join(dir, 'news.csv')));
  for (const r of news) {
    if (r.length < 3) continue;
    const lab = r[1]!.trim();
    if (lab !== 'T' && lab !== 'F') continue;
    raw.push({ text: clean(r[2]!), label: lab === 'F' ? 'MISINFO' : 'OK', set: 'covid-news' });
  }
  const tw = parseCsv(readText(join(dir, 'twitter.csv')));
  const head = tw[0]!.map((h) => h.trim().toLowerCase());
  const iLabel = head.indexOf('label');
  const iText = head.indexOf('content');
  const iSource = head.indexOf('source');
  if (iLabel < 0 || iText < 0 || iSource < 0) throw new Error('twitter.csv: expected label, content and source columns');
  for (const r of tw.slice(1)) {
    const lab = (r[iLabel] ?? '').trim();
    if (lab !== 'T' && lab !== 'F') continue;
    raw.push({ text: clean(r[iText] ?? ''), label: lab === 'F' ? 'MISINFO' : 'OK', set: 'covid-twitter', key: `src:${r[iSource]}` });
  }
  // Deduplicate exact texts; drop texts labelled both ways.
  const byNorm = new Map<string, { labels: Set<Label>; first: number }>();
  raw.forEach((r, i) => {
    const k = normalizeText(r.text);
    const e = byNorm.get(k);
    if (e) e.labels.add(r.label);
    else byNorm.set(k, { labels: new Set([r.label]), first: i });
  });
  const kept = raw.filter((r, i) => {
    const e = byNorm.get(normalizeText(r.text))!;
    return r.text.length > 0 && e.first === i && e.labels.size === 1;
  });
  const splits = assignSplits(kept);
  return kept.map((r, i) => ({ text: r.text, label: r.label, set: r.set, split: splits[i]! }));
}

/** Reddit health misinformation (Anik et al. 2025): positives only. Near-duplicates share a split. */
export function loadRedditHealth(dir: string): Example[] {
  const rows = parseCsv(readText(join(dir, 'Health_Misinformation_reddit_Dataset.csv')));
  const head = rows[0]!.map((h) => h.trim().toLowerCase());
  const iText = head.indexOf('text');
  if (iText < 0) throw new Error('Health_Misinformation_reddit_Dataset.csv: expected a text column');
  const seen = new Set<string>();
  const items: Array<{ text: string }> = [];
  for (const r of rows.slice(1)) {
    const text = clean(r[iText] ?? '');
    const k = normalizeText(text);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    items.push({ text });
  }
  const splits = assignSplits(items);
  return items.map((it, i) => ({ text: it.text, label: 'MISINFO' as const, set: 'reddit-health', split: splits[i]! }));
}

/**
 * Advice sentences from Reddit replies (Govindarajan et al. 2020), used only as everyday
 * forum talk (OK) in training. The files are tokenised ("do n't"), so spacing is repaired.
 * `max` rows are taken by seeded hash, from the train files only.
 */
export function loadAdviceReddit(dir: string, max: number): Example[] {
  const out: Array<{ text: string; h: number }> = [];
  for (const f of ['askparents_train.tsv', 'needadvice_train.tsv']) {
    const lines = readText(join(dir, f)).split('\n').slice(1);
    for (const line of lines) {
      const cols = line.split('\t');
      const text = detokenize(cols[3] ?? '');
      if (text.length < 20) continue;
      out.push({ text, h: hashUnit(text) });
    }
  }
  out.sort((a, b) => a.h - b.h);
  return out.slice(0, max).map((o) => ({ text: o.text, label: 'OK' as const, set: 'advice-reddit', split: 'train' as const }));
}

/** The advice-reddit files are tokenised ("do n't"); this repairs the spacing. */
export function detokenize(s: string): string {
  return s
    .replace(/\s+([.,!?;:%)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .replace(/\s+n['’]?t\b/g, "n't")
    .replace(/\b(do|does|did|is|are|was|were|ca|wo|could|would|should|have|has|had) nt\b/g, "$1n't")
    .replace(/\s+(['’](s|re|ve|ll|d|m))\b/g, '$1')
    .replace(/\bgon na\b/g, 'gonna')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function clean(s: string): string {
  return s.replace(/\uFFFD\??/g, '').replace(/\s+/g, ' ').trim();
}

/** The project's own corpus (test/fixtures/misinfo/{train,dev,test}.jsonl). */
export function loadOwnCorpus(dir = join(ROOT, 'test/fixtures/misinfo')): Example[] {
  const out: Example[] = [];
  for (const split of ['train', 'dev', 'test'] as const) {
    for (const e of readJsonl(join(dir, `${split}.jsonl`))) out.push({ ...e, set: 'own', split });
  }
  return out;
}

/** JSON Lines of {"text","label"} (extra fields kept). */
export function readJsonl(file: string): Array<Omit<Example, 'set' | 'split'>> {
  return readText(file)
    .split('\n')
    .filter((l) => l.trim())
    .map((l, n) => {
      const o = JSON.parse(l) as Record<string, unknown>;
      if (typeof o.text !== 'string' || (o.label !== 'MISINFO' && o.label !== 'OK'))
        throw new Error(`${file}:${n + 1}: expected {"text": string, "label": "MISINFO"|"OK"}`);
      return { ...(o as object), text: o.text, label: o.label } as Omit<Example, 'set' | 'split'>;
    });
}
