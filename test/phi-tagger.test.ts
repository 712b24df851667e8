import { readFileSync } from 'node:fs';
import t from 'tap';
import { detectPhi } from '../moderation/phi/detect.js';
import { DEFAULT_TAGGER_MODEL, parseTaggerModel, tagTokens, taggedCandidates, taggerModel } from '../moderation/phi/tagger.js';
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
  const text = 'Does anyone know why Sigrunn went so quiet after the meetup?';
  t.notOk(found(text, false).some(([ty]) => ty === 'PERSON'), 'the rules alone find nothing here');
  t.ok(has(text, 'PERSON', 'Sigrunn'), 'the tagger finds the name');
  t.ok(has('Thank you so much Oyelaran, your reply made my week.', 'PERSON', 'Oyelaran'));
  t.ok(has('We miss you Radomir, the Tuesday group is not the same.', 'PERSON', 'Radomir'));
  t.ok(has('Honestly Thorvaldsen explained the pump settings better than my endo did.', 'PERSON', 'Thorvaldsen'));
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
