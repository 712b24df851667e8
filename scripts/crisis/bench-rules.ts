/**
 * `npx tsx scripts/crisis/bench-rules.ts [--root DIR] [--rounds N]`
 * Time per message of the rule paths (detectCrisis over the crisis fixtures, the boundary stage over
 * the boundary fixtures), no encoder. --root points at another checkout's root (for a before/after
 * comparison, e.g. `git archive <commit> moderation | tar -x -C /tmp/old` plus a node_modules link).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const here = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const root = resolve(value('--root') ?? here);
const rounds = Number(value('--rounds') ?? 20);

const load = (dir: string) =>
  ['dev', 'test', 'challenge', 'challenge2', 'fresh', 'fresh2']
    .flatMap((f) => readFileSync(`${here}/test/fixtures/${dir}/${f}.jsonl`, 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as { text: string; question?: string; author_role?: string });

async function main(): Promise<void> {
  type Crisis = typeof import('../../moderation/crisis/index.js');
  type Boundaries = typeof import('../../moderation/boundaries/index.js');
  type Mod = typeof import('../../moderation/index.js');
  const crisis = (await import(`${root}/moderation/crisis/index.ts`)) as Crisis;
  const boundaries = (await import(`${root}/moderation/boundaries/index.ts`)) as Boundaries;
  const { defaultPolicy } = (await import(`${root}/moderation/index.ts`)) as Mod;
  const lex = crisis.compileLexicon(crisis.CRISIS_LEXICON_V1);
  const texts = load('crisis').map((e) => e.text);
  for (const t of texts) crisis.detectCrisis(lex, t);
  let t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) crisis.detectCrisis(lex, t);
  const crisisMs = (performance.now() - t0) / rounds / texts.length;
  const stage = boundaries.boundaryStage();
  const policy = defaultPolicy();
  const inputs = load('boundaries').map((e) => ({
    text: e.text,
    authorRole: (e.author_role ?? 'clinician') as 'clinician' | 'member',
    policy,
    now: 0,
    ...(e.question ? { replyTo: { text: e.question } } : {}),
  }));
  for (const i of inputs) await stage.run(i);
  t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const i of inputs) await stage.run(i);
  const boundaryMs = (performance.now() - t0) / rounds / inputs.length;
  process.stdout.write(`root ${root}\ndetectCrisis: ${texts.length} messages, ${crisisMs.toFixed(3)} ms per message\nboundary stage: ${inputs.length} messages, ${boundaryMs.toFixed(3)} ms per message\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-rules: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
