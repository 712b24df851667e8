import t from 'tap';
import { createPipeline } from '../moderation/pipeline.js';
import { defaultPolicy } from '../moderation/policy.js';
import { phiStage } from '../moderation/phi/stage.js';
import type { AuthorRole, CommunityPolicy, StageInput } from '../moderation/types.js';

const input = (text: string, authorRole: AuthorRole = 'member', phi?: Record<string, unknown>): StageInput => {
  const policy = defaultPolicy();
  if (phi) (policy as { phi: unknown }).phi = { ...policy.phi, ...phi };
  return { text, authorRole, policy: policy as CommunityPolicy, now: 0 };
};
const pipeline = createPipeline([phiStage()], { stageTimeoutMs: 5000 });

t.test("the member's own contact details are redacted and the author is told why", async (t) => {
  const text = 'Text me at (503) 284-7719 or dana.k@gmail.com.';
  const r = await pipeline.moderate(input(text));
  t.equal(r.action, 'redact');
  t.equal(r.publishedText, 'Text me at [PHONE] or [EMAIL].');
  t.match(r.reason, /phone number/);
  const f = r.findings[0]!;
  t.equal(f.stage, 'phi');
  t.equal(f.rule, 'PHI_PHONE');
  t.equal(f.replacement, '[PHONE]');
  t.equal(f.action, 'redact');
});

t.test("another person's identifying details hold the message", async (t) => {
  for (const text of ['Dr. Okafor at Riverside was so dismissive.', "My son's birthday is June 3rd and he hates hospitals.", "Here is my husband's cell: (503) 284-7719."]) {
    const r = await pipeline.moderate(input(text));
    t.equal(r.action, 'hold', text);
    t.match(r.reason, /someone else/);
  }
});

t.test("anything in a clinician's reply holds it", async (t) => {
  const r = await pipeline.moderate(input('Call my office at (503) 284-7719 to book.', 'clinician'));
  t.equal(r.action, 'hold');
  t.match(r.reason, /clinicians/);
});

t.test('policy fields are read with fallbacks', async (t) => {
  const stage = phiStage();
  const other = await stage.run(input('Dr. Okafor was great.', 'member', { otherPersonAction: 'note' }));
  t.equal(other[0]!.action, 'note', 'otherPersonAction is configurable');
  const off = await stage.run(input('Text me at (503) 284-7719.', 'member', { actions: { PHONE: 'none' } }));
  t.equal(off[0]!.action, 'none', "a type set to 'none' is allowed");
  const clin = await stage.run(input('Call (503) 284-7719.', 'clinician', { clinicianAction: 'redact' }));
  t.equal(clin[0]!.action, 'redact', 'clinicianAction is configurable');
  const strict = await stage.run(input('I told Priya about it.', 'member', { minScore: 0.95 }));
  t.same(strict, [], 'minScore drops weaker spans');
  const broken = await stage.run({ ...input('Text me at (503) 284-7719.'), policy: { ...defaultPolicy(), phi: undefined as never } });
  t.equal(broken[0]!.action, 'redact', 'a policy without phi falls back to defaults');
});

t.test('findings never carry the matched text', async (t) => {
  const text = 'My SSN is 536-32-3065 and my son Jake was born 03/14/2015.';
  const findings = await phiStage().run(input(text));
  t.ok(findings.length >= 3);
  const serialized = JSON.stringify(findings);
  for (const secret of ['536-32-3065', 'Jake', '03/14/2015']) t.notOk(serialized.includes(secret), `no "${secret}" in findings`);
  for (const f of findings) t.same(Object.keys(f.detail ?? {}).sort(), ['reason', 'source', 'subject']);
});

t.test('an extra recognizer (future NER) joins the overlap resolution', async (t) => {
  const stage = phiStage({ extra: async (text) => [{ type: 'PERSON', start: text.indexOf('Zyx'), end: text.indexOf('Zyx') + 3, score: 0.9, source: 'ner' }] });
  const findings = await stage.run(input('I met Zyx at group.'));
  t.equal(findings.length, 1);
  t.equal(findings[0]!.type, 'PERSON');
  t.equal(findings[0]!.action, 'hold');
});
