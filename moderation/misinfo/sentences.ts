/**
 * Splits a message into sentence spans (UTF-16 offsets, end exclusive) for per-sentence scoring.
 * Uses the platform's Unicode sentence segmentation (Intl.Segmenter); line breaks also end a
 * sentence. Very long sentences are cut at whitespace so every piece fits the encoder's window.
 */
export interface Span {
  start: number;
  end: number;
}

const HAS_WORD = /[\p{L}\p{N}]/u;
/** About 100 encoder tokens: the encoder keeps 128. */
export const MAX_SPAN_CHARS = 400;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function splitSentences(text: string, maxChars = MAX_SPAN_CHARS): Span[] {
  const spans: Span[] = [];
  for (const seg of segmenter.segment(text)) {
    // Line breaks inside a segment (lists, poems, pasted headlines) split it further.
    let offset = seg.index;
    for (const line of seg.segment.split(/(\r?\n)/)) {
      if (line !== '\n' && line !== '\r\n') pushTrimmed(text, offset, offset + line.length, maxChars, spans);
      offset += line.length;
    }
  }
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, maxChars: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start || !HAS_WORD.test(text.slice(start, end))) return;
  while (end - start > maxChars) {
    let cut = text.lastIndexOf(' ', start + maxChars);
    if (cut <= start + maxChars / 2) cut = start + maxChars;
    // Never cut a surrogate pair in half.
    if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
    pushTrimmed(text, start, cut, maxChars, out);
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) out.push({ start, end });
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
