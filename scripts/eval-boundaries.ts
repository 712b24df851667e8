/**
 * `npm run eval:boundaries -- [--data PATH] [--errors] [--check] [--json]`
 * Precision and recall per boundary rule on a labeled JSONL file (default: the held-out test split).
 * Each line: {"id","author_role":"clinician|member","question"?,"text","labels":[rule ids]}.
 * --errors lists the ids of misclassified examples (ids only, never text); --check exits 1 when a
 * rule misses the target (recall >= 0.85 and precision >= 0.85).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { boundaryStage, DISCLAIMER_RULE } from '../moderation/boundaries/index.js';
import { defaultPolicy, type AuthorRole } from '../moderation/index.js';

interface Example {
  id: string;
  author_role: AuthorRole;
  question?: string;
  text: string;
  labels: string[];
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataPath = value('--data') ?? fileURLToPath(new URL('../test/fixtures/boundaries/test.jsonl', import.meta.url));
const TARGET = 0.85;

function load(path: string): Example[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l, i) => {
      const v = JSON.parse(l) as Partial<Example>;
      if (typeof v.text !== 'string' || !Array.isArray(v.labels)) throw new Error(`line ${i + 1}: needs "text" and "labels"`);
      return { id: String(v.id ?? i + 1), author_role: v.author_role ?? 'clinician', text: v.text, labels: v.labels, ...(v.question ? { question: v.question } : {}) };
    });
}

async function main(): Promise<void> {
  const examples = load(dataPath);
  const stage = boundaryStage();
  const policy = defaultPolicy();
  const counts = new Map<string, { tp: number; fp: number; fn: number; support: number }>();
  const get = (r: string) => counts.get(r) ?? counts.set(r, { tp: 0, fp: 0, fn: 0, support: 0 }).get(r)!;
  const errors: string[] = [];
  let exact = 0;
  let disclaimerOk = 0;
  let clinicianClean = 0;
  const t0 = performance.now();
  for (const ex of examples) {
    const findings = await stage.run({
      text: ex.text,
      authorRole: ex.author_role,
      policy,
      ...(ex.question !== undefined ? { replyTo: { text: ex.question } } : {}),
      now: 0,
    });
    const predicted = new Set(findings.filter((f) => f.rule !== DISCLAIMER_RULE).map((f) => f.rule));
    const gold = new Set(ex.labels);
    for (const r of gold) get(r).support++;
    for (const r of new Set([...gold, ...predicted])) {
      const c = get(r);
      if (gold.has(r) && predicted.has(r)) c.tp++;
      else if (predicted.has(r)) {
        c.fp++;
        errors.push(`${ex.id}\tFP\t${r}`);
      } else {
        c.fn++;
        errors.push(`${ex.id}\tFN\t${r}`);
      }
    }
    if (gold.size === predicted.size && [...gold].every((r) => predicted.has(r))) exact++;
    if (ex.author_role === 'clinician' && gold.size === 0) {
      clinicianClean++;
      if (findings.some((f) => f.rule === DISCLAIMER_RULE)) disclaimerOk++;
    }
  }
  const ms = performance.now() - t0;
  const rows = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, c]) => {
    const precision = c.tp + c.fp === 0 ? (c.support === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
    const recall = c.support === 0 ? 1 : c.tp / (c.tp + c.fn);
    return { rule, support: c.support, tp: c.tp, fp: c.fp, fn: c.fn, precision, recall, meets: precision >= TARGET && recall >= TARGET };
  });
  if (flag('--json')) {
    process.stdout.write(JSON.stringify({ data: dataPath, examples: examples.length, rows, exact, ms }) + '\n');
  } else {
    process.stdout.write(`data: ${dataPath}\nexamples: ${examples.length}\n\n`);
    process.stdout.write(`${'rule'.padEnd(28)}${'support'.padStart(8)}${'tp'.padStart(5)}${'fp'.padStart(5)}${'fn'.padStart(5)}${'precision'.padStart(11)}${'recall'.padStart(8)}  target\n`);
    for (const r of rows) {
      process.stdout.write(
        `${r.rule.padEnd(28)}${String(r.support).padStart(8)}${String(r.tp).padStart(5)}${String(r.fp).padStart(5)}${String(r.fn).padStart(5)}` +
          `${r.precision.toFixed(3).padStart(11)}${r.recall.toFixed(3).padStart(8)}  ${r.meets ? 'ok' : 'MISS'}\n`,
      );
    }
    process.stdout.write(`\nexact label-set match: ${exact}/${examples.length}\n`);
    process.stdout.write(`disclaimer on clean clinician replies: ${disclaimerOk}/${clinicianClean}\n`);
    process.stdout.write(`time: ${ms.toFixed(0)} ms (${(ms / Math.max(1, examples.length)).toFixed(2)} ms per message)\n`);
    if (flag('--errors') && errors.length > 0) process.stdout.write(`\nerrors (id, kind, rule):\n${errors.join('\n')}\n`);
  }
  if (flag('--check') && rows.some((r) => !r.meets)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`eval-boundaries: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
