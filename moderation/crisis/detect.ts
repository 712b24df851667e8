/**
 * Crisis detection over one message: sentence and clause splitting, cue matching per kind, and
 * the shared modifiers (past, humour, general talk, denial, recovery). Pure, no I/O.
 *
 * Since lexicon 1.3: chat-style contractions without apostrophes ("im", "dont", "isnt") are
 * expanded before matching (spans are mapped back to the original text), and a sentence with no
 * pronoun at all ("suicidal again.", "did it twice today") counts as about the author when the
 * message has a first-person sentence and the sentence names nobody else (`thirdPerson`).
 */
import { MACROS } from '../boundaries/lexicons.v1.js';
import { combineWeights, compileCues, normalizeQuotes, splitClauses, splitSentences, type CompiledCue, type Cue } from '../boundaries/text.js';
import type { CrisisKind, CrisisKindEntry, CrisisLexicon } from './lexicons.v1.js';

interface CompiledKind {
  entry: CrisisKindEntry;
  cues: CompiledCue[];
  unless: CompiledCue[];
  extraPast: CompiledCue[];
}

export interface CompiledLexicon {
  id: string;
  version: string;
  threshold: number;
  kinds: CompiledKind[];
  past: CompiledCue[];
  humour: CompiledCue[];
  general: CompiledCue[];
  negation: CompiledCue[];
  present: CompiledCue[];
  recovery: CompiledCue[];
  firstPerson: CompiledCue[];
  thirdPerson: CompiledCue[];
}

export function compileLexicon(lex: CrisisLexicon): CompiledLexicon {
  const c = (cues: Parameters<typeof compileCues>[0]) => compileCues(cues, MACROS);
  return {
    id: lex.id,
    version: lex.version,
    threshold: lex.threshold,
    kinds: lex.kinds.map((entry) => ({ entry, cues: c(entry.cues), unless: c(entry.unless), extraPast: c(entry.extraPast) })),
    past: c(lex.modifiers.past),
    humour: c(lex.modifiers.humour),
    general: c(lex.modifiers.general),
    negation: c(lex.modifiers.negation),
    present: c(lex.modifiers.present),
    recovery: c(lex.modifiers.recovery),
    firstPerson: c(lex.modifiers.firstPerson),
    thirdPerson: c(lex.modifiers.thirdPerson),
  };
}

export interface CrisisHit {
  kind: CrisisKind;
  entry: CrisisKindEntry;
  score: number;
  start: number;
  end: number;
  /** Cue ids (never the matched text). */
  cues: string[];
}

const any = (cues: readonly CompiledCue[], text: string) => cues.some((c) => c.re.test(text));

/** Chat spellings without an apostrophe, and their standard form (matched whole-word, any case). */
const CONTRACTIONS: Readonly<Record<string, string>> = {
  im: "I'm", ive: "I've", dont: "don't", cant: "can't", wont: "won't", isnt: "isn't", arent: "aren't", wasnt: "wasn't",
  werent: "weren't", doesnt: "doesn't", didnt: "didn't", hasnt: "hasn't", havent: "haven't", hadnt: "hadn't",
  couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't", hes: "he's", shes: "she's", theyre: "they're",
  theyve: "they've", youre: "you're", thats: "that's", whats: "what's", theres: "there's", idk: "I don't know",
};
const CONTRACTION_RE = new RegExp(`\\b(?:${Object.keys(CONTRACTIONS).join('|')})\\b`, 'giu');

/**
 * Expands apostrophe-less contractions. `offsets[i]` is the index in the input of the character
 * at index i of the output (one extra entry for the end), so spans can be mapped back.
 */
export function expandContractions(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let last = 0;
  for (const m of text.matchAll(CONTRACTION_RE)) {
    for (let i = last; i < m.index; i++) offsets.push(i);
    out += text.slice(last, m.index);
    const repl = CONTRACTIONS[m[0].toLowerCase()]!;
    for (let i = 0; i < repl.length; i++) offsets.push(m.index + Math.min(i, m[0].length - 1));
    out += repl;
    last = m.index + m[0].length;
  }
  for (let i = last; i <= text.length; i++) offsets.push(i);
  out += text.slice(last);
  return { text: out, offsets };
}

