import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createCrisisStage, crisisStage, loadCrisisModel, type CrisisStage } from '../moderation/crisis/index.js';
import { createPipeline, defaultPolicy, type AuthorRole, type CommunityPolicy, type Finding } from '../moderation/index.js';
import { loadEncoder, type LoadedEncoder } from '../moderation/misinfo/encoder.js';

// The real encoder (models/use-lite), loaded once for the file.
let enc: LoadedEncoder;
let stage: CrisisStage;
t.before(async () => {
  enc = await loadEncoder();
  stage = createCrisisStage({ encoder: enc });
});
t.teardown(async () => {
  await stage?.close();
  await enc?.close();
});

const run = (s: { run: CrisisStage['run'] }, text: string, role: AuthorRole = 'member', policy: CommunityPolicy = defaultPolicy()) =>
  Promise.resolve(s.run({ text, authorRole: role, policy, now: 0 }));
const kinds = (fs: Finding[]) => fs.map((f) => String(f.detail?.kind)).sort();

/** Written for these tests (not in the fixtures): crises in words the lexicon has no cue for. */
const CLASSIFIER_ONLY: Array<[string, string]> = [
  ['I have decided tonight is my last night. Everything is ready.', 'suicidal'],
  ["Don't worry about me, I'll be gone by morning.", 'suicidal'],
  ['I dug the compass point into my wrist again until the feeling came back', 'self_harm'],
  ["My husband is in a rage and is smashing the doors, I'm hiding upstairs with the baby", 'abuse'],
];

t.test('the classifier raises CRISIS where the rules find nothing', async (t) => {
  const rules = crisisStage();
  for (const [text, kind] of CLASSIFIER_ONLY) {
    t.same(await run(rules, text), [], `rules alone miss: ${text}`);
    const fs = await run(stage, text);
    t.same(kinds(fs), [kind], text);
    const f = fs[0]!;
    t.match(f, { stage: 'crisis', type: 'CRISIS', action: 'hold', urgent: true, rule: `CRISIS_${kind.toUpperCase()}` });
    t.match(f.detail, { kind, source: 'classifier', model: 'crisis-use-lite-logreg', cues: [] });
    t.ok(typeof f.detail?.classifierScore === 'number' && f.detail.classifierScore >= stage.classifier!.model.threshold);
    t.same([f.start, f.end], [0, text.trim().length], 'span: the whole message');
    for (const resource of defaultPolicy().crisisResources) t.ok(f.message.includes(resource), 'carries the community resources');
    t.notOk(JSON.stringify(f.detail).includes(text.slice(0, 20)), 'detail has no text');
  }
});

t.test('both paths agree: rules and classifier on one finding', async (t) => {
  const fs = await run(stage, 'Carved the word useless into my forearm tonight.');
  t.same(kinds(fs), ['self_harm']);
  t.equal(fs[0]!.detail?.source, 'rules+classifier');
  t.ok((fs[0]!.detail?.cues as string[]).length > 0, 'keeps the rule cues and span');
});

t.test('hard negatives do not trigger the combined stage', async (t) => {
  for (const text of [
    'This week has been a nightmare, but we got through it lol',
    'Honestly this pharmacy queue is going to be the end of me haha',
    'Five years ago I tried to take my own life. Today I ran my first 10k.',
    'What are the signs of an overdose in someone using opioids?',
    "I'm not going to hurt myself, I promise, I just need to rant.",
  ])
    t.same(await run(stage, text), [], text);
});

t.test('accidents and itching veto a self-harm guess by the classifier', async (t) => {
  for (const text of [
    "I accidentally cut my arm with the bread knife, it won't stop stinging.",
    'Scratched my eczema raw again last night, the itch is unbearable.',
  ]) {
    const p = await stage.classifier!.predict(text);
    t.ok(p.p >= stage.classifier!.model.threshold, 'the classifier alone would report it');
    t.same(await run(stage, text), [], text);
  }
});

