import t from 'tap';
import { boundaryStage, CLINICIAN_CLAIMS_V1 } from '../moderation/boundaries/index.js';
import { defaultPolicy, type AuthorRole, type Finding } from '../moderation/index.js';

/**
 * UNVERIFIED_CLINICIAN_CLAIM (moderation/boundaries/rules/clinician-claims.v1.ts): a member who
 * presents themselves as a clinician without verification is held for review. Examples written
 * for these tests (not in the fixtures); at least one positive per cue id.
 */
const stage = boundaryStage();
const run = (text: string, role: AuthorRole = 'member'): Promise<Finding[]> =>
  Promise.resolve(stage.run({ text, authorRole: role, policy: defaultPolicy(), now: 0 }));
const claims = (fs: Finding[]) => fs.filter((f) => f.rule === 'UNVERIFIED_CLINICIAN_CLAIM');

const POSITIVE: Array<[string, string]> = [
  ['CLAIM_AS_A', 'As a pharmacist, I would never mix those two.'],
  ['CLAIM_AS_A', 'Speaking as a diabetes nurse, that reading is fine for after a meal.'],
  ['CLAIM_I_AM', "I'm a registered nurse and that rash needs antibiotics."],
  ['CLAIM_I_AM', 'I am actually a doctor, so believe me when I say it is nothing.'],
  ['CLAIM_WORK_AS', 'I worked as a paramedic for years and chest pain like that is anxiety.'],
  ['CLAIM_BEEN_A', "I've been a midwife for two decades; you don't need that scan."],
  ['CLAIM_HERE', 'ICU nurse here. Those numbers are not worrying.'],
  ['CLAIM_TAKE_IT_FROM', 'Take it from a pharmacist: the generic is exactly the same.'],
  ['CLAIM_DEGREE', 'As someone with a nursing degree, I can tell you that swelling is normal.'],
];

const HARD_NEGATIVE: string[] = [
  'My wife is a nurse and she thinks I should get it looked at.',
  "I'm not a doctor, so please ask yours before changing anything.",
  "I'm no expert, just sharing what worked for me.",
  'I wanted to be a nurse before I got sick.',
  'The nurse at my clinic said the same thing.',
  'As a patient with type 1 for 20 years, I carry glucose tabs everywhere.',
  'My doctor here in Leeds is great.',
  'I have a medical appointment on Friday.',
  'Ask your pharmacist whether the generic is the same.',
  'Being a caregiver for my mum is exhausting.',
  "I'm a nurse's daughter, so I grew up around hospitals.",
];

t.test('unverified clinician claims: every cue has a positive, held for review', async (t) => {
  const cues = new Set<string>();
  for (const [cue, text] of POSITIVE) {
    const f = claims(await run(text));
    t.equal(f.length, 1, text);
    t.match(f[0], { stage: 'boundaries', type: 'UNVERIFIED_CLINICIAN_CLAIM', action: 'hold' });
    t.ok((f[0]?.detail?.cues as string[] | undefined)?.includes(cue), `${cue}: ${text}`);
    cues.add(cue);
  }
  const all = CLINICIAN_CLAIMS_V1.rules[0]!.match;
  t.same([...cues].sort(), (all.kind === 'sentence' ? all.cues.map((c) => c.id) : []).sort(), 'every cue id is covered');
});

t.test('unverified clinician claims: hard negatives pass', async (t) => {
  for (const text of HARD_NEGATIVE) t.same(claims(await run(text)), [], text);
});

t.test('verified clinicians and moderators are not flagged for stating their role', async (t) => {
  for (const [, text] of POSITIVE) {
    t.same(claims(await run(text, 'clinician')), [], `clinician: ${text}`);
    t.same(claims(await run(text, 'moderator')), [], `moderator: ${text}`);
  }
});
