import type { Encoder, TokenStates } from '../misinfo/types.js';

/**
 * The encoder's token states for each text, as the PHI tagger reads them: the encoder runs on the trimmed text (the
 * form the misinformation and crisis stages embed, so through ./../misinfo/shared-encoder.ts the three stages share
 * one model run) and the pieces' offsets are moved back onto the original text.
 */
export async function tokenStatesOf(encoder: Encoder, texts: string[]): Promise<TokenStates[]> {
  if (!encoder.tokenStates) throw new TypeError('this encoder gives no token states');
  const leads = texts.map((t) => t.length - t.trimStart().length);
  const states = await encoder.tokenStates(texts.map((t) => t.trim()));
  return states.map((s, i) => {
    const lead = leads[i]!;
    if (lead === 0) return s;
    return { ...s, starts: s.starts.map((x) => x + lead), ends: s.ends.map((x) => x + lead) };
  });
}
