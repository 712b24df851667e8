/**
 * Sentence and clause splitting with exact UTF-16 offsets, plus pattern compilation with
 * lexicon macros. Shared by the boundary and crisis stages. No side effects, no I/O.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Abbreviations whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'st', 'vs', 'etc', 'eg', 'e.g', 'ie', 'i.e', 'approx', 'no', 'dept', 'jr', 'sr', 'prof', 'ave', 'rd', 'mt', 'ft',
]);

/**
 * Splits text into sentences. A sentence ends at . ! ? (or a run of them, or an ellipsis), or at a
 * line break, when followed by whitespace or the end; a period after a known abbreviation or
 * between digits does not end one. Offsets index into the original string.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u2026') continue;
    let j = i;
    while (j + 1 < text.length && /[.!?\u2026"'\u201d\u2019)\]]/.test(text[j + 1]!)) j++;
    const next = text[j + 1];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (ch === '.' && j === i) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 12), i))?.[1]?.toLowerCase();
      if (word && (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\./g, '')))) continue;
    }
    push(j + 1);
    start = j + 1;
    i = j;
  }
  push(text.length);
  return spans;
}

/**
 * Splits a sentence further into clauses at semicolons and at ", and" / ", but" / " but " joins,
 * so that "Two years ago I tried, and tonight the thoughts are back" yields two clauses whose
 * time markers are judged separately.
 */
export function splitClauses(sentence: Span): Span[] {
  const out: Span[] = [];
  const re = /;|,\s*(?=(?:and|but|yet|so|though|although|now)\b)|\s(?=but\b)|\s[\u2013\u2014-]\s/giu;
  let last = 0;
  const push = (a: number, b: number) => {
    let s = a;
    let e = b;
    const t = sentence.text;
    while (s < e && /[\s,;]/.test(t[s]!)) s++;
    while (e > s && /\s/.test(t[e - 1]!)) e--;
    if (e > s) out.push({ start: sentence.start + s, end: sentence.start + e, text: t.slice(s, e) });
  };
  for (const m of sentence.text.matchAll(re)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, sentence.text.length);
  return out.length > 0 ? out : [sentence];
}

/** Replaces typographic apostrophes and quotes with ASCII ones; keeps every offset unchanged. */
export function normalizeQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** A named pattern in a rule or lexicon file: `pattern` is a RegExp source that may use {MACROS}. */
export interface Cue {
  /** Stable id recorded in finding details (never the matched text). */
  id: string;
  pattern: string;
  /** 0..1; how much this cue alone says the rule applies (default 0.9). */
  weight?: number;
  /** Match case-sensitively (e.g. capitalised brand or place names). Default: case-insensitive. */
  caseSensitive?: boolean;
}

export interface CompiledCue {
  id: string;
  re: RegExp;
  weight: number;
}

/** Expands {NAME} macros (repeatedly, so macros may use macros) and compiles cues. */
export function compileCues(cues: readonly Cue[] | undefined, macros: Readonly<Record<string, string>>): CompiledCue[] {
  return (cues ?? []).map((cue) => ({
    id: cue.id,
    weight: cue.weight ?? 0.9,
    re: compilePattern(expandMacros(cue.pattern, macros), cue.caseSensitive === true),
  }));
}

/**
 * Unicode mode ('u') makes case-insensitive matching about 10x slower in V8 (full case folding on
 * every character), so it is used only for the few patterns that need it: \p{...} classes,
 * \u{...} code points or characters outside the BMP (emoji). Every other pattern is ASCII-only
 * and matches the same with 'i'.
 */
const NEEDS_UNICODE = /\\[pP]\{|\\u\{|[\u{10000}-\u{10FFFF}]/u;
export function compilePattern(source: string, caseSensitive = false): RegExp {
  const unicode = NEEDS_UNICODE.test(source);
  return new RegExp(source, (caseSensitive ? '' : 'i') + (unicode ? 'u' : ''));
}

export function expandMacros(pattern: string, macros: Readonly<Record<string, string>>): string {
  let out = pattern;
  for (let depth = 0; depth < 5 && /\{[A-Z_]+\}/.test(out); depth++) {
    out = out.replace(/\{([A-Z_]+)\}/g, (whole, name: string) => {
      const value = macros[name];
      if (value === undefined) throw new Error(`Unknown lexicon macro ${whole}`);
      return `(?:${value})`;
    });
  }
  return out;
}

/** Builds an alternation of whole words or phrases from a word list (longest first). */
export function wordAlternation(words: readonly string[]): string {
  return [...new Set(words.map((w) => w.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|');
}

export function firstMatch(cues: readonly CompiledCue[], text: string): CompiledCue | undefined {
  return cues.find((c) => c.re.test(text));
}

export function allMatches(cues: readonly CompiledCue[], text: string): CompiledCue[] {
  return cues.filter((c) => c.re.test(text));
}

/** Noisy-or of cue weights: two weak cues together count for more than one. */
export function combineWeights(weights: readonly number[]): number {
  return 1 - weights.reduce((p, w) => p * (1 - Math.min(1, Math.max(0, w))), 1);
}
