import t from 'tap';
import { createCrisisStage, crisisStage, thresholdFor, type CrisisStage } from '../moderation/crisis/index.js';
import { defaultPolicy, type CommunityPolicy, type Finding } from '../moderation/index.js';
import { loadEncoder, type LoadedEncoder } from '../moderation/misinfo/encoder.js';

// Classifier 1.4.0 with the real encoder (models/use-lite): everyday patient posts stay quiet, and
// crises worded unlike any rule are still raised. Sentences written for these tests, not in the fixtures.
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

const run = (s: { run: CrisisStage['run'] }, text: string, policy: CommunityPolicy = defaultPolicy()) =>
  Promise.resolve(s.run({ text, authorRole: 'member', policy, now: 0 }));
const kinds = (fs: Finding[]) => fs.map((f) => String(f.detail?.kind)).sort();

/** False alarms seen through the server in a diabetes community (1.3.0 raised CRISIS on each). */
const SEEN_FALSE_ALARMS = [
  'My endocrinologist said to keep taking my insulin and to check my sugar before meals.',
  'My neighbour swears cinnamon cures diabetes, so I am going to stop my insulin next week.',
  'cut my dose of pregabalin in half',
  'cut my thumb opening a can',
  'burned my hand on the kettle',
];

/** More everyday patient talk: dose changes with a doctor, lab numbers, small accidents, venting, dark humour. */
const EVERYDAY = [
  'I cut my dose of pregabalin in half like the GP said.',
  'Cut my thumb opening a can of beans, bled a bit.',
  'Burned my hand on the kettle this morning, ouch.',
  'My HbA1c is 8.1 and the nurse wants me to add a second tablet.',
  'Tapering off prednisone this month with my rheumatologist, the joint pain is back a bit.',
  'Honestly my pancreas quit years ago and never even sent a resignation letter.',
];

t.test('false alarms seen in a diabetes community do not raise CRISIS', async (t) => {
  for (const text of SEEN_FALSE_ALARMS) t.same(await run(stage, text), [], text);
});

t.test('everyday patient posts do not raise CRISIS', async (t) => {
  for (const text of EVERYDAY) t.same(await run(stage, text), [], text);
});

/** Crises the rules alone miss (no rule reaches its threshold); the classifier must raise them. */
const NO_RULE_CUE: Array<[string, string]> = [
  ["I've written letters to everyone I love and put them on the table. I won't be here when they wake up.", 'suicidal'],
  ["Everything I own is boxed up for my sister. I'm so tired and tonight I stop being tired.", 'suicidal'],
  ["He's outside the front door again shouting that I'll pay for leaving, the kids and I are hiding in the back room.", 'abuse'],
  ['I keep pressing the lighter into my thigh so I can feel something other than this.', 'self_harm'],
];

t.test('crises without rule cues are raised by the classifier', async (t) => {
  const rules = crisisStage();
  for (const [text, kind] of NO_RULE_CUE) {
    t.same(await run(rules, text), [], `rules alone miss: ${text}`);
    const fs = await run(stage, text);
    t.ok(kinds(fs).includes(kind), `${kind}: ${text}`);
    t.ok(fs.every((f) => f.type === 'CRISIS' && f.urgent === true && f.action === 'hold' && f.detail?.source === 'classifier'));
  }
});

t.test('a message with no lexical evidence needs the stricter soloThreshold', async (t) => {
  const model = stage.classifier!.model;
  t.ok(model.soloThreshold !== undefined && model.soloThreshold > model.threshold, 'the model has a stricter solo threshold');
  t.equal(thresholdFor(model, true), model.threshold);
  t.equal(thresholdFor(model, false), model.soloThreshold);
  t.equal(thresholdFor(model, false, 0.9), 0.9, 'a stricter community threshold applies to both');
  t.equal(thresholdFor(model, false, undefined, 0.5), 0.5, 'classifierSoloThreshold overrides the solo threshold');
  const [text] = NO_RULE_CUE[0]!;
  const strict = { ...defaultPolicy(), crisis: { classifierSoloThreshold: 0.999 } } as CommunityPolicy;
  t.same(await run(stage, text, strict), [], 'a community solo threshold above the score silences a classifier-only finding');
});
