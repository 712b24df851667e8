import type { Encoder } from './types.js';

/**
 * Lets several stages share one encoder without paying twice for the same text: the
 * misinformation and crisis stages both embed the message as it arrives, at the same moment.
 * Only requests still in flight are shared; nothing is cached afterwards, so message text is
 * held no longer than the pipeline holds it anyway.
 */
export function sharedEncoder(inner: Encoder): Encoder {
  const inFlight = new Map<string, Promise<Float32Array>>();
  return {
    dim: inner.dim,
    embed(texts: string[]): Promise<Float32Array[]> {
      const fresh = [...new Set(texts.filter((t) => !inFlight.has(t)))];
      if (fresh.length > 0) {
        const batch = inner.embed(fresh);
        fresh.forEach((text, i) => {
          const one = batch.then((vectors) => vectors[i]!);
          // The batch's rejection is reported through the callers' promises below.
          one.catch(() => undefined);
          inFlight.set(text, one);
          void one.finally(() => {
            if (inFlight.get(text) === one) inFlight.delete(text);
          }).catch(() => undefined);
        });
      }
      return Promise.all(texts.map((t) => inFlight.get(t)!));
    },
    ...(inner.tokenStates ? { tokenStates: (texts: string[]) => inner.tokenStates!(texts) } : {}),
    close: () => inner.close(),
  };
}
