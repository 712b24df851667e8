import { readFileSync } from 'node:fs';
import t from 'tap';
import { crisisStage, CRISIS_LEXICON_V1 } from '../moderation/crisis/index.js';
import { createPipeline, defaultPolicy, type AuthorRole, type CommunityPolicy, type Finding } from '../moderation/index.js';

const stage = crisisStage();
async function run(text: string, role: AuthorRole = 'member', policy: CommunityPolicy = defaultPolicy()): Promise<Finding[]> {
  return stage.run({ text, authorRole: role, policy, now: 0 });
}
const kinds = (fs: Finding[]) => fs.map((f) => String(f.detail?.kind)).sort();

/** Written for these tests (not in the fixtures). */
const POSITIVE: Record<string, string[]> = {
  suicidal: [
    "I've been thinking about ending my life since the diagnosis.",
    'Honestly everyone would be better off without me.',
    'I want to die, I am so tired of the pain.',
  ],
  self_harm: ['I burned my arm with a cigarette again tonight, I mean I burned myself on purpose.', 'The urge to cut is so strong right now.'],
  overdose: ['I just swallowed the entire bottle of my gabapentin.', 'I overdosed on my sleeping tablets an hour ago.'],
  medical_emergency: ["My husband collapsed in the kitchen and he's not responding.", "My son's lips are turning blue and he can't breathe."],
  abuse: ['My boyfriend hits me when he drinks and I am scared to go home.', 'He took my phone and locked me in again.'],
};

const HARD_NEGATIVE: string[] = [
  'This meeting is killing me.',
  'My insurance company will be the death of me lol.',
  "I'm dying to try the new closed-loop pump.",
  'Two years ago I tried to end my life. Today I am doing better and wanted to say it gets easier.',
  'I used to cut myself as a teenager; I am six years clean now.',
  'Last year I overdosed and it was the wake-up call I needed. I have been in recovery since.',
  'What are the warning signs that someone is suicidal?',
  'Is it dangerous to mix alcohol with my painkillers?',
  "I'm not suicidal, just exhausted by this flare.",
  'I cut my thumb opening a can, all fine now.',
  'My cat scratched me while I gave her a pill.',
  'I had a seizure at work years ago and now I drive again.',
  'Rates of self-harm in teens have risen; here is a good article about prevention.',
];

for (const [kind, texts] of Object.entries(POSITIVE)) {
  t.test(`${kind}: detected, urgent, held, with warm message and resources`, async (t) => {
    for (const text of texts) {
      const fs = await run(text);
      t.ok(kinds(fs).includes(kind), `detects ${kind}: ${text}`);
      const f = fs.find((x) => x.detail?.kind === kind)!;
      t.match(f, { stage: 'crisis', type: 'CRISIS', action: 'hold', urgent: true, rule: `CRISIS_${kind.toUpperCase()}` });
      for (const resource of defaultPolicy().crisisResources) t.ok(f.message.includes(resource), 'message carries the community resources');
      t.ok(f.end > f.start && f.end <= text.length, 'span inside the text');
      t.notOk(JSON.stringify(f.detail).includes(text.slice(f.start, f.end)), 'detail has cue ids, not text');
    }
  });
}

t.test('hard negatives: dark humour, past crises in recovery, general discussion, denial', async (t) => {
  for (const text of HARD_NEGATIVE) t.same(await run(text), [], text);
});

t.test('a past crisis followed by a present one still triggers', async (t) => {
  t.same(kinds(await run('I attempted three years ago, and tonight I want to kill myself again.')), ['suicidal']);
});

t.test('one message wording per message, most pressing kind first', async (t) => {
  const fs = await run('I took all my lithium tablets because I want to die.');
  t.same(kinds(fs), ['overdose', 'suicidal']);
  t.equal(new Set(fs.map((f) => f.message)).size, 1);
  t.ok(fs[0]!.message.startsWith(CRISIS_LEXICON_V1.kinds.find((k) => k.kind === 'overdose')!.message));
});