t.test('policy still decides: roles and kinds', async (t) => {
  const [text] = CLASSIFIER_ONLY[3]!;
  t.same(await run(stage, text, 'clinician'), [], 'clinicians are not checked by default');
  const onlySuicidal = { ...defaultPolicy(), crisis: { kinds: ['suicidal'] } } as CommunityPolicy;
  t.same(await run(stage, text, 'member', onlySuicidal), [], 'a kind the community turned off is not reported');
  t.same(kinds(await run(stage, CLASSIFIER_ONLY[0]![0], 'member', onlySuicidal)), ['suicidal']);
  const off = { ...defaultPolicy(), crisis: { enabled: false } } as CommunityPolicy;
  t.same(await run(stage, CLASSIFIER_ONLY[0]![0], 'member', off), []);
  const noModel = { ...defaultPolicy(), crisis: { classifier: false } } as CommunityPolicy;
  t.same(await run(stage, CLASSIFIER_ONLY[0]![0], 'member', noModel), [], 'a community can turn the classifier off');
  t.same(kinds(await run(stage, 'I want to kill myself.', 'member', noModel)), ['suicidal'], 'and keep the rules');
  const p = (await stage.classifier!.predict(CLASSIFIER_ONLY[0]![0])).p;
  const strict = { ...defaultPolicy(), crisis: { classifierThreshold: Math.min(0.999, p + 0.001) } } as CommunityPolicy;
  t.same(await run(stage, CLASSIFIER_ONLY[0]![0], 'member', strict), [], 'a community threshold above the score silences it');
});

t.test('an encoder that fails leaves the rules working', async (t) => {
  const closed = await loadEncoder();
  await closed.close();
  const degraded = createCrisisStage({ encoder: closed });
  const fs = await run(degraded, 'I want to kill myself.');
  t.same(kinds(fs), ['suicidal'], 'rule finding still reported');
  t.equal(fs[0]!.detail?.source, 'rules');
  t.equal(fs[0]!.detail?.classifierScore, null, 'says the classifier gave no score');
  t.same(await run(degraded, CLASSIFIER_ONLY[0]![0]), [], 'no classifier, no classifier finding, no error');
});

t.test('rules-only without an encoder; model files are checked', async (t) => {
  const rulesOnly = createCrisisStage();
  t.equal(rulesOnly.classifier, undefined);
  t.same(kinds(await run(rulesOnly, 'I want to kill myself.')), ['suicidal']);
  t.same(await run(rulesOnly, CLASSIFIER_ONLY[0]![0]), []);
  const dir = mkdtempSync(join(tmpdir(), 'haven-crisis-model-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.throws(() => createCrisisStage({ encoder: enc, modelDir: dir }), { code: 'MODEL_MISSING' });
  writeFileSync(join(dir, 'head.json'), '{"version":1,');
  t.throws(() => createCrisisStage({ encoder: enc, modelDir: dir }), { code: 'MODEL_CORRUPT' });
  const model = loadCrisisModel();
  writeFileSync(join(dir, 'head.json'), JSON.stringify({ ...model, any: { ...model.any, weights: model.any.weights.slice(1) } }));
  t.throws(() => createCrisisStage({ encoder: enc, modelDir: dir }), { code: 'MODEL_CORRUPT' });
});

t.test('pipeline: a classifier-only crisis is urgent and held, never silent', async (t) => {
  const pipeline = createPipeline([stage], { stageTimeoutMs: 2000 });
  const r = await pipeline.moderate({ text: CLASSIFIER_ONLY[1]![0], authorRole: 'member', policy: defaultPolicy(), now: 0 });
  t.equal(r.action, 'hold');
  t.equal(r.urgent, true);
  t.match(r.reason, /988/);
});

t.test('held-out test split: combined stage meets the target (regression guard)', async (t) => {
  const lines = readFileSync(new URL('./fixtures/crisis/test.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const line of lines) {
    const ex = JSON.parse(line) as { text: string; kinds: string[] };
    const hit = (await run(stage, ex.text)).length > 0;
    if (hit && ex.kinds.length > 0) tp++;
    else if (hit) fp++;
    else if (ex.kinds.length > 0) fn++;
  }
  t.ok(tp / (tp + fn) >= 0.95, `recall ${tp}/${tp + fn}`);
  t.ok(tp / Math.max(1, tp + fp) >= 0.8, `precision ${tp}/${tp + fp}`);
});
