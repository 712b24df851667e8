/**
 * `npm run eval:crisis -- [--data PATH] [--rules-only] [--errors] [--check] [--json]`
 * Precision and recall of the crisis stage, overall (any crisis) and per kind, for three setups:
 *  - rules: the lexicon alone (`crisisStage()`),
 *  - classifier: the encoder classifier alone (models/crisis, through the stage's gate),
 *  - combined: both, either can report (`createCrisisStage({ encoder })`, what the server runs).
 * Default: every labeled set in test/fixtures/crisis, training files marked as such (figures on
 * them are not held-out figures; the classifier learned from them and the rules were developed on
 * them), then the held-out files: test (the issue's test split), fresh2 and fresh3.
 * --data evaluates one file; --rules-only skips the encoder; --errors lists misclassified ids
 * (never text); --check exits 1 when the combined setup misses the target on the test split
 * (any-crisis recall >= 0.95 with precision >= 0.80) or a finding is not an urgent CRISIS hold.
 */
import { basename } from 'node:path';
import { createCrisisStage, crisisStage } from '../moderation/crisis/index.js';
import { defaultPolicy, type Stage } from '../moderation/index.js';
import { loadEncoder } from '../moderation/misinfo/encoder.js';
import { fixturePath, HELD_OUT_FILES, loadExamples, TRAIN_FILES, type CrisisExample } from './crisis/data.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const KINDS = ['suicidal', 'self_harm', 'overdose', 'medical_emergency', 'abuse'];
const MODES = flag('--rules-only') ? (['rules'] as const) : (['rules', 'classifier', 'combined'] as const);
type Mode = (typeof MODES)[number];

