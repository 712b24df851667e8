import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { detectPhi } from '../moderation/phi/detect.js';
import type { PhiType } from '../moderation/phi/types.js';

// Behaviours added for the second recall pass; every sentence was written for these tests.
const found = (text: string) => detectPhi(text).map((s) => [s.type, text.slice(s.start, s.end)] as [PhiType, string]);
const has = (text: string, type: PhiType, value: string) => found(text).some(([ty, v]) => ty === type && v === value);
const hasType = (text: string, type: PhiType) => found(text).some(([ty]) => ty === type);

t.test('fax or phone: labels said after the number, per clause', async (t) => {
  t.ok(has('918-555-3000 is their fax, the front desk is 918-555-3001.', 'FAX', '918-555-3000'), '"is their fax" after the number');
  t.ok(has('918-555-3000 is their fax, the front desk is 918-555-3001.', 'PHONE', '918-555-3001'), 'a label said after one number is not the next one\'s');
  t.ok(has('Use 520-555-0190 for faxes and 520-555-0191 for questions.', 'FAX', '520-555-0190'), '"for faxes"');
  t.ok(has('Use 520-555-0190 for faxes and 520-555-0191 for questions.', 'PHONE', '520-555-0191'));
  t.ok(has('Please fax it to the attention of Dr. Mbeki at 303-555-0177.', 'FAX', '303-555-0177'), 'fax verb earlier in the clause');
  t.ok(has('Reception 0412 88 31 22-Office, after hours 0412 88 31 23', 'PHONE', '0412 88 31 22'), 'label glued with a hyphen');
  // hard negatives
  t.ok(has('The fax on their website is wrong; call 303-555-0178 instead.', 'PHONE', '303-555-0178'), 'a phone word nearer than "fax" keeps it a phone');
  t.notOk(hasType('NDC 0002-1433-80 is printed on the box.', 'PHONE'), 'drug code');
  t.notOk(hasType('They billed CPT 99213 twice.', 'ZIP'), 'billing code is not a postcode');
  t.notOk(hasType('They billed CPT 99213 twice.', 'LOCATION'));
});

t.test('identifiers named by a keyword: study, participant, ID#, wristband, application', async (t) => {
  t.ok(has('My study ID for the infusion trial is RX-7731.', 'OTHER_ID', 'RX-7731'));
  t.ok(has('Participant number 2210-448 is on my consent copy.', 'OTHER_ID', '2210-448'), 'not read as a phone number');
  t.ok(has('ID# 55120937 is on the benefits letter.', 'OTHER_ID', '55120937'));
  t.ok(has('My ID is Q7712049 at the disability office.', 'OTHER_ID', 'Q7712049'));
  t.ok(has('The application number is APP-2025-00417.', 'OTHER_ID', 'APP-2025-00417'));
  t.ok(has('MRN is on my wristband: 30917744.', 'MRN', '30917744'));
  t.ok(has('my medical record number there was K-5520918', 'MRN', 'K-5520918'));
  t.ok(has('Support gave me ticket 55019283 and closed the chat.', 'OTHER_ID', '55019283'), 'bare keyword without "number"');
  t.ok(has('Case 7730114 at the housing office is open again.', 'OTHER_ID', '7730114'));
  t.ok(has('The reference the clerk read out to me was 5521-0087.', 'OTHER_ID', '5521-0087'), 'ID after a short clause, not a phone');
  t.ok(has("Here's the booking ID in case anyone asks: BK-90017.", 'OTHER_ID', 'BK-90017'), 'ID after a colon');
  t.ok(has('My library member number is LB-448120.', 'OTHER_ID', 'LB-448120'), 'not a health plan ID');
  t.ok(has('55012874 is my MRN if anyone from the clinic reads this.', 'MRN', '55012874'), 'the ID written before its keyword');
  t.ok(has('I put H7720194 (my hospital number) on the intake form.', 'MRN', 'H7720194'));
  t.ok(has('The nurse wrote 30918825 as my MRN on the wrong form.', 'MRN', '30918825'), '"as my MRN" after the ID');
  t.ok(has('Bring your registration number 6620417 to the clinic desk.', 'MRN', '6620417'), 'a registration number at a place of care');
  t.ok(has('The car registration number is LM63 TXA, if the warden asks.', 'VEHICLE_ID', 'LM63 TXA'), 'a car registration stays a vehicle');
  t.ok(has('My NHS number is 943 476 5919 if the practice needs it.', 'HEALTH_PLAN_ID', '943 476 5919'), 'an NHS number in groups is not a phone');
  t.ok(has('Her Aetna member ID is W29384756.', 'HEALTH_PLAN_ID', 'W29384756'));
  t.ok(has('Blue Cross ID XJH448120193 on the back of the card', 'HEALTH_PLAN_ID', 'XJH448120193'), 'an insurer name before ID');
  t.ok(has('member ID 88231-0045, group 7', 'HEALTH_PLAN_ID', '88231-0045'), '"member ID" is not Idaho before a ZIP+4 shape');
  t.ok(has('Boise, ID 83702 is where we moved', 'ZIP', '83702'), 'Idaho after a town still reads a ZIP');
  t.ok(has('my MRN is HAR 77120934 at the cancer centre', 'MRN', 'HAR 77120934'), 'a letter prefix is hidden with the digits, whole');
  t.ok(has('My clinic number is CN110294, the old one was different.', 'MRN', 'CN110294'));
  t.ok(has('Pt ID 55102938 on the label is not mine.', 'MRN', '55102938'), 'clinical shorthand');
  t.ok(has("The MRN's 4471290 on every page.", 'MRN', '4471290'), 'possessive after the keyword');
  t.notOk(hasType('My medical ID bracelet says I am allergic to penicillin.', 'MRN'));
  t.ok(has('The patient registration number is PR-5520917.', 'MRN', 'PR-5520917'), 'not a vehicle registration');
  // hard negatives
  t.notOk(hasType('On 03/14 my MRN changed after the merger.', 'MRN'), 'a date before the keyword');
  t.notOk(hasType('Since 2019 my member ID has changed twice.', 'HEALTH_PLAN_ID'), 'a year before the keyword');
  t.notOk(hasType('In case 2025 is as bad as this year, I saved up.', 'OTHER_ID'), 'a year after "case"');
  t.notOk(hasType('I order 3 boxes of strips a month.', 'OTHER_ID'));
  t.notOk(hasType('The trial ran from 2019-2021 with 300 people.', 'OTHER_ID'));
  t.notOk(hasType('The study enrolled 412 participants over 3 years.', 'OTHER_ID'));
  t.notOk(hasType('Did they check your ID at the pharmacy?', 'OTHER_ID'));
  t.notOk(hasType('Lot number 4471A of the pen was recalled.', 'OTHER_ID'));
});

