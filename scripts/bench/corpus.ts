/**
 * A realistic, deterministic mix of patient-community messages for the benchmark, written
 * for it (no real people). Kinds and shares:
 *   support   40%  plain peer-support posts, 250–750 chars
 *   contact   12%  support posts that share a phone number or e-mail (fictional 555 numbers, example.org)
 *   clinician 12%  replies in a verified clinician's style to a member's question, 300–800 chars
 *   long       8%  long posts, 1,500–3,000 chars
 *   chat      25%  short chat lines, 15–160 chars
 *   distress   3%  messages with crisis wording (and humour hard negatives)
 * The median length is about 450 characters; `describeMix` reports the measured distribution.
 */
import { rng } from './stats.js';

export type Kind = 'support' | 'contact' | 'clinician' | 'long' | 'chat' | 'distress';

export interface BenchMessage {
  kind: Kind;
  text: string;
  authorRole: 'member' | 'clinician';
  /** For clinician replies: the member's question. */
  question?: string;
}

const KIND_SHARES: Array<[Kind, number]> = [
  ['support', 0.4], ['contact', 0.12], ['clinician', 0.12], ['long', 0.08], ['chat', 0.25], ['distress', 0.03],
];

const SUPPORT = [
  'I was diagnosed with type 1 diabetes about six months ago and I am still learning how to count carbs properly.',
  'My morning numbers keep creeping up even though I have not changed anything in my routine.',
  'Does anyone else feel completely wiped out for a day or two after an infusion?',
  'The fatigue is the part nobody warned me about, more than the pain itself.',
  'I finally got my continuous glucose monitor approved after three months of back and forth with insurance.',
  'Some days I feel like I am managing this well and other days it feels like it is managing me.',
  'My rheumatologist suggested I keep a symptom diary, and honestly it has helped me notice patterns.',
  'I have been trying to walk for twenty minutes after dinner and it seems to help my evening readings.',
  'It helps so much to read that other people have gone through the same thing.',
  'Long COVID has turned simple things like grocery shopping into a careful planning exercise.',
  'I keep a small bag with snacks, glucose tabs and a spare sensor everywhere I go now.',
  'After my last scan the oncologist said things look stable, which is the best word I have heard all year.',
  'Pacing is hard when you used to be the person who said yes to everything.',
  'My family means well but they do not really understand why I need to rest so much.',
  'I started the new medication two weeks ago and the nausea is slowly getting better.',
  'Has anyone found a good way to explain an invisible illness to a manager at work?',
  'The support group meeting last week was the first time I did not feel alone with this.',
  'I switched to smaller meals spread through the day and my energy feels a bit steadier.',
  'Waiting for test results is its own special kind of stress.',
  'Thank you all for the advice on the travel letter, the airport security check went smoothly.',
  'My pain flares seem worse when the weather turns cold and damp.',
  'I have a rare condition and most doctors I meet have never seen another case.',
  'Sleep has been rough lately, I wake up at three and my mind just will not switch off.',
  'I am learning to celebrate small wins, like cooking dinner twice this week.',
  'My viral load came back undetectable again and I wanted to share it with people who get it.',
  'Does anyone have tips for keeping insulin cool during a summer heatwave?',
  'The pharmacy was out of my usual brand again so I am trying a different one this month.',
  'I am nervous about my first appointment with the new specialist on Thursday.',
];

const CONTACT = [
  'If anyone in the area wants to meet for coffee, text me at 503-555-0142.',
  'You can reach me at dana.reyes@example.org if you want the list of questions I took to my appointment.',
  'My number is (415) 555-2671, feel free to call in the evenings if you need to talk.',
  'Email me at sam.k.patient@example.org and I will send you the spreadsheet I use for my readings.',
  'Call the group coordinator on 212-555-0199 to get on the mailing list.',
  'I set up a small walking group, message me at walkers.group@example.org or on +1 646 555 0123.',
];

const QUESTIONS = [
  'Is it normal for my blood sugar to go high after exercise instead of low?',
  'How long does fatigue usually last after chemotherapy finishes?',
  'Should I be worried if my resting heart rate jumps when I stand up?',
  'Can I take ibuprofen with my current medication for joint pain?',
  'What does it mean when a scan report says a finding is likely benign?',
  'Is brain fog a recognised part of long COVID or am I imagining it?',
];

