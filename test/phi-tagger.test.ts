import { readFileSync } from 'node:fs';
import t from 'tap';
import { detectPhi } from '../moderation/phi/detect.js';
import { DEFAULT_TAGGER_MODEL, parseTaggerModel, tagTokens, taggedCandidates, taggerCacheHolds, taggerModel } from '../moderation/phi/tagger.js';
import type { Candidate } from '../moderation/phi/candidates.js';
import type { PhiType } from '../moderation/phi/types.js';

// The learned tagger (models/phi-tagger) through the real detector. Every sentence here was written for these tests.
const found = (text: string, tagger = true) => detectPhi(text, { tagger }).map((s) => [s.type, text.slice(s.start, s.end), s.source] as [PhiType, string, string]);
const has = (text: string, type: PhiType, value: string) => found(text).some(([ty, v]) => ty === type && v.includes(value));
const hasType = (text: string, type: PhiType) => found(text).some(([ty]) => ty === type);

t.test('the committed model loads and matches this code', async (t) => {
  const model = taggerModel();
  t.ok(model.weights.size > 1000, 'weights are present');
  t.match(model.version, /^\d+\.\d+\.\d+$/);
  t.throws(() => parseTaggerModel('{}'), /invalid tagger model/, 'a broken file is refused with a clear error');
  const file = JSON.parse(readFileSync(DEFAULT_TAGGER_MODEL, 'utf8')) as { tags: string[] };
  t.throws(() => parseTaggerModel(JSON.stringify({ ...file, tags: file.tags.slice(1) })), /tags do not match/);
});

t.test('names with no cue word that the rules alone miss', async (t) => {
  // Twelve sentences written for this test (never trained on): a name and no title, relation or "named".
  const cases: Array<[string, string]> = [
    ['Does anyone know why Sigrunn went so quiet after the meetup?', 'Sigrunn'],
    ['My neighbour says Radomir makes the best soup.', 'Radomir'],
    ['Honestly Thorvaldsen explained the pump settings better than my endo did.', 'Thorvaldsen'],
    ['Apparently Oyelaran ran the whole half marathon on a pump.', 'Oyelaran'],
    ['Has anyone heard from Ewelina since her surgery?', 'Ewelina'],
    ['Last night Bartholomäus posted his A1c and it was great.', 'Bartholomäus'],
    ['I think Naoki is right about the night-time lows.', 'Naoki'],
    ['Please tell Ifeoma I said hi at the next session.', 'Ifeoma'],
    ['It was Wiktoria who first told me about the support group.', 'Wiktoria'],
    ['So proud of Dagfinn for finishing chemo!', 'Dagfinn'],
    ['Yesterday Szczepańska brought cookies for everyone at infusion.', 'Szczepańska'],
    ['Ask Mehmet, he has had the same pump for years.', 'Mehmet'],
  ];
  const hidden = (text: string, name: string, tagger: boolean) =>
    found(text, tagger).some(([ty, v]) => (ty === 'PERSON' || ty === 'LOCATION') && v.includes(name));
  const byRules = cases.filter(([text, name]) => hidden(text, name, false)).length;
  const withTagger = cases.filter(([text, name]) => hidden(text, name, true)).length;
  t.ok(byRules <= 4, `the rules alone hide few of them (${byRules} of 12)`);
  t.ok(withTagger >= 7, `with the tagger most are hidden (${withTagger} of 12)`);
  t.ok(withTagger >= byRules + 4, 'the tagger adds at least four');
  t.ok(has('My neighbour says Radomir makes the best soup.', 'PERSON', 'Radomir'));
});

t.test('a name or place the rules read only in part is hidden whole', async (t) => {
  const text = 'We stayed near Hamilton East for the transplant.';
  const rules = detectPhi(text, { tagger: false }).map((s) => text.slice(s.start, s.end));
  t.same(rules, ['Hamilton'], 'the rules alone leave "East" visible');
  const whole = detectPhi(text).find((s) => s.type === 'LOCATION');
  t.equal(whole && text.slice(whole.start, whole.end), 'Hamilton East', 'the tagged words widen the rules\' reading');
  t.equal(whole?.source, 'location.gazetteer', 'the reading stays the rules\' (their score and subject stand)');
});

