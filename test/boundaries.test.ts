import { readFileSync } from 'node:fs';
import t from 'tap';
import {
  boundaryStage,
  CLINICIAN_BOUNDARIES_V1,
  CLINICIAN_CLAIMS_V1,
  DISCLAIMER_RULE,
  type BoundaryRuleId,
} from '../moderation/boundaries/index.js';
import { createPipeline, defaultPolicy, type AuthorRole, type CommunityPolicy, type Finding } from '../moderation/index.js';

const stage = boundaryStage();

async function run(text: string, opts: { question?: string; role?: AuthorRole; policy?: CommunityPolicy } = {}): Promise<Finding[]> {
  return stage.run({
    text,
    authorRole: opts.role ?? 'clinician',
    policy: opts.policy ?? defaultPolicy(),
    ...(opts.question !== undefined ? { replyTo: { text: opts.question } } : {}),
    now: 0,
  });
}
const rulesOf = (fs: Finding[]) => fs.filter((f) => f.rule !== DISCLAIMER_RULE).map((f) => f.rule).sort();

/** Positive and hard-negative examples per rule, written for these tests (not in the fixtures). */
const CASES: Record<Exclude<BoundaryRuleId, 'UNVERIFIED_CLINICIAN_CLAIM'>, { pos: Array<[string, string]>; neg: Array<[string, string]> }> = {
  INDIVIDUAL_DIAGNOSIS: {
    pos: [
      ['My wrists ache and my fingers tingle at night.', 'You have carpal tunnel syndrome.'],
      ['I am always bloated after dairy.', "You're lactose intolerant, that's all this is."],
      ['My skin turned yellow last week.', 'It looks like you definitely have hepatitis.'],
    ],
    neg: [
      ['My wrists ache and my fingers tingle at night.', 'Tingling at night can come from several causes, carpal tunnel syndrome among them. A GP can test your wrist.'],
      ['I am always bloated after dairy.', 'If you have lactose intolerance, smaller servings or lactose-free milk often help.'],
      ['Is celiac disease genetic?', 'Many people with celiac disease have a relative with it too.'],
    ],
  },
  SPECIFIC_DOSING: {
    pos: [
      ['My blood pressure is still high on amlodipine.', 'Go up to 10 mg of amlodipine from tomorrow.'],
      ['I hate the side effects of my statin.', 'You should stop the atorvastatin and see how your muscles feel.'],
      ['My headaches are daily.', 'Take 1000 mg of paracetamol every morning to get ahead of them.'],
    ],
    neg: [
      ['My blood pressure is still high on amlodipine.', 'Ask your prescriber whether a dose change or a second medicine makes sense.'],
      ['How are statin doses chosen?', 'Statin doses usually depend on your overall heart risk and how you tolerate them.'],
      ['Is it bad to stop my antidepressant?', "Please don't stop it suddenly; talk to your prescriber about a plan."],
    ],
  },
  CONTACT_SOLICITATION: {
    pos: [
      ['My scans look odd.', 'Inbox me the images and I will take a look.'],
      ['I need a new doctor.', 'Happy to take you on as a patient, just call my office.'],
    ],
    neg: [
      ['My scans look odd.', 'The radiologist who reported them, or your own doctor, can explain them.'],
      ['I need a new doctor.', 'Your insurer or local health service can give you a list of clinics taking new patients.'],
    ],
  },
  UNDISCLOSED_PROMOTION: {
    pos: [
      ['What helps with dry eyes?', 'Use code DRYEYE15 at checkout for my favourite drops.'],
      ['Any diet books?', 'Check out my new book on anti-inflammatory eating.'],
    ],
    neg: [
      ['What helps with dry eyes?', 'Preservative-free lubricating drops help many people; an optometrist can suggest a type.'],
      ['Any diet books?', 'Full disclosure: I wrote one, so I am biased. Your dietitian can suggest several good ones.'],
    ],
  },
  PATIENT_CONFIDENTIALITY: {
    pos: [
      ['Can kids get kidney stones?', 'Yes, I treated a 9-year-old girl from Maple Grove for this last month.'],
      ['Does this affect athletes?', 'My patient Carlos, the goalkeeper, had the same problem.'],
    ],
    neg: [
      ['Can kids get kidney stones?', 'Yes, children can get them, though it is less common than in adults.'],
      ['Does this affect athletes?', 'Many of my patients are athletes, and most return to sport.'],
    ],
  },
  DISMISS_URGENT: {
    pos: [['My mouth is drooping and my arm went numb twenty minutes ago.', 'Probably a trapped nerve. Gentle stretches should help.']],
    neg: [
      ['My mouth is drooping and my arm went numb twenty minutes ago.', 'Call 911 now: those can be stroke signs.'],
      ['What are the warning signs of a stroke?', 'Face drooping, arm weakness and speech trouble are the common ones.'],
    ],
  },
  GUARANTEE: {
    pos: [
      ['Will acupuncture help my back?', 'It works for everyone, you will see.'],
      ['Is this vaccine safe?', 'It is completely safe with zero risk.'],
    ],
    neg: [
      ['Will acupuncture help my back?', 'Some people find it helps; the evidence is mixed and it will not work for everyone.'],
      ['Is this vaccine safe?', 'Serious side effects are rare; nothing is completely risk-free, but the benefits are large.'],
    ],
  },
  DISPARAGING_REMARKS: {
    pos: [['My cardiologist ignored me.', 'Cardiologists like that are useless.']],
    neg: [['My cardiologist ignored me.', 'That sounds frustrating; it is fine to ask for a second opinion.']],
  },
};

