/**
 * `npm run eval:misinfo -- [--data FILE.jsonl] [--shared ../shared/data] [options]`
 *
 * Scores texts with the shipped classifier (models/misinfo/head.json + claims.json on the ONNX
 * encoder, exactly as the pipeline stage does) and prints precision, recall, F1 and ROC-AUC for
 * MISINFO (positive class), a text counting as MISINFO when its score is at or above the threshold.
 *
 *   --data FILE      JSON Lines of {"text","label":"MISINFO"|"OK"}; without it, the project's own
 *                    held-out test split (test/fixtures/misinfo/test.jsonl)
 *   --shared DIR     also the held-out test splits of the shared sets: misinfo-covid19-rumor
 *                    (false -> MISINFO vs true -> OK, unverified excluded; tweets split by source
 *                    account, near-duplicate wordings kept in one split) and misinfo-reddit-health
 *                    (positives only: recall)
 *   --split NAME     which split of the own/shared sets to score (default test; dev for tuning)
 *   --threshold X    decision threshold (default 0.5 = the default policy's noteThreshold);
 *                    the default holdThreshold (0.85) is reported too
 *   --model-dir DIR  folder with head.json and claims.json (default models/misinfo)
 *   --encoder-dir DIR  USE-lite ONNX folder (default models/use-lite)
 *   --cache [DIR]    reuse an on-disk embedding cache (sha256(text) -> vector, no text stored)
 *   --json           print the results as JSON
 *   --no-everyday    skip the everyday false-alarm measure
 * Everyday false alarms: ordinary, claim-free posts run through the stage exactly as served
 * (misinformationStage: classifier + claim matching + the statement filter, default policy). It
 * prints the share of posts with a finding at >= holdThreshold (held) and at >= noteThreshold (held
 * or noted) for test/fixtures/crisis/everyday.jsonl (the crisis classifier's training data; not seen by this head),
 * test/fixtures/crisis/everyday2.jsonl (held out) and, with --shared, the advice-reddit *_test.tsv
 * sentences (held out).
 * Prints only counts and metrics: never the texts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCovidRumor, loadOwnCorpus, loadRedditHealth, readJsonl, ROOT, type Example, type Split } from './misinfo/data.js';
import { CachedEncoder, parseArgs } from './misinfo/encoders.js';
import { metrics, type Metrics } from './misinfo/metrics.js';
import { ClaimIndex } from '../moderation/misinfo/claims.js';
import { loadEncoder } from '../moderation/misinfo/encoder.js';
import { MisinfoScorer } from '../moderation/misinfo/scorer.js';
import { DEFAULT_MISINFO_POLICY, misinformationStage } from '../moderation/misinfo/stage.js';
import { adviceSentences, EVERYDAY_HELD_OUT_FILE, readTexts } from './misinfo/everyday.js';
import type { ClaimsFile, Encoder, HeadFile } from '../moderation/misinfo/types.js';

interface Row {
  name: string;
  threshold: number;
  m: Metrics;
}

function line(r: Row): string {
  const p = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
  const { m } = r;
  return (
    `${r.name.padEnd(40)} n=${String(m.n).padStart(5)} MISINFO=${String(m.positives).padStart(5)}  ` +
    `precision=${p(m.precision)} recall=${p(m.recall)} F1=${p(m.f1)} ROC-AUC=${p(m.rocAuc)}  (tp=${m.tp} fp=${m.fp} fn=${m.fn} tn=${m.tn}, threshold ${r.threshold})`
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const threshold = args.threshold !== undefined ? Number(args.threshold) : DEFAULT_MISINFO_POLICY.noteThreshold;
  const hold = DEFAULT_MISINFO_POLICY.holdThreshold;
  const split = (typeof args.split === 'string' ? args.split : 'test') as Split;
  if (!['train', 'dev', 'test'].includes(split)) throw new Error('--split must be train, dev or test');
  if (!(threshold >= 0 && threshold <= 1)) throw new Error('--threshold must be between 0 and 1');
  const modelDir = typeof args['model-dir'] === 'string' ? args['model-dir'] : join(ROOT, 'models/misinfo');
  const head = JSON.parse(readFileSync(join(modelDir, 'head.json'), 'utf8')) as HeadFile;
  const claims = JSON.parse(readFileSync(join(modelDir, 'claims.json'), 'utf8')) as ClaimsFile;

  // Data sets: [name, examples]
  const sets: Array<[string, Array<Pick<Example, 'text' | 'label'> & { kind?: string; set?: string }>]> = [];
  if (typeof args.data === 'string') sets.push([`data ${args.data}`, readJsonl(args.data)]);
  else sets.push([`own ${split} split`, loadOwnCorpus().filter((e) => e.split === split)]);
  const shared = typeof args.shared === 'string' ? args.shared : undefined;
  if (shared) {
    const covid = loadCovidRumor(join(shared, 'misinfo-covid19-rumor')).filter((e) => e.split === split);
    sets.push([`covid19-rumor ${split} (news+tweets)`, covid]);
    sets.push([`  covid19-rumor news`, covid.filter((e) => e.set === 'covid-news')]);
    sets.push([`  covid19-rumor tweets`, covid.filter((e) => e.set === 'covid-twitter')]);
    sets.push([`reddit-health ${split} (recall only)`, loadRedditHealth(join(shared, 'misinfo-reddit-health')).filter((e) => e.split === split)]);
  }

  const t0 = Date.now();
  const onnx = await loadEncoder(typeof args['encoder-dir'] === 'string' ? { modelDir: args['encoder-dir'] } : {});
  const encoder: Encoder = args.cache ? new CachedEncoder(onnx, 'use-lite-onnx', typeof args.cache === 'string' ? args.cache : undefined) : onnx;
  const scorer = new MisinfoScorer(encoder, head, await ClaimIndex.build(claims, encoder));

  const results: Array<Row & { set: string }> = [];
  const byKind: Record<string, { n: number; flagged: number; label: string }> = {};
  for (const [name, xs] of sets) {
    if (xs.length === 0) continue;
    const scored = await scorer.scoreTexts(xs.map((e) => e.text));
    const scores = scored.map((r) => r.score);
    const y = xs.map((e) => (e.label === 'MISINFO' ? 1 : 0));
    results.push({ set: name, name, threshold, m: metrics(scores, y, threshold) });
    results.push({ set: name, name: `${name} @hold`, threshold: hold, m: metrics(scores, y, hold) });
    if (name.startsWith('own')) {
      xs.forEach((e, i) => {
        const k = `${e.label === 'MISINFO' ? 'MISINFO' : 'OK'}/${e.kind ?? '?'}`;
        const b = (byKind[k] ??= { n: 0, flagged: 0, label: e.label });
        b.n++;
        if (scores[i]! >= threshold) b.flagged++;
      });
    }
  }
  // Everyday false alarms, through the stage as it runs in the pipeline (default policy).
  const falseAlarms: Array<{ name: string; n: number; held: number; noted: number }> = [];
  if (!args['no-everyday']) {
    const ordinary: Array<[string, string[]]> = [
      ['everyday.jsonl (crisis training set)', readTexts('test/fixtures/crisis/everyday.jsonl')],
      ['everyday2.jsonl (held out)', readTexts(EVERYDAY_HELD_OUT_FILE)],
    ];
    if (shared) ordinary.push(['advice-reddit *_test.tsv (held out)', adviceSentences(join(shared, 'advice-reddit'), 'test')]);
    const stage = misinformationStage(scorer);
    const policy = { misinfo: { ...DEFAULT_MISINFO_POLICY } } as unknown as Parameters<typeof stage.run>[0]['policy'];
    for (const [name, texts] of ordinary) {
      if (texts.length === 0) continue;
      let held = 0;
      let noted = 0;
      for (const text of texts) {
        const findings = await stage.run({ text, authorRole: 'member', policy, now: 0 });
        const top = Math.max(0, ...findings.map((f) => f.score));
        if (findings.some((f) => f.action === 'hold') || top >= hold) held++;
        else if (findings.length > 0 && top >= DEFAULT_MISINFO_POLICY.noteThreshold) noted++;
      }
      falseAlarms.push({ name, n: texts.length, held, noted });
    }
  }
  await encoder.close();
  const seconds = (Date.now() - t0) / 1000;

  if (args.json) {
    process.stdout.write(JSON.stringify({ threshold, hold, split, results: results.map((r) => ({ name: r.name, threshold: r.threshold, ...r.m })), byKind, falseAlarms, seconds }, null, 1) + '\n');
    return;
  }
  process.stdout.write(`misinformation classifier (head ${head.encoder}, ${head.layers.length === 1 ? 'logistic' : `MLP ${head.layers[0]!.out}`} head, combine=${head.combine}, ${claims.claims.length} claims), MISINFO = score >= ${threshold}\n`);
  for (const r of results) process.stdout.write(line(r) + '\n');
  if (Object.keys(byKind).length) {
    process.stdout.write('own split by kind (share scored >= threshold):\n');
    for (const [k, b] of Object.entries(byKind).sort()) process.stdout.write(`  ${k.padEnd(22)} ${b.flagged}/${b.n}\n`);
  }
  if (falseAlarms.length) {
    const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)}%`;
    process.stdout.write(`everyday false alarms (ordinary claim-free posts, through the stage; held = finding >= ${hold}, noted = ${DEFAULT_MISINFO_POLICY.noteThreshold}..${hold}):\n`);
    for (const f of falseAlarms)
      process.stdout.write(
        `  ${f.name.padEnd(38)} n=${String(f.n).padStart(5)}  held ${f.held}/${f.n} (${pct(f.held, f.n)})  noted ${f.noted}/${f.n} (${pct(f.noted, f.n)})  >= note ${f.held + f.noted}/${f.n} (${pct(f.held + f.noted, f.n)})\n`,
      );
  }
  process.stdout.write(`(${seconds.toFixed(1)} s)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`eval-misinfo: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
