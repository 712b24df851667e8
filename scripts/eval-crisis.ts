/**
 * `npm run eval:crisis -- [--data PATH] [--errors] [--check] [--json]`
 * Precision and recall of the crisis stage, overall (any crisis) and per kind, on a labeled JSONL
 * file (default: the held-out test split). Each line: {"id","text","author_role"?,"kinds":[...]}.
 * --errors lists misclassified ids (never text); --check exits 1 below target
 * (any-crisis recall >= 0.95 with precision >= 0.80).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crisisStage } from '../moderation/crisis/index.js';
import { defaultPolicy, type AuthorRole } from '../moderation/index.js';

interface Example {
  id: string;
  author_role: AuthorRole;
  text: string;
  kinds: string[];
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataPath = value('--data') ?? fileURLToPath(new URL('../test/fixtures/crisis/test.jsonl', import.meta.url));
const KINDS = ['suicidal', 'self_harm', 'overdose', 'medical_emergency', 'abuse'];

function load(path: string): Example[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l, i) => {
      const v = JSON.parse(l) as Partial<Example>;
      if (typeof v.text !== 'string' || !Array.isArray(v.kinds)) throw new Error(`line ${i + 1}: needs "text" and "kinds"`);
      return { id: String(v.id ?? i + 1), author_role: v.author_role ?? 'member', text: v.text, kinds: v.kinds };
    });
}

async function main(): Promise<void> {
  const examples = load(dataPath);
  const stage = crisisStage();
  const policy = defaultPolicy();
  const stats = new Map<string, { tp: number; fp: number; fn: number; support: number }>();
  const get = (k: string) => stats.get(k) ?? stats.set(k, { tp: 0, fp: 0, fn: 0, support: 0 }).get(k)!;
  for (const k of ['ANY', ...KINDS]) get(k);
  const errors: string[] = [];
  let urgentAll = true;
  const t0 = performance.now();
  for (const ex of examples) {
    const findings = await stage.run({ text: ex.text, authorRole: ex.author_role, policy, now: 0 });
    if (findings.some((f) => f.urgent !== true || f.action !== 'hold' || f.type !== 'CRISIS')) urgentAll = false;
    const predicted = new Set(findings.map((f) => String(f.detail?.kind)));
    const gold = new Set(ex.kinds);
    const tally = (k: string, g: boolean, p: boolean) => {
      const c = get(k);
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
  const rows = ['ANY', ...KINDS].map((k) => {
    const c = get(k);
    const precision = c.tp + c.fp === 0 ? (c.support === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
    const recall = c.support === 0 ? 1 : c.tp / (c.tp + c.fn);
    return { kind: k, ...c, precision, recall };
  });
  const any = rows[0]!;
  const meets = any.recall >= 0.95 && any.precision >= 0.8;
  if (flag('--json')) {
    process.stdout.write(JSON.stringify({ data: dataPath, examples: examples.length, rows, meets, ms }) + '\n');
  } else {
    const negatives = examples.filter((e) => e.kinds.length === 0).length;
    process.stdout.write(`data: ${dataPath}\nexamples: ${examples.length} (${examples.length - negatives} crisis, ${negatives} not)\n\n`);
    process.stdout.write(`${'kind'.padEnd(20)}${'support'.padStart(8)}${'tp'.padStart(5)}${'fp'.padStart(5)}${'fn'.padStart(5)}${'precision'.padStart(11)}${'recall'.padStart(8)}\n`);
    for (const r of rows) {
      process.stdout.write(
        `${(r.kind === 'ANY' ? 'any crisis' : r.kind).padEnd(20)}${String(r.support).padStart(8)}${String(r.tp).padStart(5)}${String(r.fp).padStart(5)}${String(r.fn).padStart(5)}` +
          `${r.precision.toFixed(3).padStart(11)}${r.recall.toFixed(3).padStart(8)}\n`,
      );
    }
    process.stdout.write(`\ntarget (any crisis: recall >= 0.95, precision >= 0.80): ${meets ? 'met' : 'NOT met'}\n`);
    process.stdout.write(`every finding urgent hold CRISIS: ${urgentAll ? 'yes' : 'NO'}\n`);
    process.stdout.write(`time: ${ms.toFixed(0)} ms (${(ms / Math.max(1, examples.length)).toFixed(2)} ms per message)\n`);
    if (flag('--errors') && errors.length > 0) process.stdout.write(`\nerrors (id, kind):\n${errors.join('\n')}\n`);
  }
  if (flag('--check') && (!meets || !urgentAll)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`eval-crisis: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
