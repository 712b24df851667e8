/**
 * `npm run eval:phi -- --data PATH [--data PATH2] [--min-score 0.5] [--split dev|test|all|both] [--errors] [--json]`
 * Scores the PHI detector, span-level, per type and overall (precision, recall, F2).
 * PATH is a JSON Lines file of {"text","spans":[{"start","end","type"}]}, a Presidio-research JSON file
 * (synth_dataset_v2.json / generated_large.json), or a folder holding such files.
 * Without --data it scores the project's own fixtures (test/fixtures/phi/dev.jsonl, dev-extra.jsonl and test.jsonl).
 *
 * Presidio split (fixed, deterministic): each Presidio text is put in the `dev` or `test` half by an FNV-1a hash
 * of its TEMPLATE (the `masked` field, lower-cased, every {{placeholder}} written as {{}}, whitespace collapsed):
 * even hash -> dev, odd -> test. Splitting by template rather than by sentence keeps every wording on one side
 * (the two files share 114 templates, and they land on the same side in both files), so rules tuned on dev
 * wording are measured on unseen wording. `--split both` (default) reports the two halves separately; `all`
 * scores whole files. Develop on dev only; the test half is the held-out figure. JSON Lines files are not split
 * (the project's own fixtures are already dev.jsonl / test.jsonl).
 *
 * `--errors` prints, for development, the missed gold spans and the false positives WITH their text — only for
 * the Presidio dev half and for JSON Lines files whose name does not contain "test" (held-out data stays unseen).
 *
 * Matching rules:
 *  - partial (headline): a gold span is found when a prediction OF THE SAME TYPE overlaps it by at least one
 *    character; a prediction is correct when it overlaps a gold span of the same type.
 *  - exact: same type and the same boundaries (ignoring surrounding whitespace and punctuation).
 *  - any-type ("would it be hidden"): as partial, but any type matches any type.
 *  - a LOCATION or ZIP predicted inside a gold ADDRESS is not scored (it is part of that address), and a gold
 *    LOCATION or ZIP lying wholly inside a predicted ADDRESS counts as found (labelling convention: one ADDRESS
 *    span from the street through the ZIP; the city and ZIP are hidden with it).
 *  - Presidio only: a FAX prediction is scored as PHONE (Presidio's PHONE_NUMBER covers fax numbers), and a gold
 *    PERSON that is only an honorific ("Mr.", older generated_large labels) is ignored like Presidio's PREFIX.
 *  - Presidio only: a PERSON predicted wholly inside a gold ADDRESS is not scored (Faker street names carry people's
 *    names, "avenue Jules Ferry", and some generated addresses begin with a first name, "Lauren and Sorlaskeid 32").
 *  - Presidio only, not scored as gold: the value "nan" (a missing Faker field written out by pandas), LOCATION values
 *    that are countries, US states, Canadian provinces or two-capital state/province codes ("NS"), also when the
 *    country name was stored with the wrong encoding ("SÃ£o TomÃ©") or carries a bracketed note ("Cyprus (Greek)").
 *  - predictions that overlap an ignored gold region (types that are not Safe Harbor identifiers, see the
 *    Presidio mapping printed with the results) count neither as correct nor as false positives.
 * Prints no message text (only counts, types and recognizer names) unless --errors is given.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectPhi } from '../moderation/phi/detect.js';
import { PHI_TYPES, type PhiSpan } from '../moderation/phi/types.js';
import { readPresidio, type GoldSpan } from './lib/presidio.js';
import { parseTaggerModel, setTaggerModel } from '../moderation/phi/tagger.js';
import { loadEncoder, type TokenStates } from '../moderation/misinfo/encoder.js';
import { tokenStatesOf } from '../moderation/phi/token-states.js';

interface Example { text: string; spans: GoldSpan[]; ignore: Array<{ start: number; end: number }>; decoys?: number; dateAll?: GoldSpan[] }
interface Dataset { presidio?: boolean; name: string; examples: Example[]; mapping?: Map<string, { count: number; to: string; ignored: number }>; split?: string; heldOut?: boolean }
type SplitOpt = 'dev' | 'test' | 'all' | 'both' | 'dev-fit' | 'dev-val';

function loadJsonl(path: string): Dataset {
  const examples: Example[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { text: string; spans: GoldSpan[]; decoys?: number };
    examples.push({ text: row.text, spans: row.spans, ignore: [], ...(row.decoys !== undefined ? { decoys: row.decoys } : {}) });
  }
  return { name: basename(path), examples };
}

function loadPresidio(path: string, split: SplitOpt): Dataset[] {
  if (split === 'both') return [...loadPresidio(path, 'dev'), ...loadPresidio(path, 'test')];
  const { examples, mapping } = readPresidio(path, split);
  return [{ name: `${basename(path)} [${split}]`, examples, mapping, split, heldOut: split !== 'dev' && split !== 'dev-val' && split !== 'dev-fit', presidio: true }];
}

function load(path: string, split: SplitOpt): Dataset[] {
  const abs = resolvePath(path);
  if (statSync(abs).isDirectory()) {
    return readdirSync(abs).filter((f) => /\.jsonl?$/.test(f)).sort().flatMap((f) => load(join(abs, f), split));
  }
  const jsonl = (): Dataset => ({ ...loadJsonl(abs), heldOut: /test/i.test(basename(abs)) });
  if (abs.endsWith('.jsonl')) return [jsonl()];
  const head = readFileSync(abs, 'utf8').slice(0, 2000);
  if (head.includes('"full_text"')) return loadPresidio(abs, split);
  return [jsonl()];
}

interface Counts { gold: number; found: number; pred: number; correct: number; exact: number }
const blank = (): Counts => ({ gold: 0, found: 0, pred: 0, correct: 0, exact: 0 });
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function trimSpan(text: string, s: { start: number; end: number }): string {
  let a = s.start;
  let b = s.end;
  while (a < b && /[\s.,;:!?"'()]/.test(text[a]!)) a++;
  while (b > a && /[\s.,;:!?"'()]/.test(text[b - 1]!)) b--;
  return `${a}:${b}`;
}

interface Result {
  perType: Map<string, Counts>;
  any: Counts;
  fpBySource: Map<string, number>;
  decoyPosts: number;
  decoyPostsWithFp: number;
  dateAll?: Counts;
  ms: number;
}

const ERRORS: string[] = [];
let useTagger = true;
const oneLine = (x: string) => JSON.stringify(x);

function score(ds: Dataset, minScore: number, errors = false, states?: TokenStates[]): Result {
  const perType = new Map<string, Counts>();
  const any = blank();
  const fpBySource = new Map<string, number>();
  const dateAll = blank();
  let decoyPosts = 0;
  let decoyPostsWithFp = 0;
  let ms = 0;
  const get = (t: string) => { let c = perType.get(t); if (!c) { c = blank(); perType.set(t, c); } return c; };
  for (const [n, ex] of ds.examples.entries()) {
    const t0 = performance.now();
    const tokenStates = states?.[n];
    let pred: PhiSpan[] = detectPhi(ex.text, tokenStates ? { minScore, tagger: useTagger, tokenStates } : { minScore, tagger: useTagger });
    ms += performance.now() - t0;
    // Presidio has no FAX type: its PHONE_NUMBER spans include fax numbers, so a FAX reading is scored as PHONE.
    if (ds.presidio) pred = pred.map((p) => (p.type === 'FAX' ? { ...p, type: 'PHONE' } : p));
    // Not scored: predictions over ignored gold regions, and a city or ZIP predicted inside a gold ADDRESS
    // (a part of the address, already hidden when the address is).
    // Presidio only: a PERSON predicted inside a gold ADDRESS is not scored either: Faker streets carry people's names
    // ("avenue Jules Ferry") and some generated addresses start with a first name ("Lauren and Sorlaskeid 32").
    const partOfAddress = (p: PhiSpan) => (p.type === 'LOCATION' || p.type === 'ZIP' || (ds.presidio === true && p.type === 'PERSON')) &&
      ex.spans.some((g) => g.type === 'ADDRESS' && g.start <= p.start && p.end <= g.end);
    const preds = pred.filter((p) => (!ex.ignore.some((g) => overlaps(g, p)) || ex.spans.some((g) => overlaps(g, p))) && !partOfAddress(p));
    const exactGold = new Set(ex.spans.map((g) => `${g.type}@${trimSpan(ex.text, g)}`));
    let fpHere = 0;
    const bad: string[] = [];
    for (const g of ex.spans) {
      const c = get(g.type);
      c.gold++;
      // A city or ZIP inside a predicted ADDRESS is hidden with it (our convention: one ADDRESS from street to ZIP).
      const inAddress = (g.type === 'LOCATION' || g.type === 'ZIP') && preds.some((p) => p.type === 'ADDRESS' && p.start <= g.start && g.end <= p.end);
      if (inAddress || preds.some((p) => p.type === g.type && overlaps(p, g))) c.found++;
      else if (errors) {
        const other = preds.find((p) => overlaps(p, g));
        bad.push(`  MISS ${g.type} ${oneLine(ex.text.slice(g.start, g.end))}${other ? ` (found as ${other.type} ${oneLine(ex.text.slice(other.start, other.end))})` : ''}`);
      }
      any.gold++;
      if (preds.some((p) => overlaps(p, g))) any.found++;
    }
    for (const p of preds) {
      const c = get(p.type);
      c.pred++;
      if (ex.spans.some((g) => g.type === p.type && overlaps(p, g))) c.correct++;
      else {
        fpBySource.set(p.source, (fpBySource.get(p.source) ?? 0) + 1);
        fpHere++;
        if (errors) {
          const g = ex.spans.find((x) => overlaps(p, x));
          bad.push(`  FP   ${p.type} ${oneLine(ex.text.slice(p.start, p.end))} [${p.source} ${p.score}]${g ? ` (gold ${g.type})` : ''}`);
        }
      }
      if (exactGold.has(`${p.type}@${trimSpan(ex.text, p)}`)) c.exact++;
      any.pred++;
      if (ex.spans.some((g) => overlaps(p, g))) any.correct++;
    }
    if (ex.dateAll) {
      for (const g of ex.dateAll) { dateAll.gold++; if (pred.some((p) => p.type === 'DATE' && overlaps(p, g))) dateAll.found++; }
    }
    if ((ex.decoys ?? 0) > 0) { decoyPosts++; if (fpHere > 0) decoyPostsWithFp++; }
    if (bad.length) ERRORS.push(`${ds.name}: ${oneLine(ex.text)}`, ...bad);
  }
  return { perType, any, fpBySource, decoyPosts, decoyPostsWithFp, ...(ds.mapping ? { dateAll } : {}), ms };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
function prf(c: { gold: number; found: number; pred: number; correct: number }) {
  const p = c.pred ? c.correct / c.pred : NaN;
  const r = c.gold ? c.found / c.gold : NaN;
  const f2 = p + r > 0 && Number.isFinite(p) && Number.isFinite(r) ? (5 * p * r) / (4 * p + r) : NaN;
  return { p, r, f2 };
}

function report(ds: Dataset, res: Result): Record<string, unknown> {
  const lines: string[] = [];
  lines.push(`\n== ${ds.name}: ${ds.examples.length} texts, detector ${(res.ms / Math.max(1, ds.examples.length)).toFixed(3)} ms/text (mean)`);
  if (ds.mapping) {
    lines.push('Presidio type mapping (count -> our type; ignored = not scored as gold, predictions there not counted):');
    for (const [k, v] of [...ds.mapping.entries()].sort((a, b) => b[1].count - a[1].count)) {
      lines.push(`  ${k.padEnd(18)} ${String(v.count).padStart(5)} -> ${v.to}${v.ignored ? `  (${v.ignored} ignored: ${k === 'AGE' ? 'ages under 90 dropped' : k === 'GPE' || k === 'LOCATION' ? 'countries/states/provinces, nan' : k === 'DATE_TIME' ? 'bare years, weekdays, times' : k === 'PERSON' ? 'honorific alone' : 'see mapping'})` : ''}`);
    }
  }
  lines.push(`${'type'.padEnd(16)} ${'gold'.padStart(5)} ${'pred'.padStart(5)}  precision  recall     F2    exact-P`);
  const rows: Record<string, unknown> = {};
  let tot = blank();
  for (const type of PHI_TYPES) {
    const c = res.perType.get(type);
    if (!c || (c.gold === 0 && c.pred === 0)) continue;
    const { p, r, f2 } = prf(c);
    tot = { gold: tot.gold + c.gold, found: tot.found + c.found, pred: tot.pred + c.pred, correct: tot.correct + c.correct, exact: tot.exact + c.exact };
    lines.push(`${type.padEnd(16)} ${String(c.gold).padStart(5)} ${String(c.pred).padStart(5)}  ${fmt(p).padStart(9)} ${fmt(r).padStart(7)} ${fmt(f2).padStart(7)}  ${fmt(c.pred ? c.exact / c.pred : NaN).padStart(8)}`);
    rows[type] = { gold: c.gold, pred: c.pred, precision: p, recall: r, f2, exactPrecision: c.pred ? c.exact / c.pred : null };
  }
  const o = prf(tot);
  lines.push(`${'OVERALL (typed)'.padEnd(16)} ${String(tot.gold).padStart(5)} ${String(tot.pred).padStart(5)}  ${fmt(o.p).padStart(9)} ${fmt(o.r).padStart(7)} ${fmt(o.f2).padStart(7)}  ${fmt(tot.pred ? tot.exact / tot.pred : NaN).padStart(8)}`);
  const a = prf(res.any);
  lines.push(`${'ANY TYPE'.padEnd(16)} ${String(res.any.gold).padStart(5)} ${String(res.any.pred).padStart(5)}  ${fmt(a.p).padStart(9)} ${fmt(a.r).padStart(7)} ${fmt(a.f2).padStart(7)}`);
  if (res.dateAll && res.dateAll.gold) lines.push(`DATE recall counting every Presidio DATE_TIME (years, weekdays, times too): ${fmt(res.dateAll.found / res.dateAll.gold)} of ${res.dateAll.gold}`);
  if (res.decoyPosts) lines.push(`posts with decoys: ${res.decoyPosts}, of which with any false positive: ${res.decoyPostsWithFp}`);
  const fps = [...res.fpBySource.entries()].sort((x, y) => y[1] - x[1]);
  if (fps.length) lines.push(`false positives by recognizer: ${fps.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  process.stdout.write(lines.join('\n') + '\n');
  return { dataset: ds.name, ...(ds.split ? { split: ds.split } : {}), texts: ds.examples.length, perType: rows, overall: o, anyType: a };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let transformer = false;
  let taggerModelPath: string | undefined;
  const paths: string[] = [];
  let minScore = 0.5;
  let json = false;
  let errors = false;
  let split: SplitOpt = 'both';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data') paths.push(args[++i] ?? '');
    else if (a === '--min-score') minScore = Number(args[++i]);
    else if (a === '--json') json = true;
    else if (a === '--errors') errors = true;
    else if (a === '--no-tagger') useTagger = false;
    else if (a === '--tagger-model') taggerModelPath = args[++i] ?? '';
    // The tagger's transformer variant, reading the sentence encoder's token states (as the server runs it).
    else if (a === '--transformer') transformer = true;
    else if (a === '--split') {
      const v = args[++i] ?? '';
      if (!['dev', 'test', 'all', 'both', 'dev-fit', 'dev-val'].includes(v)) throw new Error('--split takes dev, test, all, both, dev-fit or dev-val');
      split = v as SplitOpt;
    }
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run eval:phi -- [--data PATH]... [--min-score 0.5] [--split dev|test|all|both|dev-fit|dev-val] [--transformer] [--no-tagger] [--tagger-model PATH] [--errors] [--json]\n');
      return;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'phi');
    paths.push(join(root, 'dev.jsonl'), join(root, 'dev-extra.jsonl'), join(root, 'test.jsonl'));
  }
  if (taggerModelPath) setTaggerModel(parseTaggerModel(readFileSync(taggerModelPath, 'utf8')), transformer);
  const encoder = transformer ? await loadEncoder({ threads: 1 }) : undefined;
  process.stdout.write(`PHI detector evaluation (min score ${minScore}${transformer ? ', tagger with the encoder\'s token states' : ''}); matching: partial overlap, same type (see header of scripts/eval-phi.ts)\n`);
  const summaries: unknown[] = [];
  let withheld = 0;
  for (const p of paths) {
    for (const ds of load(p, split)) {
      const showErrors = errors && !ds.heldOut;
      if (errors && ds.heldOut) withheld++;
      let states: TokenStates[] | undefined;
      if (encoder) {
        const t0 = performance.now();
        states = [];
        for (const ex of ds.examples) states.push(...(await tokenStatesOf(encoder, [ex.text])));
        process.stdout.write(`\n${ds.name}${ds.split ? ` (${ds.split})` : ''}: encoder token states ${((performance.now() - t0) / Math.max(1, ds.examples.length)).toFixed(2)} ms per text (1 thread)\n`);
      }
      summaries.push(report(ds, score(ds, minScore, showErrors, states)));
    }
  }
  if (errors) {
    process.stdout.write(`\n-- errors (development data only${withheld ? `; ${withheld} held-out set(s) not shown` : ''}) --\n${ERRORS.join('\n')}\n`);
  }
  if (json) process.stdout.write(JSON.stringify(summaries) + '\n');
  await encoder?.close();
}

main().catch((error: unknown) => {
  // Only the error's kind: a message could echo data.
  process.stderr.write(`eval-phi: ${error instanceof Error ? error.name + ': ' + error.message.slice(0, 200) : 'failed'}\n`);
  process.exit(1);
});
