/** The `npm run moderate` JSON Lines contract, through the real CLI process. */
import { spawnSync } from 'node:child_process';
import t from 'tap';

function run(lines: string[]) {
  const res = spawnSync(process.execPath, ['--import=tsx', 'scripts/moderate.ts'], { input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 60_000 });
  return { status: res.status, out: res.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), err: res.stderr };
}

t.test('one output line per input line, errors inline, run goes on', async (t) => {
  const { status, out } = run([
    JSON.stringify({ id: 'a', text: 'Call me on 503-555-0123 tonight', author_role: 'member' }),
    '{not json',
    JSON.stringify({ id: 'b', text: 'Thanks everyone, feeling better', author_role: 'clinician', question: 'How are you?' }),
    JSON.stringify({ id: 'c', author_role: 'member' }),
    JSON.stringify({ id: 'd', text: 'hi', author_role: 'pirate' }),
    JSON.stringify({ id: 'e', text: 'plain' }),
  ]);
  t.equal(status, 0);
  t.equal(out.length, 6);
  const a = out[0]!;
  t.equal(a.id, 'a');
  t.equal(a.action, 'redact');
  t.equal(a.published_text, 'Call me on [PHONE] tonight');
  const f = (a.findings as Array<Record<string, unknown>>)[0]!;
  t.same(Object.keys(f).slice(0, 7), ['stage', 'type', 'start', 'end', 'score', 'rule', 'message']);
  t.equal(f.type, 'PHONE');
  t.equal('Call me on 503-555-0123 tonight'.slice(f.start as number, f.end as number), '503-555-0123');
  t.type(a.ms, 'number');
  t.same(out[1], { id: null, error: { code: 'INVALID_JSON', message: 'The line is not valid JSON.' } });
  t.equal(out[2]!.id, 'b');
  t.match(out[2]!.action, /^(publish|redact|hold|reject)$/);
  t.equal((out[3]!.error as { code: string }).code, 'MISSING_TEXT');
  t.equal(out[3]!.id, 'c', 'the id is echoed on errors when readable');
  t.equal((out[4]!.error as { code: string }).code, 'INVALID_ROLE');
  t.equal(out[5]!.action, 'publish');
});