t.test('addressing a member by name is not disclosure (same rule as the name rules)', async (t) => {
  for (const text of ['Thank you so much Oyelaran, your reply made my week.', 'We miss you Radomir, the Tuesday group is not the same.']) {
    t.notOk(hasType(text, 'PERSON'), text);
    t.ok(detectPhi(text, { minScore: 0.4 }).some((s) => s.type === 'PERSON' && s.source === 'tagger.person'), 'the tagger saw it, scored below the reporting threshold');
  }
  t.notOk(hasType('Hi Sigrunn, welcome!', 'PERSON'));
});

t.test('addresses in other countries\' forms, over several lines', async (t) => {
  const text = 'Send the cards to my aunt at\nKöhlbrandweg 17\n2. Stock\n21129 Hamburg\nthank you all';
  t.ok(hasType(text, 'ADDRESS'), 'a German address is found');
  const addr = found(text).find(([ty]) => ty === 'ADDRESS');
  t.ok(addr && addr[1].includes('Köhlbrandweg'), 'from the street');
});

t.test('decoys: medicines, conditions, devices, capitalised words', async (t) => {
  for (const text of [
    'Switched from Humira to Skyrizi and my Crohn\'s finally calmed down.',
    'Hope, Faith and Grace are what got me through the last round of chemo.',
    'Keto lives on in my kitchen, honestly.',
    'My Dexcom fell off in the shower again, third sensor this month.',
    'Remission feels strange. Scans are clear but I keep waiting for bad news.',
    'Hashimoto\'s and Addison\'s together make for a very tired Tuesday.',
    'The CDC and the NHS both say the booster is fine with Ozempic.',
    'My son only wants Roblox and Fortnite since the diagnosis, and Cheetos.',
    'I post alot here but my karma is a tad low, lol.',
  ]) {
    const names = found(text).filter(([ty]) => ty === 'PERSON' || ty === 'LOCATION' || ty === 'ADDRESS');
    t.same(names, [], text.slice(0, 40));
  }
});

t.test('a tagged span never swallows a validated pattern or overrides a rule\'s reading', async (t) => {
  const text = 'New place is 48 Rua das Flores, apt 3, Porto, call 415-555-0142 if lost.';
  const spans = found(text);
  t.ok(spans.some(([ty, v]) => ty === 'PHONE' && v === '415-555-0142'), 'the phone number stays a PHONE');
  t.notOk(spans.some(([ty, v]) => ty === 'ADDRESS' && v.includes('415')), 'no address runs into it');
  // Direct: with a rule candidate already in place, the tagger cuts its span around it.
  const out: Candidate[] = [{ type: 'PHONE', start: text.indexOf('415'), end: text.indexOf('415') + 12, score: 0.95, source: 'test' }];
  taggedCandidates(text, out);
  t.notOk(out.slice(1).some((c) => c.start < out[0]!.end && out[0]!.start < c.end), 'no tagged candidate overlaps the phone');
});

t.test('tokens: possessives split, offsets exact', async (t) => {
  const text = "Ingrid's\nnumber";
  const tokens = tagTokens(text);
  t.same(tokens.map((x) => text.slice(x.start, x.end)), ['Ingrid', "'s", '\n', 'number']);
  t.ok(tokens.every((x) => x.end > x.start));
});

t.test('no name, place or number from a message stays in the tagger\'s memory after it is checked', async (t) => {
  const text = 'Apparently Oyelaran from Tromsø left her number 415-555-0142 with the nurse.';
  t.ok(found(text).some(([ty]) => ty === 'PERSON'), 'the name was found');
  for (const word of ['Oyelaran', 'Tromsø', '415', '0142']) t.notOk(taggerCacheHolds(word), `${word} is not kept`);
  t.ok(taggerCacheHolds('nurse'), 'ordinary words are cached (the cache works)');
});
