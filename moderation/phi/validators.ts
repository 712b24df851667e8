/**
 * Check-digit and structure validators for identifiers. Pure functions, no allocation-heavy work:
 * they run on every candidate the patterns find.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** Keeps only the digits of a string. */
export function digitsOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) out += s[i];
  }
  return out;
}

/** Luhn (mod 10) check over a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Payment card: 12-19 digits passing Luhn, not all the same digit. */
export function cardValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length < 12 || d.length > 19) return false;
  if (/^(\d)\1+$/.test(d)) return false;
  return luhnValid(d);
}

/** US SSN area/group/serial rules (SSA): area not 000, 666 or 9xx; group not 00; serial not 0000. */
export function ssnValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 9) return false;
  const area = Number(d.slice(0, 3));
  const group = d.slice(3, 5);
  const serial = d.slice(5);
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  // Advertising/sample numbers that are known not to be real.
  if (d === '078051120' || d === '219099999' || d === '123456789') return false;
  return true;
}

/** NPI: 10 digits, Luhn over the "80840" prefix plus the number (CMS rule). */
export function npiValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 10 || !/^[12]/.test(d)) return false;
  return luhnValid('80840' + d);
}

/**
 * DEA registration number: 2 letters + 7 digits; check digit = last digit of
 * (d1 + d3 + d5) + 2 * (d2 + d4 + d6).
 */
export function deaValid(raw: string): boolean {
  const m = /^([A-Za-z])([A-Za-z9])(\d{7})$/.exec(raw.replace(/[\s-]/g, ''));
  if (!m) return false;
  const n = m[3]!;
  const d = (i: number) => n.charCodeAt(i) - 48;
  const check = (d(0) + d(2) + d(4) + 2 * (d(1) + d(3) + d(5))) % 10;
  return check === d(6);
}

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** North American VIN: 17 characters without I, O, Q; position 9 is the mod-11 check digit. */
export function vinValid(raw: string): boolean {
  const v = raw.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i]!;
    const value = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : VIN_VALUES[c] ?? 0;
    sum += value * VIN_WEIGHTS[i]!;
  }
  const rem = sum % 11;
  const expected = rem === 10 ? 'X' : String(rem);
  return v[8] === expected;
}

/** IBAN: country code, 2 check digits, mod-97 = 1 (ISO 13616). */
export function ibanValid(raw: string): boolean {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < moved.length; i++) {
    const c = moved.charCodeAt(i);
    const chunk = c >= 65 ? String(c - 55) : moved[i]!;
    for (let j = 0; j < chunk.length; j++) rem = (rem * 10 + (chunk.charCodeAt(j) - 48)) % 97;
  }
  return rem === 1;
}

/** ABA routing number: 9 digits, 3-7-1 weighted sum divisible by 10. */
export function abaValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 9) return false;
  const w = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  return sum % 10 === 0 && sum > 0;
}

/** Medicare Beneficiary Identifier (CMS format, 11 characters, dashes optional). */
const MBI = /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/;
export function mbiValid(raw: string): boolean {
  return MBI.test(raw.replace(/-/g, '').toUpperCase());
}

/** IMEI: 15 digits passing Luhn. */
export function imeiValid(raw: string): boolean {
  const d = digitsOf(raw);
  return d.length === 15 && luhnValid(d);
}

export function ipv4Valid(raw: string): boolean {
  return isIPv4(raw);
}

export function ipv6Valid(raw: string): boolean {
  return raw.includes(':') && isIPv6(raw);
}

/**
 * NHS number (England, Wales, Isle of Man): 10 digits, the last a modulus-11 check digit over the first nine with
 * weights 10..2 (NHS Data Dictionary). A remainder giving 10 means the number was never issued.
 */
export function nhsValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(d[9]);
}