const CLINICIAN = [
  'In general, a rise in glucose after intense exercise is common because stress hormones release stored glucose.',
  'Many people notice this pattern, and it usually settles as the body adapts to a steady routine.',
  'Fatigue after treatment can last weeks to months, and it often improves gradually rather than all at once.',
  'A symptom diary with times, meals and activity is very useful to bring to your own care team.',
  'Orthostatic symptoms are worth mentioning to your doctor, who can check your blood pressure lying and standing.',
  'Some pain relievers interact with common prescriptions, so please check with your pharmacist before combining them.',
  'The word likely benign in a report usually means the radiologist does not expect it to be harmful, but your doctor will explain your own result.',
  'Cognitive symptoms are widely reported after COVID and there are clinics that specialise in assessment and support.',
  'Everyone responds differently, so the right plan for you depends on your history and your other medicines.',
  'General information like this is not a substitute for an appointment where someone can examine you.',
];

const CHAT = [
  'same here, mornings are the worst', 'thanks everyone, that really helps', 'good luck with the appointment tomorrow!',
  'just got back from the clinic, all fine', 'anyone else awake at this hour?', 'sending hugs',
  'that sounds exhausting, take it easy today', 'my sensor fell off in the shower again lol',
  'ha, the pharmacy line was 40 minutes today', 'which app do you use for logging?', 'welcome to the group!',
  'I feel this so much', 'update: results were normal, so relieved', 'does the night shift count as a lifestyle factor?',
];

const DISTRESS = [
  'I honestly do not know how much longer I can keep going like this, everything feels pointless lately.',
  'Some nights I think everyone would be better off without me and I do not know who to tell.',
  'I am dying to try the new pump everyone keeps talking about, it sounds amazing.',
  'This heat is killing me, I have had to change my sensor twice today.',
  'I had a really dark week but I called my therapist and I am feeling a bit safer now.',
];

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)]!;
}

function fill(r: () => number, bank: readonly string[], min: number, max: number, lead: string[] = []): string {
  const target = min + Math.floor(r() * (max - min));
  const parts = [...lead];
  let length = parts.join(' ').length;
  for (let guard = 0; length < target && guard < 200; guard++) {
    const s = pick(bank, r);
    parts.push(s);
    length += s.length + 1;
  }
  return parts.join(' ');
}

function kindFor(x: number): Kind {
  let acc = 0;
  for (const [kind, share] of KIND_SHARES) {
    acc += share;
    if (x < acc) return kind;
  }
  return 'support';
}

export function makeMessage(r: () => number): BenchMessage {
  const kind = kindFor(r());
  switch (kind) {
    case 'support':
      return { kind, authorRole: 'member', text: fill(r, SUPPORT, 250, 750) };
    case 'contact': {
      const body = fill(r, SUPPORT, 200, 600);
      return { kind, authorRole: 'member', text: r() < 0.5 ? `${body} ${pick(CONTACT, r)}` : `${pick(CONTACT, r)} ${body}` };
    }
    case 'clinician': {
      const question = pick(QUESTIONS, r);
      return { kind, authorRole: 'clinician', question, text: fill(r, CLINICIAN, 300, 800, ['Thanks for asking.']) };
    }
    case 'long':
      return { kind, authorRole: 'member', text: fill(r, SUPPORT, 1500, 3000) };
    case 'chat':
      return { kind, authorRole: 'member', text: fill(r, CHAT, 15, 160) };
    case 'distress':
      return { kind, authorRole: 'member', text: fill(r, SUPPORT, 0, 250, [pick(DISTRESS, r)]) };
  }
}

/** `count` messages from a fixed seed. */
export function makeMix(count: number, seed = 7): BenchMessage[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => makeMessage(r));
}

/** Shares per kind and length percentiles (characters), for the report. */
export function describeMix(mix: readonly BenchMessage[]) {
  const kinds: Record<string, number> = {};
  for (const m of mix) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
  const lengths = mix.map((m) => m.text.length).sort((a, b) => a - b);
  const at = (q: number) => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0;
  return {
    messages: mix.length,
    shares: Object.fromEntries(Object.entries(kinds).map(([k, n]) => [k, Math.round((n / mix.length) * 1000) / 1000])),
    chars: { p10: at(0.1), p50: at(0.5), p90: at(0.9), max: lengths[lengths.length - 1] ?? 0 },
  };
}
