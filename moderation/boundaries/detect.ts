/**
 * The boundary rule engine: compiles rule sets (data) once and evaluates them on one message.
 * Pure functions, no I/O. Lexical evidence comes from cues; an optional sentence scorer
 * (for example the advice/directive classifier) can be blended in per rule.
 */
import nlp from 'compromise';
import { MACROS } from './lexicons.v1.js';
import type { BoundaryRule, BoundaryRuleId, BoundaryRuleSet } from './rule-types.js';
import { combineWeights, compileCues, normalizeQuotes, splitSentences, type CompiledCue, type Span } from './text.js';

interface CompiledSentenceRule {
  kind: 'sentence';
  cues: CompiledCue[];
  imperativeCues: CompiledCue[];
  context?: { questionCue: CompiledCue; cues: CompiledCue[] };
  unless: CompiledCue[];
  unlessMessage: CompiledCue[];
}
interface CompiledPatientRule {
  kind: 'identifiable-patient';
  patientCues: CompiledCue[];
  strong: CompiledCue[];
  weak: CompiledCue[];
  minWeak: number;
  unless: CompiledCue[];
}
interface CompiledUrgentRule {
  kind: 'urgent-question';
  questionCues: CompiledCue[];
  questionUnless: CompiledCue[];
  replyDirectsToCare: CompiledCue[];
}

export interface CompiledRule {
  rule: BoundaryRule;
  set: { id: string; version: string };
  match: CompiledSentenceRule | CompiledPatientRule | CompiledUrgentRule;
}

export function compileRuleSets(sets: readonly BoundaryRuleSet[]): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const set of sets) {
    for (const rule of set.rules) {
      const m = rule.match;
      let match: CompiledRule['match'];
      if (m.kind === 'sentence') {
        const [questionCue] = m.contextCues ? compileCues([m.contextCues.questionCue], MACROS) : [];
        match = {
          kind: 'sentence',
          cues: compileCues(m.cues, MACROS),
          imperativeCues: compileCues(m.imperativeCues, MACROS),
          ...(m.contextCues && questionCue ? { context: { questionCue, cues: compileCues(m.contextCues.cues, MACROS) } } : {}),
          unless: compileCues(m.unless, MACROS),
          unlessMessage: compileCues(m.unlessMessage, MACROS),
        };
      } else if (m.kind === 'identifiable-patient') {
        match = {
          kind: 'identifiable-patient',
          patientCues: compileCues(m.patientCues, MACROS),
          strong: compileCues(m.strongIdentifiers, MACROS),
          weak: compileCues(m.weakIdentifiers, MACROS),
          minWeak: m.minWeak,
          unless: compileCues(m.unless, MACROS),
        };
      } else {
        match = {
          kind: 'urgent-question',
          questionCues: compileCues(m.questionCues, MACROS),
          questionUnless: compileCues(m.questionUnless, MACROS),
          replyDirectsToCare: compileCues(m.replyDirectsToCare, MACROS),
        };
      }
      out.push({ rule, set: { id: set.id, version: set.version }, match });
    }
  }
  return out;
}

/** One rule that applies to a message, with the span that triggered it and PHI-free evidence ids. */
export interface BoundaryHit {
  ruleId: BoundaryRuleId;
  rule: BoundaryRule;
  set: { id: string; version: string };
  start: number;
  end: number;
  /** Lexical score 0..1 (before any classifier blend). */
  lexical: number;
  cues: string[];
  /** Sentence-level candidates, for blending with a classifier. */
  sentences: Array<{ span: Span; lexical: number; cues: string[] }>;
}

export interface DetectInput {
  text: string;
  question?: string;
}

const matching = (cues: readonly CompiledCue[], text: string) => cues.filter((c) => c.re.test(text));

