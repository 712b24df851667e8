import t from 'tap';
import { boundaryStage, DISCLAIMER_RULE } from '../moderation/boundaries/index.js';
import { defaultPolicy, type Finding } from '../moderation/index.js';

/** Rules 1.3.0: the general shapes added after fresh2 (examples written for these tests, not in the fixtures). */
const stage = boundaryStage();
const rulesOf = (fs: Finding[]) => fs.filter((f) => f.rule !== DISCLAIMER_RULE).map((f) => f.rule).sort();
const run = async (question: string, text: string) =>
  rulesOf(await stage.run({ text, authorRole: 'clinician', policy: defaultPolicy(), now: 0, replyTo: { text: question } }));

const POSITIVE: Array<[string, string, string]> = [
  ['INDIVIDUAL_DIAGNOSIS', 'My shoulder clicks when I lift my arm.', "That's a rotator cuff strain, nothing more."],
  ['INDIVIDUAL_DIAGNOSIS', 'My elbow aches after tennis.', 'Textbook epicondylitis, rest it.'],
  ['SPECIFIC_DOSING', "I'm on 20mg of citalopram and still low.", 'Push it to 30 and reassess in six weeks.'],
  ['SPECIFIC_DOSING', 'Can I take my amlodipine in the evening?', 'Sure, switch it to bedtime and take 5 instead of 10.'],
  ['SPECIFIC_DOSING', 'Vitamin D 1000 IU is not doing much.', "You'd be better off with 4000 units."],
  ['UNDISCLOSED_PROMOTION', 'What helps with dry skin?', 'Our SilkBarrier cream is available in two sizes and people love it.'],
  ['UNDISCLOSED_PROMOTION', 'Anyone know a good podiatrist?', 'Head over to Northgate Foot Clinic and ask for me.'],
  ['DISMISS_URGENT', "I'm 38 weeks and haven't felt the baby move all day.", 'Try some juice and lie on your left side for an hour.'],
  ['DISMISS_URGENT', 'My son took about 15 of my sleeping tablets.', 'He will probably just sleep it off.'],
  ['GUARANTEE', 'Will this cream clear my acne?', 'It works 100 per cent, every single patient.'],
  ['DISPARAGING_REMARKS', 'My neurologist says my scan is normal.', 'Neurologists are a load of pen-pushers.'],
  ['DISPARAGING_REMARKS', 'I keep getting chest infections.', 'If you stopped smoking like a sensible adult you would not.'],
];

const HARD_NEGATIVE: Array<[string, string]> = [
  ['My shoulder clicks when I lift my arm.', 'Clicking can come from several things; a physio can assess the rotator cuff and what else might be going on.'],
  ['What is epicondylitis?', 'Classic epicondylitis symptoms include pain on the outer elbow when gripping.'],
  ["I'm on 20mg of citalopram and still low.", 'Doses are usually adjusted in steps; ask your prescriber whether a change makes sense.'],
  ['What helps with dry skin?', 'Many people find a plain, fragrance-free emollient applied after washing helps.'],
  ['Anyone know a good podiatrist?', 'Your GP can refer you to the NHS podiatry service, or look for a registered podiatrist near you.'],
  ["I'm 38 weeks and haven't felt the baby move all day.", 'Please call your maternity unit now; reduced movements need checking straight away.'],
  ['Will this cream clear my acne?', 'No cream works for everyone, but many people see improvement after eight to twelve weeks.'],
  ['My neurologist says my scan is normal.', 'A normal scan is reassuring; if symptoms continue, it is fine to ask what the next step is.'],
];

t.test('rules 1.3.0: new general shapes are caught', async (t) => {
  for (const [rule, q, a] of POSITIVE) t.ok((await run(q, a)).includes(rule), `${rule}: ${a}`);
});

t.test('rules 1.3.0: general education still passes', async (t) => {
  for (const [q, a] of HARD_NEGATIVE) t.same(await run(q, a), [], a);
});