/** Kinds found in the message, in the lexicon's priority order. */
export function detectCrisis(lex: CompiledLexicon, rawText: string, threshold: number = lex.threshold): CrisisHit[] {
  const { text, offsets } = expandContractions(normalizeQuotes(rawText));
  const recovering = any(lex.recovery, text);
  const perKind_ = new Map<CrisisKind, { weights: number[]; cues: string[]; start: number; end: number; best: number }>();
  const sentences = splitSentences(text);
  // A message that names nobody at all ("the only way out is to end it") is the author speaking.
  const messageFirstPerson = sentences.some((s) => any(lex.firstPerson, s.text)) || !any(lex.thirdPerson, text);
  for (const sentence of sentences) {
    // Cheap checks first: most sentences match no cue at all, so the cues are tried before the
    // modifiers (humour, general talk, person, past, denial, exceptions), which are then evaluated
    // at most once per sentence or clause and only where some cue matched. Same result as checking
    // the modifiers first.
    const clauses = splitClauses(sentence);
    const matched = clauses.map((clause) =>
      lex.kinds.map((k) => k.cues.filter((cue) => (!recovering || cue.weight >= 0.9) && cue.re.test(clause.text))),
    );
    if (matched.every((perKind) => perKind.every((cues) => cues.length === 0))) continue;
    if (any(lex.humour, sentence.text) || any(lex.general, sentence.text)) continue;
    // About the author: says I/me/my, or names nobody at all in a message whose author speaks as "I".
    const firstPerson =
      any(lex.firstPerson, sentence.text) || (messageFirstPerson && !any(lex.thirdPerson, sentence.text));
    // A past marker anywhere in the sentence ("..., but that was a decade ago") makes a clause past
    // unless the clause itself says it is happening now ("..., and tonight the thoughts are back").
    const sentencePast = any(lex.past, sentence.text);
    const sentenceUnless = new Map<number, boolean>();
    clauses.forEach((clause, ci) => {
      const perKind = matched[ci]!;
      if (perKind.every((cues) => cues.length === 0)) return;
      if (any(lex.negation, clause.text)) return;
      const past = any(lex.past, clause.text) || (sentencePast && !any(lex.present, clause.text));
      if (past) return;
      lex.kinds.forEach((k, ki) => {
        const cues = perKind[ki]!;
        if (cues.length === 0) return;
        if (k.entry.requireFirstPerson && !(k.entry.firstPersonScope === 'message' ? messageFirstPerson : firstPerson)) return;
        if (any(k.extraPast, clause.text) || any(k.unless, clause.text)) return;
        let su = sentenceUnless.get(ki);
        if (su === undefined) sentenceUnless.set(ki, (su = any(k.unless, sentence.text)));
        if (su) return;
        // A message that says the author is doing better now only keeps strong cues (filtered above).
        for (const cue of cues) {
          const slot = perKind_.get(k.entry.kind) ?? { weights: [], cues: [], start: clause.start, end: clause.end, best: 0 };
          slot.weights.push(cue.weight);
          slot.cues.push(cue.id);
          if (cue.weight > slot.best) Object.assign(slot, { best: cue.weight, start: clause.start, end: clause.end });
          perKind_.set(k.entry.kind, slot);
        }
      });
    });
  }
  const hits: CrisisHit[] = [];
  for (const k of lex.kinds) {
    const slot = perKind_.get(k.entry.kind);
    if (!slot) continue;
    const score = combineWeights(slot.weights);
    if (score < threshold) continue;
    const start = Math.min(offsets[slot.start]!, rawText.length);
    const end = Math.max(start, Math.min(offsets[slot.end - 1]! + 1, rawText.length));
    hits.push({ kind: k.entry.kind, entry: k.entry, score, start, end, cues: [...new Set(slot.cues)] });
  }
  return hits;
}

/**
 * Whether the encoder classifier may report this message: false when the author says they are
 * doing better now (`recovery`), or when every sentence is a joke or idiom, general talk about
 * risks, a denial, or told in the past. The classifier sees meaning but not these framings
 * reliably; the lexicon's modifiers do. (The rules apply the same modifiers per clause.)
 */
export function classifierGate(lex: CompiledLexicon, rawText: string): boolean {
  const { text } = expandContractions(normalizeQuotes(rawText));
  if (any(lex.recovery, text)) return false;
  return splitSentences(text).some(
    (s) =>
      !any(lex.humour, s.text) &&
      !any(lex.general, s.text) &&
      !any(lex.negation, s.text) &&
      !(any(lex.past, s.text) && !any(lex.present, s.text)),
  );
}


/**
 * Lexicon exceptions that also hold at message level, so they veto the classifier's kind: an
 * accident, an itch or a "cut my dose" is not self-harm wherever it is said. (Most other exceptions
 * are clause-level traps, e.g. "the baby hit me", and would wrongly silence a whole message.)
 */
export const CLASSIFIER_VETO_CUES: Readonly<Partial<Record<CrisisKind, readonly string[]>>> = {
  self_harm: ['SH_NOT_HARM', 'SH_ITCH', 'SH_ACCIDENT'],
};

