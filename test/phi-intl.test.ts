import t from 'tap';
import { detectPhi } from '../moderation/phi/detect.js';
import type { PhiType } from '../moderation/phi/types.js';

// Written for these tests (not taken from any evaluation set).
const found = (text: string) => detectPhi(text).map((s) => [s.type, text.slice(s.start, s.end)] as [PhiType, string]);
const has = (text: string, type: PhiType, value: string) => found(text).some(([ty, v]) => ty === type && v.includes(value));

t.test('phones and faxes in other formats', async (t) => {
  t.ok(has('Reach me on 0612 34 56 78 after six.', 'PHONE', '0612 34 56 78'), 'trunk-0 national number');
  t.ok(has('Office: 555-210-4432x118', 'PHONE', '555-210-4432'), 'North American shape with extension');
  t.ok(has('Call +41 (0)44 123 45 67 for the clinic.', 'PHONE', '+41 (0)44 123 45 67'), '+CC with bracketed trunk 0');
  t.ok(has('Send it to 503-284-7719 (fax) today.', 'FAX', '503-284-7719'), 'fax after the number');
  t.ok(has('Phone 503-284-7720, fax 503-284-7719.', 'FAX', '503-284-7719'), 'nearest label decides');
  t.ok(has('Phone 503-284-7720, fax 503-284-7719.', 'PHONE', '503-284-7720'));
  t.ok(has('F: 415-476-1000  P: 415-476-1001', 'FAX', '415-476-1000'), 'letterhead labels');
});

t.test('addresses, postcodes and towns of other countries', async (t) => {
  t.ok(has('Please send it to Kastanienallee 12, Potsdam.', 'ADDRESS', 'Kastanienallee 12'));
  t.ok(has('My new address is 14 rue des Lilas Apt. 3, Lyon', 'ADDRESS', '14 rue des Lilas Apt. 3'));
  t.ok(has('PSC 1234, Box 5678\nAPO AE 09123', 'ADDRESS', 'PSC 1234'));
  t.ok(has('She works in Haarlem 2011 AB these days.', 'ZIP', '2011 AB'));
  t.ok(has('Mail it to M5V 2T6 please.', 'ZIP', 'M5V 2T6'));
  t.ok(has('My aunt grew up in Kalnciems.', 'LOCATION', 'Kalnciems'), 'unknown town after a place verb');
});

t.test('names outside the census lists', async (t) => {
  t.ok(has('I spoke to Agnieszka P. Wróblewska at the clinic.', 'PERSON', 'Agnieszka P. Wróblewska'), 'middle initial');
  t.ok(has('The surgeon, Dr. Oyelaran, was kind, and Mette Hoffmann drove me home.', 'PERSON', 'Mette Hoffmann'));
  t.ok(has('Her maiden name is Nyberg.', 'PERSON', 'Nyberg'));
});

t.test('ages over 89 written other ways', async (t) => {
  t.ok(has('My grandmother is ninety-three and sharp.', 'AGE_OVER_89', 'ninety-three'));
  t.ok(has('Patient is a 92 y/o female.', 'AGE_OVER_89', '92'));
  t.ok(has('Still going strong in her nineties!', 'AGE_OVER_89', 'nineties'));
});

t.test('ordinary words and numbers stay unflagged', async (t) => {
  for (const text of [
    'Life is too short to be miserable.',
    'Freaking out is not going to change it.',
    'Heart rate is 95 and sats were 97 this morning.',
    'I take 2 Tylenol 500 at night, Monday too.',
    'My case is mild compared to most here.',
    'Room 1204 had the best view.',
    'The wait was ninety minutes.',
    'Thrift Stores and Target have cheap baby clothes.',
  ]) t.same(found(text), [], text);
});
