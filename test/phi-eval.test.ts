import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const root = fileURLToPath(new URL('..', import.meta.url));

t.test('eval:phi scores the project fixtures on a clean checkout (no ../shared needed)', async (t) => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/eval-phi.ts', '--data', 'test/fixtures/phi/test.jsonl', '--json'], { cwd: root, encoding: 'utf8' });
  t.match(out, /== test\.jsonl: \d+ texts/);
  t.match(out, /OVERALL \(typed\)/);
  const summary = JSON.parse(out.trim().split('\n').pop()!) as Array<{ dataset: string; overall: { p: number; r: number; f2: number }; perType: Record<string, unknown> }>;
  t.equal(summary.length, 1);
  t.equal(Object.keys(summary[0]!.perType).length, 19, 'every type appears in the held-out split');
  t.ok(summary[0]!.overall.p >= 0.85, `overall precision ${summary[0]!.overall.p}`);
  t.ok(summary[0]!.overall.r >= 0.85, `overall recall ${summary[0]!.overall.r}`);
  const fixture = (await import('node:fs')).readFileSync(`${root}/test/fixtures/phi/test.jsonl`, 'utf8');
  const firstText = (JSON.parse(fixture.split('\n')[0]!) as { text: string }).text;
  t.notOk(out.includes(firstText), 'the report prints no message text');
});