/** First term of the sentence tagged as an imperative verb by compromise. */
function startsImperative(sentence: string): boolean {
  try {
    const terms = nlp(sentence).terms().json() as Array<{ terms?: Array<{ tags?: string[] }> }>;
    const first = terms[0]?.terms?.[0];
    return first?.tags?.includes('Imperative') === true;
  } catch {
    return false;
  }
}

/**
 * Evaluates every compiled rule that applies to `role`. Sentence rules return every candidate
 * sentence (lexical > 0) so that a caller can blend a classifier; the caller applies thresholds.
 */
export function detect(rules: readonly CompiledRule[], input: DetectInput, role: string): BoundaryHit[] {
  const text = normalizeQuotes(input.text);
  const question = input.question !== undefined ? normalizeQuotes(input.question) : undefined;
  const sentences = splitSentences(text);
  const hits: BoundaryHit[] = [];
  for (const c of rules) {
    if (!c.rule.appliesTo.includes(role as never)) continue;
    const m = c.match;
    if (m.kind === 'sentence') {
      if (m.unlessMessage.some((u) => u.re.test(text))) continue;
      const contextOn = m.context !== undefined && question !== undefined && m.context.questionCue.re.test(question);
      const cands: BoundaryHit['sentences'] = [];
      for (const s of sentences) {
        if (m.unless.some((u) => u.re.test(s.text))) continue;
        const found = matching(m.cues, s.text);
        if (contextOn && m.context) found.push(...matching(m.context.cues, s.text));
        if (found.length === 0 && m.imperativeCues.length > 0) {
          const imp = matching(m.imperativeCues, s.text);
          if (imp.length > 0 && startsImperative(s.text)) found.push(...imp);
        }
        if (found.length === 0) continue;
        cands.push({ span: s, lexical: combineWeights(found.map((f) => f.weight)), cues: found.map((f) => f.id) });
      }
      if (cands.length > 0) hits.push(toHit(c, cands));
    } else if (m.kind === 'identifiable-patient') {
      const cands: BoundaryHit['sentences'] = [];
      sentences.forEach((s, i) => {
        const refs = matching(m.patientCues, s.text);
        if (refs.length === 0 || m.unless.some((u) => u.re.test(s.text))) return;
        // Identifying details may sit in the same sentence or the one before or after it.
        const window = [sentences[i - 1], s, sentences[i + 1]].filter((x): x is Span => x !== undefined).map((x) => x.text).join(' ');
        const strong = matching(m.strong, s.text).length > 0 ? matching(m.strong, s.text) : matching(m.strong, window);
        const weak = matching(m.weak, window);
        if (strong.length === 0 && weak.length < m.minWeak) return;
        const weights = [...strong.map((x) => x.weight), ...(weak.length >= m.minWeak ? [0.85] : [])];
        cands.push({ span: s, lexical: combineWeights(weights), cues: [...refs, ...strong, ...weak].map((x) => x.id) });
      });
      if (cands.length > 0) hits.push(toHit(c, cands));
    } else {
      if (question === undefined) continue;
      const found: string[] = [];
      for (const qs of splitSentences(question)) {
        if (m.questionUnless.some((u) => u.re.test(qs.text))) continue;
        for (const q of matching(m.questionCues, qs.text)) found.push(q.id);
      }
      if (found.length === 0) continue;
      if (m.replyDirectsToCare.some((r) => r.re.test(text))) continue;
      const whole: Span = { start: 0, end: 0, text: '' };
      hits.push(toHit(c, [{ span: whole, lexical: 0.9, cues: [...new Set(found)] }]));
    }
  }
  return hits;
}

function toHit(c: CompiledRule, cands: BoundaryHit['sentences']): BoundaryHit {
  const best = cands.reduce((a, b) => (b.lexical > a.lexical ? b : a));
  return {
    ruleId: c.rule.id,
    rule: c.rule,
    set: c.set,
    start: best.span.start,
    end: best.span.end,
    lexical: best.lexical,
    cues: [...new Set(cands.flatMap((x) => x.cues))],
    sentences: cands,
  };
}