for (const [rule, { pos, neg }] of Object.entries(CASES)) {
  t.test(`${rule}: positives`, async (t) => {
    for (const [question, text] of pos) {
      const fs = await run(text, { question });
      t.ok(rulesOf(fs).includes(rule), `flags: ${text}`);
      const f = fs.find((x) => x.rule === rule)!;
      t.equal(f.stage, 'boundaries');
      t.equal(f.type, 'BOUNDARY');
      t.equal(f.action, 'hold');
      t.notOk(fs.some((x) => x.rule === DISCLAIMER_RULE), 'no disclaimer on a violation');
    }
  });
  t.test(`${rule}: hard negatives`, async (t) => {
    for (const [question, text] of neg) {
      const fs = await run(text, { question });
      t.notOk(rulesOf(fs).includes(rule), `passes: ${text}`);
    }
  });
}

t.test('a clean clinician reply gets exactly one disclaimer note with the community text', async (t) => {
  const policy = { ...defaultPolicy(), clinicianDisclaimer: 'General info only. Ask your own team.' };
  const fs = await run('Doses usually depend on weight and kidney function.', { question: 'How are doses chosen?', policy });
  t.equal(fs.length, 1);
  t.match(fs[0], { stage: 'boundaries', type: 'BOUNDARY', rule: DISCLAIMER_RULE, action: 'note', message: 'General info only. Ask your own team.' });
  const empty = await run('Doses usually depend on weight.', { policy: { ...defaultPolicy(), clinicianDisclaimer: '  ' } });
  t.same(empty, [], 'an empty disclaimer adds nothing');
});

t.test('only clinician replies are checked by boundary rules; members get the claim check', async (t) => {
  const text = 'You have gastroparesis. Take 10 mg of metoclopramide.';
  t.same(await run(text, { role: 'member' }), []);
  t.same(await run(text, { role: 'moderator' }), []);
  const claim = await run('As an ICU nurse I can tell you that is normal.', { role: 'member' });
  t.equal(claim.length, 1);
  t.match(claim[0], { stage: 'boundaries', type: 'UNVERIFIED_CLINICIAN_CLAIM', rule: 'UNVERIFIED_CLINICIAN_CLAIM', action: 'hold' });
  t.same(await run('As an ICU nurse I can tell you that is normal.', { role: 'clinician' }).then(rulesOf), [], 'verified clinicians are not flagged for saying so');
});

t.test('unverified clinician claims: hard negatives', async (t) => {
  for (const text of [
    'My dad was a doctor, so I grew up around this.',
    "I'm not a nurse, but my sister is one.",
    'I asked my pharmacist and she said it was fine.',
    "I'd love to be a midwife one day.",
    'As a patient of ten years, I know the drill.',
  ]) {
    t.same(await run(text, { role: 'member' }), [], text);
  }
});

t.test('findings carry valid spans and no matched text in detail', async (t) => {
  const text = 'Thanks for asking. You have gout. Take 800 mg of ibuprofen three times a day.';
  const fs = await run(text, { question: 'My toe is red and swollen.' });
  t.same(rulesOf(fs), ['INDIVIDUAL_DIAGNOSIS', 'SPECIFIC_DOSING']);
  for (const f of fs) {
    t.ok(f.start >= 0 && f.end <= text.length && f.end > f.start, 'span inside the text');
    const detail = JSON.stringify(f.detail);
    t.notMatch(detail, /gout|ibuprofen|800/i, 'detail has ids only');
    t.match(f.detail, { ruleSet: 'clinician-boundaries', ruleSetVersion: CLINICIAN_BOUNDARIES_V1.version });
  }
  t.equal(text.slice(fs[0]!.start, fs[0]!.end), 'You have gout.');
});