t.test('ages over 89 in more phrasings', async (t) => {
  t.ok(has('Grandpa, who is 93, still mows the lawn.', 'AGE_OVER_89', '93'));
  t.ok(has("Dad's 95 now and off the blood thinner.", 'AGE_OVER_89', '95'));
  t.ok(has("She'll be 90 on Sunday.", 'AGE_OVER_89', '90'));
  t.ok(has("He's nearly 98 and sharp as ever.", 'AGE_OVER_89', '98'));
  t.ok(has('My mother-in-law (94) lives with us.', 'AGE_OVER_89', '94'));
  t.ok(has('My uncle, 96, got his second hip.', 'AGE_OVER_89', '96'));
  t.ok(has('Pt: 91M, fall at home.', 'AGE_OVER_89', '91'));
  t.ok(has('She celebrated her 101st in style.', 'AGE_OVER_89', '101'));
  // hard negatives: glucose, weight, percentages, temperature
  t.notOk(hasType("Mom's 95 fasting this morning, better than last week.", 'AGE_OVER_89'));
  t.notOk(hasType("Dad's 110 lbs after the chemo.", 'AGE_OVER_89'));
  t.notOk(hasType("She'll be 95% recovered by spring, they say.", 'AGE_OVER_89'));
  t.notOk(hasType('Temp was 99F last night.', 'AGE_OVER_89'));
});

t.test('titles that are brands are not people', async (t) => {
  t.notOk(hasType("Dr. Scholl's insoles fixed my heel pain.", 'PERSON'));
  t.notOk(hasType('Mr. Clean wipes are fine for the pump case.', 'PERSON'));
  t.notOk(hasType('Nurse Practitioner appointments are easier to get.', 'PERSON'));
  t.notOk(hasType('Father Time and Mother Nature are both against my knees.', 'PERSON'));
  t.notOk(hasType('Coach Outlet had a sale and Miss Universe was on TV.', 'PERSON'));
  t.ok(has('Dr. Price and Dr. Young agreed.', 'PERSON', 'Young'), 'surnames that are also words stay names after a title');
  t.ok(has('Dr. Scholler changed my dose.', 'PERSON', 'Scholler'), 'a real surname that starts the same way');
});

t.test('addresses and places: PO box numbers, closing town, universities, clubs, unknown towns after "in"', async (t) => {
  t.ok(has("We'll meet at the office, 12 P.O. Box 77, Narsaq", 'ADDRESS', '12 P.O. Box 77, Narsaq'), 'building number and closing town');
  t.ok(has('My sister studies at the University of Tromsø.', 'LOCATION', 'Tromsø'));
  t.ok(has('Where: Pine Hollow Country Club.', 'LOCATION', 'Pine Hollow Country Club'));
  t.ok(has('She moved her practice to a clinic in Kvarnby, near the coast.', 'LOCATION', 'Kvarnby'), 'unknown capitalised word after "in"');
  t.ok(has('The parcel went to Obere Bahnhofstrasse 9 by mistake.', 'ADDRESS', 'Obere Bahnhofstrasse 9'), 'a street name and house number after a place verb');
  t.ok(has('She forwarded it to Hlíðarvegur 25 last week.', 'ADDRESS', 'Hlíðarvegur 25'));
  t.ok(has('My aunt lives at Andrássy u. 61. on the second floor.', 'ADDRESS', 'Andrássy u. 61.'), 'Hungarian street abbreviation');
  t.ok(has('Send the card to Colonia Roma 118, please.', 'ADDRESS', 'Colonia Roma 118'));
  // hard negatives
  t.notOk(hasType('We moved to Denver 5 years ago.', 'ADDRESS'), 'a count after the town is not a house number');
  t.notOk(hasType('I went back to Mayo 2 weeks later.', 'ADDRESS'));
  t.notOk(hasType('Auntie 2 drove me to the infusion.', 'ADDRESS'), 'an English word with a street-like ending');
  t.notOk(hasType('I have been in Remission for a year and log it in MyChart.', 'LOCATION'));
  t.notOk(hasType('She was in ICU for a week, then in Stitches for days.', 'LOCATION'));
  t.notOk(hasType('He graduated from the University of Michigan.', 'LOCATION'), 'a state is not smaller than a state');
  t.notOk(hasType('We had lunch at the Country Club.', 'LOCATION'));
});

