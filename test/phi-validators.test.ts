import t from 'tap';
import {
  abaValid, cardValid, deaValid, ibanValid, imeiValid, ipv4Valid, ipv6Valid, luhnValid, mbiValid, nhsValid, npiValid, ssnValid, vinValid,
} from '../moderation/phi/validators.js';

t.test('Luhn and payment cards', async (t) => {
  t.ok(luhnValid('79927398713'));
  t.notOk(luhnValid('79927398710'));
  t.ok(cardValid('4111 1111 1111 1111'));
  t.notOk(cardValid('4111 1111 1111 1112'));
  t.notOk(cardValid('0000000000000000'), 'repeated digit is not a card');
  t.notOk(cardValid('12345'), 'too short');
});

t.test('SSN area, group and serial rules', async (t) => {
  t.ok(ssnValid('536-32-3065'));
  t.notOk(ssnValid('000-12-3456'), 'area 000');
  t.notOk(ssnValid('666-12-3456'), 'area 666');
  t.notOk(ssnValid('912-12-3456'), 'area 9xx');
  t.notOk(ssnValid('536-00-3065'), 'group 00');
  t.notOk(ssnValid('536-32-0000'), 'serial 0000');
  t.notOk(ssnValid('078-05-1120'), 'the Woolworth sample number');
});

t.test('NPI, DEA, VIN, IBAN, MBI, IMEI, ABA', async (t) => {
  t.ok(npiValid('1234567893'), 'CMS example NPI');
  t.notOk(npiValid('1234567890'));
  t.ok(deaValid('AB1234563'));
  t.notOk(deaValid('AB1234567'));
  t.ok(vinValid('1HGCM82633A004352'));
  t.notOk(vinValid('1HGCM82634A004352'), 'wrong check digit');
  t.notOk(vinValid('1HGCM8263IA004352'), 'letter I is not allowed');
  t.ok(ibanValid('GB82 WEST 1234 5698 7654 32'));
  t.notOk(ibanValid('GB82 WEST 1234 5698 7654 33'));
  t.ok(mbiValid('1EG4-TE5-MK73'), 'CMS example MBI');
  t.notOk(mbiValid('1EG4-TE5-MK7S'));
  t.ok(nhsValid('943 476 5919'), 'NHS Data Dictionary example NHS number');
  t.notOk(nhsValid('943 476 5918'), 'wrong check digit');
  t.notOk(nhsValid('943 476 591'), 'nine digits');
  t.ok(imeiValid('490154203237518'));
  t.notOk(imeiValid('490154203237517'));
  t.ok(abaValid('011000015'));
  t.notOk(abaValid('011000016'));
});

t.test('IP addresses', async (t) => {
  t.ok(ipv4Valid('192.168.1.20'));
  t.notOk(ipv4Valid('256.1.1.1'));
  t.ok(ipv6Valid('2001:db8::1'));
  t.notOk(ipv6Valid('12:30:45'));
});
