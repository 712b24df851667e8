import t from 'tap';
import { detectPhi } from '../moderation/phi/detect.js';
import type { PhiType } from '../moderation/phi/types.js';

/** The (type, text) pairs found in a post. */
function found(text: string): Array<[PhiType, string]> {
  return detectPhi(text).map((s) => [s.type, text.slice(s.start, s.end)]);
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type T = { ok: (...a: any[]) => unknown; same: (...a: any[]) => unknown };
function has(t: T, text: string, type: PhiType, value: string): void {
  t.ok(found(text).some(([ty, v]) => ty === type && v === value), `${type} "${value}" in: ${text}`);
}
function none(t: T, text: string, type?: PhiType): void {
  const f = found(text).filter(([ty]) => type === undefined || ty === type);
  t.same(f, [], `nothing${type ? ' of type ' + type : ''} in: ${text}`);
}

// Each type: positive examples and decoys (all written for these tests).
const CASES: Record<PhiType, { pos: Array<[string, string]>; decoys: string[] }> = {
  PERSON: {
    pos: [['Dr. Okafor switched me to a new infusion schedule.', 'Okafor'], ['My son Jake starts kindergarten soon.', 'Jake'], ['My oncologist, Anita Brennan, is retiring.', 'Anita Brennan'], ['I told Priya about the trial and she cried.', 'Priya'], ['Hi all, I\'m Dana and I have lupus.', 'Dana']],
    decoys: ["My Crohn's is flaring and Humira is not helping.", "Hashimoto's and Graves' disease run in my family.", 'The CDC and the WHO changed their guidance.', 'Parkinson\'s progressed slowly for my dad.', 'Ozempic and Mounjaro are both on backorder.', 'Hope this helps! Will post an update in May.'],
  },
  ADDRESS: {
    pos: [['Send it to 42 Maple Street, Bend, OR 97702 please.', '42 Maple Street, Bend, OR 97702'], ['I live at 1180 Division Ave and the nurse got lost.', '1180 Division Ave'], ['Mail goes to PO Box 2210 now.', 'PO Box 2210']],
    decoys: ['I take 2 pills at 8 am and walked 3 miles today.', 'Dr. Lee said 5 more weeks of 40 mg.'],
  },
  LOCATION: {
    pos: [['We moved to Boise last spring.', 'Boise'], ['She lives in Cook County with my sister.', 'Cook County'], ['The nurses at St. Vincent\'s Hospital are great.', "St. Vincent's Hospital"], ['Anyone near Grand Rapids want to meet?', 'Grand Rapids'], ['I grew up outside Duluth, MN.', 'Duluth']],
    decoys: ['The Mayo Clinic website has a good page on this.', 'I moved from Texas to Canada.', 'Worth a read. Same old story here.'],
  },
  ZIP: {
    pos: [['My zip code is 97702 and nobody takes my plan.', '97702'], ['Ship to Springfield, IL 62704 please.', '62704']],
    decoys: ['I walked 10000 steps and ate 12000 calories lol.', 'Paid $15000 for the pump.'],
  },
  DATE: {
    pos: [['Her birthday is June 3rd, 2015.', 'June 3rd, 2015'], ['I was admitted 03/14/2021 and discharged a week later.', '03/14/2021'], ['Surgery is on 4/12, wish me luck.', '4/12'], ['My flare started in March 2019.', 'March 2019']],
    decoys: ['Diagnosed in 2019, on meds for 3 years now.', 'Pain is 7/10 today and BP was 128/82.', 'I may 2x my dose on Tuesday at 9:30 pm.'],
  },
  AGE_OVER_89: {
    pos: [['My grandma is 94 years old and still gardening.', '94'], ['Grandpa turned 101 last week!', '101'], ['She is in her 90s and sharp.', '90s']],
    decoys: ["I'm 47 and newly diagnosed.", 'My heart rate was 95 and sats at 92%.', 'Took 90 mg of the drug.'],
  },
  PHONE: {
    pos: [['Text me at (503) 284-7719 after work.', '(503) 284-7719'], ['Call the nurse line 617-555-0142? No wait, it is 617-734-2291.', '617-734-2291'], ['My number is +44 20 7946 0958 in London.', '+44 20 7946 0958']],
    decoys: ['BP 142/91, A1C 6.8, TSH 4.2, LDL 131.', 'Taking 1,000 mg twice a day since 2018.'],
  },
  FAX: {
    pos: [['Fax the prior auth to 503-284-7719 please.', '503-284-7719']],
    decoys: ['The fax machine at the clinic is broken again.'],
  },
  EMAIL: {
    pos: [['Email me at dana.k@gmail.com for the spreadsheet.', 'dana.k@gmail.com']],
    decoys: ['Post on @jenny thread about Ozempic.'],
  },
  SSN: {
    pos: [['The form wanted my SSN 536-32-3065, is that normal?', '536-32-3065'], ['social security number 536323065', '536323065']],
    decoys: ['Order 123456789 shipped.', 'Batch 900-12-3456 was recalled.'],
  },
  MRN: {
    pos: [['My MRN is 00482913 if the social worker asks.', '00482913'], ['medical record number A1234567 is not mine', 'A1234567']],
    decoys: ['My records show an A1C of 7.2 in 2021.'],
  },
  HEALTH_PLAN_ID: {
    pos: [['Member ID XYZ123456789 got denied for Humira.', 'XYZ123456789'], ['Medicare number 1EG4-TE5-MK73 on the letter.', '1EG4-TE5-MK73']],
    decoys: ['My insurance covers 80% after the deductible.', 'My policy renews in 2025.'],
  },
  ACCOUNT_NUMBER: {
    pos: [['The card 4111 1111 1111 1111 got charged twice.', '4111 1111 1111 1111'], ['Account number 3292549112 at billing.', '3292549112']],
    decoys: ['Bill was $2,300 for 3 visits.'],
  },
  LICENSE_NUMBER: {
    pos: [["Lost my driver's license D1234567 at the ER.", 'D1234567'], ['Her prescriber NPI is 1234567893.', '1234567893']],
    decoys: ['Licensed therapist for 12 years.'],
  },
  VEHICLE_ID: {
    pos: [['VIN 1HGCM82633A004352 got towed.', '1HGCM82633A004352'], ['Our license plate is ZME 118 if you see us.', 'ZME 118']],
    decoys: ['Parked in lot B, level 3.'],
  },
  DEVICE_ID: {
    pos: [['Pump serial number PX448122 keeps failing.', 'PX448122'], ['MAC address 3C:22:FB:91:0A:7E shows in the router.', '3C:22:FB:91:0A:7E']],
    decoys: ['My pump has been serially annoying since version 2.'],
  },
  URL: {
    pos: [['Our fundraiser: https://www.gofundme.com/f/helpforjake', 'https://www.gofundme.com/f/helpforjake'], ['My blog is danasjourney.com if you want updates.', 'danasjourney.com']],
    decoys: ['I was tired.so I slept. See notes.pdf for details.'],
  },
  IP_ADDRESS: {
    pos: [['My IP was 192.168.1.20 when it stopped syncing.', '192.168.1.20'], ['Gateway 2001:db8:85a3::8a2e:370:7334 dropped.', '2001:db8:85a3::8a2e:370:7334']],
    decoys: ['Running app version 1.2.3 at 12:30:45.'],
  },
  OTHER_ID: {
    pos: [['Claim number 2023-884123 was denied.', '2023-884123'], ['Confirmation code QX48821 for the pharmacy.', 'QX48821']],
    decoys: ['Case in point: 3 doses were missed.'],
  },
};

for (const [type, c] of Object.entries(CASES) as Array<[PhiType, (typeof CASES)[PhiType]]>) {
  t.test(`${type}: positives and decoys`, async (t) => {
    for (const [text, value] of c.pos) has(t, text, type, value);
    for (const text of c.decoys) none(t, text, type);
  });
}

t.test('a decoy-heavy post yields no findings at all', async (t) => {
  none(t, "Crohn's since 2011. On Stelara 90 mg every 8 weeks, CRP 12.4, ferritin 11, BP 128/82. The CDC says flu shots are fine. I'm 34. Pain 6/10 at 3am.");
});

t.test('whose identifier: self vs other', async (t) => {
  const subj = (text: string, type: PhiType) => detectPhi(text).find((s) => s.type === type)?.subject;
  t.equal(subj('Text me at (503) 284-7719 anytime.', 'PHONE'), 'self');
  t.equal(subj("My son's number is (503) 284-7719.", 'PHONE'), 'other');
  t.equal(subj('Her birthday is June 3rd, 2015.', 'DATE'), 'other');
  t.equal(subj('My birthday is June 3rd, 1980.', 'DATE'), 'self');
  t.equal(subj("Dr. Okafor's office is (503) 284-7719.", 'PHONE'), 'other');
  t.equal(subj('Hi all, I\'m Dana and I have lupus.', 'PERSON'), 'self');
  t.equal(subj('My son Jake starts school.', 'PERSON'), 'other');
});

t.test('spans are exact UTF-16 offsets and never overlap', async (t) => {
  const text = '😀 Email 😀 me at dana.k@gmail.com or call (503) 284-7719. I live at 42 Maple Street, Bend, OR 97702.';
  const spans = detectPhi(text);
  t.same(spans.map((s) => text.slice(s.start, s.end)), ['dana.k@gmail.com', '(503) 284-7719', '42 Maple Street, Bend, OR 97702']);
  for (let i = 1; i < spans.length; i++) t.ok(spans[i]!.start >= spans[i - 1]!.end);
  t.same(detectPhi(''), []);
});