t.test('people: lower-case names, possessives, "named him", "call me", "lives on", speakers', async (t) => {
  t.ok(has('have you met roberta kowalczyk from the support group?', 'PERSON', 'roberta kowalczyk'), 'lower-case full name');
  t.ok(has("Here's Wojtek's number if you need a ride.", 'PERSON', 'Wojtek'), 'possessive before "number"');
  t.ok(has('We named her Grace after my grandmother.', 'PERSON', 'Grace'), 'a common word as a name after "named her"');
  t.ok(has('Everyone at work calls me Mark.', 'PERSON', 'Mark'));
  t.ok(has('my name is radoslava', 'PERSON', 'radoslava'), 'lower-case name after "my name is"');
  t.ok(has('Teodora lives on a farm outside town.', 'PERSON', 'Teodora'));
  t.ok(has('Nurse said: wait.\nVilhelmina: "Is it over?"', 'PERSON', 'Vilhelmina'), 'speaker of a quoted line');
  t.equal(detectPhi("I'm Amanda's daughter.").find((s) => s.type === 'PERSON')?.subject, 'other', '"I\'m X\'s daughter" is not the author\'s name');
  t.ok(has('The clinic was started by Ferrante, Novak and Hill back in the day.', 'PERSON', 'Hill'), 'a surname that is also a word, in a list of names');
  t.ok(has('thanks to okonkwo, brannigan and petrakis for the rides', 'PERSON', 'petrakis'), 'a list of names without capitals');
  t.ok(has('ilse: "are you awake?"\nme: "yes"', 'PERSON', 'ilse'), 'a speaker without capitals');
  t.ok(has('Yesterday I talked with Kovacevic about the side effects.', 'PERSON', 'Kovacevic'), 'someone you talk with');
  t.ok(has('I spoke to Liam Ford at the support meeting.', 'PERSON', 'Liam Ford'));
  t.ok(has('Then I met with Madison for coffee.', 'PERSON', 'Madison'), 'a first name that is also a city, after "met with"');
  // hard negatives
  t.notOk(hasType('We drove to Austin and went to Charlotte after that.', 'PERSON'), 'towns after "drove to"/"went to"');
  t.notOk(hasType('I talked to Medicare and spoke with Aetna twice.', 'PERSON'), 'agencies and insurers');
  t.notOk(hasType('I rotate Humira, Stelara and Remicade.', 'PERSON'));
  t.notOk(hasType('Hope, Faith and Grace are what got me through.', 'PERSON'), 'a list of common words');
  t.notOk(hasType("My Crohn's surgery is next month.", 'PERSON'));
  t.notOk(hasType('my name is not important here', 'PERSON'));
  t.notOk(hasType('Note: "take with food"', 'PERSON'));
  t.notOk(hasType('i gave the grace period a try but will call them', 'PERSON'));
  t.notOk(hasType('Keto lives on in my kitchen, honestly.', 'PERSON'), 'a diet is not a person');
});

t.test('eval: Presidio artifacts are mapped, not scored against the detector', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'phi-eval-'));
  try {
    const text = 'Please return to Lauren and Sorlaskeid 32 in case of an issue. Town: nan';
    const a = text.indexOf('Lauren');
    const b = text.indexOf(' in case');
    const n = text.indexOf('nan');
    writeFileSync(join(dir, 'mini.json'), JSON.stringify([{ full_text: text, masked: 'x', spans: [
      { entity_type: 'ADDRESS', entity_value: text.slice(a, b), start_position: a, end_position: b },
      { entity_type: 'LOCATION', entity_value: 'nan', start_position: n, end_position: n + 3 },
    ] }]));
    const root = fileURLToPath(new URL('..', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/eval-phi.ts', '--data', join(dir, 'mini.json'), '--split', 'all', '--json'], { cwd: root, encoding: 'utf8' });
    const summary = JSON.parse(out.trim().split('\n').pop()!) as Array<{ perType: Record<string, { gold: number; pred: number }> }>;
    t.notOk(summary[0]!.perType.LOCATION?.gold, '"nan" is not a gold location');
    t.notOk(summary[0]!.perType.PERSON?.pred, 'a first name inside a gold ADDRESS is not counted as a false positive');
    t.notOk(out.includes('Sorlaskeid'), 'no message text printed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