/**
 * Message-level exceptions for the classifier only (the rules never see them, so a rule cue still
 * reports): everyday medication management is not an overdose, and a small household accident is
 * neither self-harm nor an emergency. The encoder puts such posts close to crises because they share
 * the topic (medicines, blood, injuries); these say what the post is doing instead.
 * Model 1.4.0 (`npm run train:crisis` applies them in its cross-validation too).
 */
const NOT_NOW = String.raw`^(?![\s\S]*\b(?:on\s+purpose|deliberately|intentionally|to\s+hurt\s+myself|to\s+punish|to\s+die|won't\s+stop\s+bleeding|bleeding\s+(?:heavily|badly|a\s+lot)|(?:lots|a\s+lot|pool)\s+of\s+blood|can't\s+breathe|won't\s+wake|unconscious|not\s+breathing|unresponsive)\b)`;
const EVERYDAY_OBJECT = String.raw`(?:opening|chopping|slicing|cooking|cleaning|washing\s+up|gardening|lifting|carrying|getting|taking|moving|on\s+the\s+way|at\s+work|\bcan\b|\btin\b|jar|envelope|paper|kettle|oven|stove|hob|pan|tray|iron|toaster|blender|grater|peeler|onions?|bread|door|cupboard|drawer|table|bed\s*frame|stairs|steps|kerb|curb|ice|bike|scooter|ladder|shopping|garden|dog|cat)`;
// "cut my thumb opening a can", "burned my hand on the kettle", "twisted my ankle on the stairs"
const MINOR_INJURY = String.raw`${NOT_NOW}[\s\S]*\b(?:cut|sliced|nicked|burn(?:ed|t)|scald(?:ed)?|grazed|scraped|stubbed|banged|bumped|twisted|sprained|pulled|caught|jammed|trapped|bruised|tripped|slipped|fell)\b[^.]{0,40}\b(?:finger|thumb|toe|hand|knuckle|ankle|knee|elbow|shin|foot|head|back|arm|leg|wrist|muscle|nail)s?\b[^.]{0,50}\b${EVERYDAY_OBJECT}`;
export const CLASSIFIER_EXCEPTIONS: Readonly<Partial<Record<CrisisKind, readonly Cue[]>>> = {
  overdose: [
    // "cut my dose of pregabalin in half", "going to stop my insulin", "tapering off the steroids"
    {
      id: 'CLF_DOSE_DOWN',
      pattern: String.raw`${NOT_NOW}[\s\S]*\b(?:cut(?:ting)?|halv(?:e|ed|ing)|half|lower(?:ed|ing)?|reduc(?:e|ed|ing)|drop(?:ped|ping)?|decreas(?:e|ed|ing)|taper(?:ed|ing)?|wean(?:ed|ing)?|stop(?:ped|ping)?|paus(?:e|ed|ing)|skip(?:ped|ping)?|miss(?:ed|ing)?|forgot|forget|come\s+off|coming\s+off|came\s+off)\s+(?:of\s+|down\s+|back\s+)?(?:on\s+)?(?:my|the|his|her|our)\b[^.]{0,30}(?:\bdoses?\b|\bdosage\b|\bunits\b|{ANYMED})`,
    },
    // "My endocrinologist said to keep taking my insulin", "the nurse wants me to drop my prednisone"
    {
      id: 'CLF_CLINICIAN_SAYS',
      pattern: String.raw`${NOT_NOW}[\s\S]*{CLINICIAN_REF}[^.]{0,30}\b(?:said|says|told|tells|wants|suggested|advised|recommended|asked|put\s+me|switched|changed|prescribed|started|increased|doubled|upped|halved|reduced|lowered)\b`,
    },
  ],
  self_harm: [{ id: 'CLF_MINOR_INJURY', pattern: MINOR_INJURY }],
  medical_emergency: [{ id: 'CLF_MINOR_INJURY', pattern: MINOR_INJURY }],
};

const compiledExceptions = new Map<CrisisKind, CompiledCue[]>(
  Object.entries(CLASSIFIER_EXCEPTIONS).map(([kind, cues]) => [kind as CrisisKind, compileCues(cues, MACROS)]),
);

/** Kinds the classifier may not report for this message (CLASSIFIER_VETO_CUES and CLASSIFIER_EXCEPTIONS). */
export function classifierVetoes(lex: CompiledLexicon, rawText: string): Set<CrisisKind> {
  const { text } = expandContractions(normalizeQuotes(rawText));
  const out = new Set<CrisisKind>();
  for (const k of lex.kinds) {
    const ids = CLASSIFIER_VETO_CUES[k.entry.kind];
    if (ids && k.unless.some((c) => ids.includes(c.id) && c.re.test(text))) out.add(k.entry.kind);
    if (compiledExceptions.get(k.entry.kind)?.some((c) => c.re.test(text))) out.add(k.entry.kind);
  }
  return out;
}
