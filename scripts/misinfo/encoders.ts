/**
 * Encoder selection and an on-disk embedding cache for training/evaluation scripts.
 *   --encoder onnx       the project's ONNX port (moderation/misinfo/encoder.ts), the default
 *   --encoder reference  the original TF.js graph (scripts/misinfo/reference-encoder.ts)
 * The cache (default: $TMPDIR/haven-misinfo-cache) maps sha256(text) to the vector, per encoder;
 * it holds no text.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Encoder } from '../../moderation/misinfo/types.js';

export type EncoderKind = 'onnx' | 'reference';

export async function openEncoder(kind: EncoderKind, modelDir?: string): Promise<Encoder> {
  if (kind === 'reference') {
    const { loadReferenceEncoder } = await import('./reference-encoder.js');
    return loadReferenceEncoder();
  }
  const { loadEncoder } = await import('../../moderation/misinfo/encoder.js');
  return loadEncoder(modelDir ? { modelDir } : {});
}

export class CachedEncoder implements Encoder {
  readonly dim: number;
  private map = new Map<string, Float32Array>();
  private file: string;

  constructor(private inner: Encoder, name: string, dir = join(tmpdir(), 'haven-misinfo-cache')) {
    this.dim = inner.dim;
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, `${name}.jsonl`);
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const { k, v } = JSON.parse(line) as { k: string; v: string };
          const buf = Buffer.from(v, 'base64');
          this.map.set(k, new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4).slice());
        } catch {
          // A torn last line from an interrupted run: ignore it.
        }
      }
    }
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const keys = texts.map((t) => createHash('sha256').update(t).digest('hex'));
    const missing = [...new Set(keys.map((k, i) => (this.map.has(k) ? -1 : i)).filter((i) => i >= 0).map((i) => texts[i]!))];
    for (let s = 0; s < missing.length; s += 256) {
      const chunk = missing.slice(s, s + 256);
      const vecs = await this.inner.embed(chunk);
      const lines: string[] = [];
      chunk.forEach((t, i) => {
        const k = createHash('sha256').update(t).digest('hex');
        const v = vecs[i]!;
        this.map.set(k, v);
        lines.push(JSON.stringify({ k, v: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') }));
      });
      appendFileSync(this.file, lines.join('\n') + '\n');
      if (missing.length > 512) process.stderr.write(`embedded ${Math.min(s + 256, missing.length)}/${missing.length}\n`);
    }
    return keys.map((k) => this.map.get(k)!);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Parses `--name value` and `--flag` arguments. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) out[a.slice(2)] = argv[++i]!;
    else out[a.slice(2)] = true;
  }
  return out;
}