t.test('community overrides: note uses the reader note, none only records', async (t) => {
  const policy = { ...defaultPolicy(), clinicianBoundaries: { actions: { GUARANTEE: 'note', SPECIFIC_DOSING: 'none' } } } as CommunityPolicy;
  const fs = await run('This will cure you. Take 2 tablets.', { policy });
  const g = fs.find((f) => f.rule === 'GUARANTEE')!;
  t.equal(g.action, 'note');
  t.equal(g.message, CLINICIAN_BOUNDARIES_V1.rules.find((r) => r.id === 'GUARANTEE')!.note);
  t.equal(fs.find((f) => f.rule === 'SPECIFIC_DOSING')!.action, 'none');
  t.notOk(fs.some((f) => f.rule === DISCLAIMER_RULE), 'a note-level violation is not a pass');
  const off = { ...defaultPolicy(), clinicianBoundaries: { enabled: false, checkUnverifiedClaims: false } } as CommunityPolicy;
  t.same(await run('This will cure you.', { policy: off }), []);
  t.same(await run('As a nurse, trust me.', { role: 'member', policy: off }), []);
});

t.test('a sentence scorer is blended with the lexical score', async (t) => {
  const calls: string[] = [];
  const veto = boundaryStage({ scorers: { SPECIFIC_DOSING: (_s, ctx) => (calls.push(ctx.ruleId), 0) }, scorerWeight: 0.5, threshold: 0.5 });
  const input = { text: 'Take 2 tablets of ibuprofen.', authorRole: 'clinician' as const, policy: defaultPolicy(), now: 0 };
  const vetoed = await veto.run(input);
  t.notOk(vetoed.some((f) => f.rule === 'SPECIFIC_DOSING'), 'a confident "not advice" score removes a lexical hit');
  t.same(calls, ['SPECIFIC_DOSING']);
  const agree = boundaryStage({ scorers: { SPECIFIC_DOSING: () => 1 } });
  const kept = (await agree.run(input)).find((f) => f.rule === 'SPECIFIC_DOSING');
  t.equal(kept?.detail?.classifierScore, 1);
});

t.test('the examples in the rule files behave as documented', async (t) => {
  for (const set of [CLINICIAN_BOUNDARIES_V1, CLINICIAN_CLAIMS_V1]) {
    for (const rule of set.rules) {
      t.ok(rule.explanation.length > 20 && rule.note.length > 10 && rule.guidance.length > 0, `${rule.id} is documented`);
      t.ok(['hold', 'note'].includes(rule.defaultAction));
      if (rule.match.kind === 'urgent-question') continue;
      const role = rule.appliesTo[0]!;
      for (const ex of rule.examples.violates) t.ok(rulesOf(await run(ex, { role })).includes(rule.id), `${rule.id} violates: ${ex}`);
      for (const ex of rule.examples.passes) t.notOk(rulesOf(await run(ex, { role })).includes(rule.id), `${rule.id} passes: ${ex}`);
    }
  }
  t.same(JSON.parse(JSON.stringify(CLINICIAN_BOUNDARIES_V1)), CLINICIAN_BOUNDARIES_V1, 'rule set is plain JSON data');
});

t.test('pipeline: a held clinician reply explains itself; a clean one publishes with the disclaimer note', async (t) => {
  const pipeline = createPipeline([boundaryStage()], { stageTimeoutMs: 2000 });
  const held = await pipeline.moderate({ text: 'DM me and I will sort out your dose.', authorRole: 'clinician', policy: defaultPolicy(), now: 0 });
  t.equal(held.action, 'hold');
  t.match(held.reason, /private contact/);
  const ok = await pipeline.moderate({ text: 'Many people with IBS find a food diary useful.', authorRole: 'clinician', policy: defaultPolicy(), now: 0 });
  t.equal(ok.action, 'publish');
  t.same(ok.notes, [defaultPolicy().clinicianDisclaimer]);
});

t.test('dev split still meets the targets (regression guard)', async (t) => {
  const lines = readFileSync(new URL('./fixtures/boundaries/dev.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean);
  t.ok(lines.length >= 200);
  const tally = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const line of lines) {
    const ex = JSON.parse(line) as { text: string; question?: string; author_role: AuthorRole; labels: string[] };
    const got = new Set(rulesOf(await run(ex.text, { role: ex.author_role, ...(ex.question ? { question: ex.question } : {}) })));
    for (const r of new Set([...ex.labels, ...got])) {
      const c = tally.get(r) ?? { tp: 0, fp: 0, fn: 0 };
      if (ex.labels.includes(r) && got.has(r)) c.tp++;
      else if (got.has(r)) c.fp++;
      else c.fn++;
      tally.set(r, c);
    }
  }
  for (const [rule, c] of tally) {
    t.ok(c.tp / Math.max(1, c.tp + c.fn) >= 0.85, `${rule} recall`);
    t.ok(c.tp / Math.max(1, c.tp + c.fp) >= 0.85, `${rule} precision`);
  }
});
