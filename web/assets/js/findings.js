// Findings as moderators see them: categories, labels, highlighted spans, detail lists.
import { h } from './lib.js';

const PHI_LABELS = {
  EMAIL: 'email address', PHONE: 'phone number', FAX: 'fax number', URL: 'web address', SSN: 'social security number',
  NAME: 'name', PERSON: 'name', ADDRESS: 'street address', LOCATION: 'place', DATE: 'date', AGE: 'age', MRN: 'medical record number',
  ID: 'identifier', LICENSE_PLATE: 'licence plate', FACILITY: 'care facility', ZIP: 'postal code', IP: 'IP address',
};

export function category(f) {
  const type = String(f.type ?? '');
  if (type === 'CRISIS' || f.stage === 'crisis') return 'crisis';
  if (/MISINFO/i.test(type) || /misinfo/i.test(f.stage ?? '')) return 'misinfo';
  if (f.stage === 'boundaries' || /BOUNDARY|CLINICIAN/.test(type)) return 'boundary';
  if (f.stage === 'word_list' || type === 'WORD_LIST') return 'wordlist';
  if (/phi/i.test(f.stage ?? '') || PHI_LABELS[type]) return 'phi';
  return 'other';
}

const SEVERITY = { crisis: 5, misinfo: 4, boundary: 3, phi: 2, wordlist: 1, other: 0 };

export function findingLabel(f) {
  const cat = category(f);
  const kind = f.detail?.kind;
  switch (cat) {
    case 'crisis': return `Crisis${kind ? `: ${String(kind).replace(/_/g, ' ')}` : ''}`;
    case 'misinfo': return 'Possible health misinformation';
    case 'boundary': return f.type === 'UNVERIFIED_CLINICIAN_CLAIM' ? 'Unverified clinician claim' : `Clinician boundary: ${humanRule(f.rule)}`;
    case 'wordlist': return { WORDLIST_HOLD: 'Word list: phrase held for review', WORDLIST_BLOCK: 'Word list: blocked phrase', WORDLIST_CENSOR: 'Word list: censored word' }[f.rule] ?? 'Word list';
    case 'phi': return `Private detail: ${PHI_LABELS[f.type] ?? String(f.type).toLowerCase()}`;
    default:
      return { NEW_MEMBER: 'New member (pre-moderation)', RATE_LIMIT: 'Posting too fast', DUPLICATE: 'Duplicate message' }[f.type] ?? humanRule(f.type);
  }
}

function humanRule(rule) {
  return String(rule ?? '').replace(/^[A-Z]+_/, (m) => m).replace(/_/g, ' ').toLowerCase();
}

/** Suggested reject reason code for an item, from its strongest finding or report. */
export function suggestedReason(findings, reasons = []) {
  const top = [...findings].sort((a, b) => SEVERITY[category(b)] - SEVERITY[category(a)])[0];
  const byCat = { crisis: 'crisis_handled', misinfo: 'misinformation', boundary: 'boundary', phi: 'privacy', wordlist: 'other' };
  if (top && byCat[category(top)]) return byCat[category(top)];
  const report = reasons.find((r) => r.startsWith('REPORT:'))?.slice(7);
  return { privacy: 'privacy', misinformation: 'misinformation', harassment: 'harassment', spam: 'spam', crisis: 'crisis_handled', boundary: 'boundary' }[report] ?? 'other';
}

/**
 * Splits text at every span boundary and wraps covered pieces in <mark>; each span ends with
 * a numbered reference to its entry in the findings list. spans: [{start, end, n, cat, label}].
 */
export function highlight(text, spans) {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start && s.start >= 0 && s.end <= text.length);
  if (valid.length === 0) return [text];
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = cuts[i];
    const to = cuts[i + 1];
    const piece = text.slice(from, to);
    const covering = valid.filter((s) => s.start <= from && s.end >= to);
    if (covering.length === 0) {
      out.push(piece);
    } else {
      const top = covering.reduce((a, b) => (SEVERITY[b.cat] > SEVERITY[a.cat] ? b : a));
      out.push(h('mark', {
        class: `hl hl-${top.cat}`, 'data-findings': covering.map((s) => s.n).join(' '), title: covering.map((s) => `${s.n}. ${s.label}`).join('\n'),
      }, piece));
    }
    for (const s of valid.filter((v) => v.end === to)) {
      out.push(h('sup', { class: 'hl-ref' }, h('span', { class: 'visually-hidden' }, ' finding '), String(s.n)));
    }
  }
  return out;
}

const DETAIL_LABELS = {
  claim: 'Matched claim', claimText: 'Matched claim', matchedClaim: 'Matched claim', correction: 'Correction', authority: 'Source',
  claimId: 'Claim id', similarity: 'Similarity', sentence: 'Sentence', kind: 'Kind', cues: 'Cues', ruleSet: 'Rule set', ruleSetVersion: 'Rule set version',
  sentenceScore: 'Sentence score', messageScore: 'Whole-message score', modelVersion: 'Model version', lexiconVersion: 'Lexicon version',
  classifierScore: 'Classifier score', approvedCount: 'Approved messages', required: 'Required', source: 'Source', subject: 'Whose detail', reason: 'Why',
};
const DETAIL_ORDER = ['claim', 'claimText', 'matchedClaim', 'correction', 'authority', 'kind'];

function detailValue(v) {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  if (v && typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'number') return String(Math.round(v * 1000) / 1000);
  return String(v);
}

export function scoreEl(score) {
  const pct = Math.round(Math.max(0, Math.min(1, Number(score) || 0)) * 100);
  const bar = h('span', { class: 'scorebar', 'aria-hidden': 'true' }, h('span'));
  bar.firstChild.style.width = `${pct}%`;
  return h('span', { class: 'score' }, bar, ` ${(Number(score) || 0).toFixed(2)}`);
}

/** One finding: what, where, how sure, and the stage's details (claim and correction, crisis kind…). */
export function findingItem(f, n, where) {
  const cat = category(f);
  const detail = f.detail ?? {};
  const keys = [...DETAIL_ORDER.filter((k) => k in detail), ...Object.keys(detail).filter((k) => !DETAIL_ORDER.includes(k) && k !== 'field')];
  return h('li', { class: `finding finding-${cat}`, 'data-n': n, 'data-type': f.type },
    h('div', { class: 'finding-head' },
      h('strong', null, `${n}. ${findingLabel(f)}`),
      f.urgent ? h('span', { class: 'chip chip-urgent' }, 'Urgent') : null,
      h('span', { class: 'reason-tag' }, f.rule),
      scoreEl(f.score)),
    f.message ? h('p', null, f.message) : null,
    h('dl', null,
      h('dt', null, 'Stage'), h('dd', null, f.stage),
      h('dt', null, 'Action'), h('dd', null, f.action),
      h('dt', null, 'Where'), h('dd', null, where),
      keys.flatMap((k) => [h('dt', null, DETAIL_LABELS[k] ?? k), h('dd', null, detailValue(detail[k]))])));
}
