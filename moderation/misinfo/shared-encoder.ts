import type { Encoder, TokenStates } from './types.js';

/**
 * Lets several stages share one encoder without paying twice for the same text: the PHI,
 * misinformation and crisis stages all read the message as it arrives, at the same moment.
 * A token-states run (the PHI tagger's input) also gives the text's sentence vector when the text
 * fits one window, so a later `embed` of the same text waits for that run instead of starting
 * another. Only requests still in flight are shared; nothing is cached afterwards, so message text
 * is held no longer than the pipeline holds it anyway.
 */
export function sharedEncoder(inner: Encoder): Encoder {
  // text -> its vector, or undefined when the run in flight is a token-states run that could not give one.
  const inFlight = new Map<string, Promise<Float32Array | undefined>>();
  // text -> the one embed run started for it after such a token-states run (several callers may be waiting).
  const fallback = new Map<string, Promise<Float32Array>>();

  const register = (text: string, one: Promise<Float32Array | undefined>): void => {
    // The batch's rejection is reported through the callers' promises.
    one.catch(() => undefined);
    inFlight.set(text, one);
    void one.finally(() => {
      if (inFlight.get(text) === one) inFlight.delete(text);
    }).catch(() => undefined);
  };
  const vectorFor = (text: string): Promise<Float32Array> =>
    inFlight.get(text)!.then((v) => {
      if (v) return v;
      let f = fallback.get(text);
      if (!f) {
        const run = inner.embed([text]).then((r) => r[0]!);
        fallback.set(text, run);
        void run.finally(() => fallback.delete(text)).catch(() => undefined);
        f = run;
      }
      return f;
    });

  const shared: Encoder = {
    dim: inner.dim,
    embed(texts: string[]): Promise<Float32Array[]> {
      const fresh = [...new Set(texts.filter((t) => !inFlight.has(t)))];
      if (fresh.length > 0) {
        const batch = inner.embed(fresh);
        fresh.forEach((text, i) => register(text, batch.then((vectors) => vectors[i]!)));
      }
      return Promise.all(texts.map(vectorFor));
    },
    close: () => inner.close(),
  };
  if (inner.tokenStates) {
    const states = inner.tokenStates.bind(inner);
    shared.tokenStates = (texts: string[]): Promise<TokenStates[]> => {
      const batch = states(texts);
      texts.forEach((text, i) => {
        if (!inFlight.has(text)) register(text, batch.then((r) => r[i]!.vector));
      });
      return batch;
    };
  }
  return shared;
}