interface Row {
  kind: string;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

interface SplitResult {
  split: string;
  heldOut: boolean;
  examples: number;
  crisis: number;
  modes: Partial<Record<Mode, { rows: Row[]; msPerMessage: number; errors: string[]; urgentAll: boolean }>>;
}

async function evaluate(stage: Stage, examples: CrisisExample[]) {
  const policy = defaultPolicy();
  const stats = new Map<string, { tp: number; fp: number; fn: number; support: number }>();
  for (const k of ['ANY', ...KINDS]) stats.set(k, { tp: 0, fp: 0, fn: 0, support: 0 });
  const errors: string[] = [];
  let urgentAll = true;
  const t0 = performance.now();
  for (const ex of examples) {
    const findings = await stage.run({ text: ex.text, authorRole: ex.author_role, policy, now: 0 });
    if (findings.some((f) => f.urgent !== true || f.action !== 'hold' || f.type !== 'CRISIS')) urgentAll = false;
    const predicted = new Set(findings.map((f) => String(f.detail?.kind)));
    const gold = new Set(ex.kinds);
    const tally = (k: string, g: boolean, p: boolean) => {
      const c = stats.get(k)!;
      if (g) c.support++;
      if (g && p) c.tp++;
      else if (p) {
        c.fp++;
        errors.push(`${ex.id}\tFP\t${k}`);
      } else if (g) {
        c.fn++;
        errors.push(`${ex.id}\tFN\t${k}`);
      }
    };
    tally('ANY', gold.size > 0, predicted.size > 0);
    for (const k of KINDS) tally(k, gold.has(k), predicted.has(k));
  }
  const ms = performance.now() - t0;
  const rows: Row[] = ['ANY', ...KINDS].map((k) => {
    const c = stats.get(k)!;
    const precision = c.tp + c.fp === 0 ? (c.support === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
    const recall = c.support === 0 ? 1 : c.tp / (c.tp + c.fn);
    return { kind: k, ...c, precision, recall };
  });
  return { rows, msPerMessage: ms / Math.max(1, examples.length), errors, urgentAll };
}

async function main(): Promise<void> {
  const data = value('--data');
  const splits = data
    ? [{ split: basename(data).replace(/\.jsonl$/, ''), path: data, heldOut: (HELD_OUT_FILES as readonly string[]).includes(basename(data).replace(/\.jsonl$/, '')) }]
    : [...TRAIN_FILES.map((f) => ({ split: f, path: fixturePath(f), heldOut: false })), ...HELD_OUT_FILES.map((f) => ({ split: f, path: fixturePath(f), heldOut: true }))];
  const encoder = MODES.length > 1 ? await loadEncoder() : undefined;
  const stages: Partial<Record<Mode, Stage>> = { rules: crisisStage() };
  if (encoder) {
    stages.classifier = createCrisisStage({ encoder, rules: false });
    stages.combined = createCrisisStage({ encoder });
  }
  const results: SplitResult[] = [];
  try {
    for (const s of splits) {
      const examples = loadExamples(s.path);
      const r: SplitResult = { split: s.split, heldOut: s.heldOut, examples: examples.length, crisis: examples.filter((e) => e.kinds.length > 0).length, modes: {} };
      for (const mode of MODES) r.modes[mode] = await evaluate(stages[mode]!, examples);
      results.push(r);
    }
  } finally {
    await encoder?.close();
  }
  const testSplit = results.find((r) => r.split === 'test');
  const judged = testSplit?.modes[MODES[MODES.length - 1]!] ?? results[0]!.modes[MODES[MODES.length - 1]!]!;
  const any = judged.rows[0]!;
  const meets = any.recall >= 0.95 && any.precision >= 0.8;
  const urgentAll = results.every((r) => Object.values(r.modes).every((m) => m.urgentAll));
  if (flag('--json')) {
    process.stdout.write(JSON.stringify({ results: results.map((r) => ({ ...r, modes: Object.fromEntries(Object.entries(r.modes).map(([k, m]) => [k, { rows: m.rows, msPerMessage: m.msPerMessage }])) })), meets, urgentAll }) + '\n');
  } else {
    const out = process.stdout;
    const f3 = (v: number) => v.toFixed(3);
    for (const r of results) {
      out.write(`\n== ${r.split} ${r.heldOut ? '(HELD OUT: never used to train or tune the classifier)' : '(training data: not a held-out figure)'}: ${r.examples} examples (${r.crisis} crisis, ${r.examples - r.crisis} not)\n`);
      out.write(`${'kind'.padEnd(19)}${'support'.padStart(7)}` + MODES.map((m) => `  | ${m.padEnd(10)} P      R   (tp/fp/fn)`).join('') + '\n');
      r.modes[MODES[0]]!.rows.forEach((row, i) => {
        out.write(`${(row.kind === 'ANY' ? 'any crisis' : row.kind).padEnd(19)}${String(row.support).padStart(7)}`);
        for (const m of MODES) {
          const x = r.modes[m]!.rows[i]!;
          out.write(`  | ${' '.repeat(8)}${f3(x.precision)}  ${f3(x.recall)}  ${`(${x.tp}/${x.fp}/${x.fn})`.padEnd(11)}`);
        }
        out.write('\n');
      });
      out.write(`${'ms per message'.padEnd(26)}` + MODES.map((m) => `  | ${r.modes[m]!.msPerMessage.toFixed(2).padStart(19)}${' '.repeat(15)}`).join('') + '\n');
      if (flag('--errors')) for (const m of MODES) if (r.modes[m]!.errors.length > 0) out.write(`errors (${m}; id, FP/FN, kind):\n${r.modes[m]!.errors.join('\n')}\n`);
    }
    out.write(`\ntarget on ${testSplit ? 'the test split' : results[0]!.split} (${MODES[MODES.length - 1]}; any crisis: recall >= 0.95, precision >= 0.80): ${meets ? 'met' : 'NOT met'} (recall ${f3(any.recall)}, precision ${f3(any.precision)})\n`);
    out.write(`every finding urgent hold CRISIS: ${urgentAll ? 'yes' : 'NO'}\n`);
  }
  if (flag('--check') && (!meets || !urgentAll)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`eval-crisis: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
