import type { PhiSubject, PhiType } from './types.js';

/** A span a recognizer proposes, before overlap resolution. */
export interface Candidate {
  type: PhiType;
  start: number;
  end: number;
  score: number;
  source: string;
  /** Set when the recognizer itself knows whose identifier it is (e.g. "my son Jake", "my name is"). */
  subject?: PhiSubject;
}

export type Recognizer = (text: string, out: Candidate[]) => void;

/** Lower-cased text of up to `n` characters before `index`. */
export function before(text: string, index: number, n: number): string {
  return text.slice(Math.max(0, index - n), index).toLowerCase();
}

/** Lower-cased text of up to `n` characters after `index`. */
export function after(text: string, index: number, n: number): string {
  return text.slice(index, index + n).toLowerCase();
}