t.test('policy: roles and kinds are configurable; clinicians are not checked by default', async (t) => {
  const text = 'Call 911 now: crushing chest pain going into your arm needs help right now.';
  t.same(await run(text, 'clinician'), []);
  const policy = { ...defaultPolicy(), crisis: { kinds: ['suicidal'] } } as CommunityPolicy;
  t.same(await run("My husband collapsed and he's not responding.", 'member', policy), []);
  t.same(kinds(await run('I want to kill myself.', 'member', policy)), ['suicidal']);
  const off = { ...defaultPolicy(), crisis: { enabled: false } } as CommunityPolicy;
  t.same(await run('I want to kill myself.', 'member', off), []);
  const resources = { ...defaultPolicy(), crisisResources: ['Call Samaritans on 116 123.'] };
  t.match((await run('I want to kill myself.', 'member', resources))[0]!.message, /Samaritans on 116 123\.$/);
});

t.test('a scorer can veto or confirm lexical evidence', async (t) => {
  const veto = crisisStage({ scorer: () => 0, scorerWeight: 0.5 });
  t.same(await veto.run({ text: 'I want to kill myself.', authorRole: 'member', policy: defaultPolicy(), now: 0 }), []);
  const weak = crisisStage({ scorer: () => 1, scorerWeight: 0.5 });
  const fs = await weak.run({ text: "I can't do this anymore.", authorRole: 'member', policy: defaultPolicy(), now: 0 });
  t.same(kinds(fs), ['suicidal'], 'a weak cue plus a confident classifier is reported');
  t.same(await stage.run({ text: "I can't do this anymore.", authorRole: 'member', policy: defaultPolicy(), now: 0 }), [], 'a weak cue alone is not');
});

t.test('pipeline: crisis makes the result urgent and held, never silently', async (t) => {
  const pipeline = createPipeline([crisisStage()], { stageTimeoutMs: 2000 });
  const r = await pipeline.moderate({ text: 'I have the pills ready and I am ending it tonight.', authorRole: 'member', policy: defaultPolicy(), now: 0 });
  t.equal(r.action, 'hold');
  t.equal(r.urgent, true);
  t.match(r.reason, /988/);
  const calm = await pipeline.moderate({ text: 'My feet are killing me after the walk, haha.', authorRole: 'member', policy: defaultPolicy(), now: 0 });
  t.equal(calm.action, 'publish');
  t.equal(calm.urgent, false);
});

t.test('dev split meets the target (regression guard)', async (t) => {
  const lines = readFileSync(new URL('./fixtures/crisis/dev.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean);
  t.ok(lines.length >= 100);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const line of lines) {
    const ex = JSON.parse(line) as { text: string; kinds: string[] };
    const hit = (await run(ex.text)).length > 0;
    if (hit && ex.kinds.length > 0) tp++;
    else if (hit) fp++;
    else if (ex.kinds.length > 0) fn++;
  }
  t.ok(tp / (tp + fn) >= 0.95, `recall ${tp}/${tp + fn}`);
  t.ok(tp / Math.max(1, tp + fp) >= 0.8, `precision ${tp}/${tp + fp}`);
});

t.test('lexicon 1.3: chat spelling, pronoun-less sentences, someone in the author\'s care', async (t) => {
  const text = 'cant do this anymore. im gonna OD tonight';
  const fs = await run(text);
  t.ok(kinds(fs).includes('overdose'), 'apostrophe-less contractions are read');
  for (const f of fs) t.ok(f.start >= 0 && f.end <= text.length && f.end > f.start, 'span maps back to the original text');
  t.same(kinds(await run('suicidal again. worse than ever. i dont trust myself tonight')), ['suicidal'], 'a sentence with no pronoun counts as the author\'s');
  t.ok(kinds(await run('The night nurse slapped her yesterday. I saw the marks on my mum today.')).includes('abuse'), 'harm to someone in the author\'s care');
  for (const neg of [
    'I scratched my eczema until it bled last night, any creams for the itch?',
    'Saving my pills in a weekly organiser has changed my life.',
    "Can't wait to not be here anymore! Moving house next month.",
    'I locked my keys in the car at the hospital, what a day.',
    'Found old self-harm scars on my teen\'s arms. They\'re healed now.',
  ]) t.same(await run(neg), [], neg);
});
