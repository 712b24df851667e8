/**
 * The misinformation stage: scores each sentence of a message with the trained head and the
 * claims knowledge base, then asks the policy to hold the message (score >= holdThreshold) or to
 * publish it with a context note (score >= noteThreshold). Findings carry the sentence span,
 * the score and, for a known claim, its id, correction and authority in `detail`; they never
 * carry the message text.
 *
 *   const stage = await createMisinformationStage({ encoder: pool }); // or let it load its own encoder
 *   createPipeline([...defaultStages(), stage], options);
 *   await stage.close();                                              // closes an encoder it loaded
 */
import { existsSync, statSync } from 'node:fs';
import nlp from 'compromise';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommunityPolicy, Finding, FindingAction, Stage, StageInput } from '../types.js';
import { ClaimIndex, validateClaims } from './claims.js';
import { MisinfoModelError } from './errors.js';
import { validateHead } from './head.js';
import { MisinfoScorer, type ScoredSentence } from './scorer.js';
import type { ClaimsFile, Encoder, HeadFile, MisinfoPolicy } from './types.js';

export const STAGE_NAME = 'misinformation';
export const FINDING_TYPE = 'MISINFORMATION';
export const DEFAULT_MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'misinfo');

/** Defaults for `CommunityPolicy.misinfo`; scores are calibrated probabilities. */
export const DEFAULT_MISINFO_POLICY: MisinfoPolicy = {
  enabled: true,
  holdThreshold: 0.85,
  noteThreshold: 0.5,
  exemptRoles: [],
};

/** Most sentences reported per message (the highest scoring ones). */
const MAX_FINDINGS = 3;

const HOLD_MESSAGE =
  'Part of your message repeats a health claim that medical experts consider inaccurate, so a volunteer moderator will read it before it is shared. ' +
  'This is not a judgement of you; health information spreads fast here and we check it to keep everyone safe.';
const GENERIC_NOTE =
  'Context: some health information in this post may not match current medical evidence. Please check with your care team or a trusted source such as the CDC, WHO or NHS.';

/** Reads `policy.misinfo` (absent until a community sets it) over the defaults. */
export function resolveMisinfoPolicy(policy: CommunityPolicy | undefined): MisinfoPolicy {
  const raw = (policy as { misinfo?: Partial<MisinfoPolicy> } | undefined)?.misinfo ?? {};
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : d);
  const noteThreshold = num(raw.noteThreshold, DEFAULT_MISINFO_POLICY.noteThreshold);
  const holdThreshold = num(raw.holdThreshold, DEFAULT_MISINFO_POLICY.holdThreshold);
  return {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : DEFAULT_MISINFO_POLICY.enabled,
    noteThreshold,
    // A hold threshold below the note threshold would make notes unreachable; that is allowed.
    holdThreshold,
    exemptRoles: Array.isArray(raw.exemptRoles) ? raw.exemptRoles.filter((r): r is string => typeof r === 'string') : DEFAULT_MISINFO_POLICY.exemptRoles,
  };
}

/** The note published under the message: the correction of the matched claim, or a general one. */
export function contextNote(s: Pick<ScoredSentence, 'match'>): string {
  if (!s.match) return GENERIC_NOTE;
  return `Context: ${s.match.claim.correction} (Source: ${s.match.claim.authority})`;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export interface MisinformationStageOptions {
  /** Stage time budget in ms (default 3000). */
  timeoutMs?: number;
}

/**
 * Whether a sentence says something about something: two words or more, and a verb, four words
 * or a known claim's wording. The
 * classifier scores bare topics of misinformation ("Vaccines", "Ivermectin?") high, yet a title
 * or a one-word reply that names a topic cannot spread a claim.
 */
export function statesSomething(sentence: string, matchesClaim = false): boolean {
  const words = (sentence.match(/[\p{L}\p{N}']+/gu) ?? []).length;
  if (words < 2) return false;
  // Long enough, or close to a known claim: a claim even where the parser finds no verb ("5G spreads covid").
  if (words >= 4 || matchesClaim) return true;
  return nlp(sentence).verbs().length > 0;
}

export function misinformationStage(scorer: MisinfoScorer, options: MisinformationStageOptions = {}): Stage {
  return {
    name: STAGE_NAME,
    timeoutMs: options.timeoutMs ?? 3000,
    async run(input: StageInput): Promise<Finding[]> {
      const policy = resolveMisinfoPolicy(input.policy);
      if (!policy.enabled || input.text.trim().length === 0) return [];
      const result = await scorer.scoreText(input.text, { minScore: policy.noteThreshold });
      if (!result.top) return [];
      let flagged = result.sentences.filter((s) => s.score >= policy.noteThreshold);
      // The whole-message score can exceed every sentence's ('max' / 'message' combination).
      if (flagged.length === 0 && result.score >= policy.noteThreshold) flagged = [{ ...result.top, score: result.score }];
      // A topic word or a subject line ("Vaccines", "Natural remedies", "Ivermectin?") states no claim.
      flagged = flagged.filter((s) => statesSomething(input.text.slice(s.start, s.end), s.match !== undefined));
      flagged = flagged.sort((a, b) => b.score - a.score).slice(0, MAX_FINDINGS).sort((a, b) => a.start - b.start);
      const exempt = policy.exemptRoles.includes(input.authorRole);
      return flagged.map((s) => {
        const score = Math.max(s.score, s === result.top ? result.score : 0);
        const action: FindingAction = exempt ? 'none' : score >= policy.holdThreshold ? 'hold' : 'note';
        const detail: Record<string, unknown> = { sentenceScore: round3(s.classifier), messageScore: round3(result.messageScore) };
        if (s.match) {
          Object.assign(detail, {
            claimId: s.match.claim.id,
            claim: s.match.claim.claim,
            correction: s.match.claim.correction,
            authority: s.match.claim.authority,
            similarity: round3(s.match.similarity),
          });
        }
        return {
          stage: STAGE_NAME,
          type: FINDING_TYPE,
          start: s.start,
          end: s.end,
          score: round3(score),
          rule: s.match ? 'MISINFO_CLAIM_MATCH' : 'MISINFO_CLASSIFIER',
          // 'note' findings become the note published with the message; others explain to the author.
          message: action === 'note' ? contextNote(s) : HOLD_MESSAGE,
          action,
          detail,
        };
      });
    },
  };
}

export interface LoadedMisinformationStage extends Stage {
  readonly scorer: MisinfoScorer;
  /** Closes the encoder if this function loaded it (not one passed in). */
  close(): Promise<void>;
}

export interface CreateMisinformationStageOptions extends MisinformationStageOptions {
  /** An encoder to share (e.g. the worker pool); otherwise one is loaded from `encoderDir`. */
  encoder?: Encoder;
  /** Folder of the USE-lite ONNX model (default: the encoder module's default, models/use-lite). */
  encoderDir?: string;
  /** Folder with head.json and claims.json (default models/misinfo). */
  modelDir?: string;
}

/** Reads and parses one JSON file of the model folder; MODEL_MISSING / MODEL_CORRUPT otherwise. */
async function readModelJson<T>(dir: string, name: string): Promise<T> {
  const file = join(dir, name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new MisinfoModelError('MODEL_MISSING', `misinformation model file not found: ${file} (see models/misinfo/MODEL_CARD.md; rebuild head.json with npm run train:misinfo)`, { cause: e });
    throw new MisinfoModelError('MODEL_CORRUPT', `cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new MisinfoModelError('MODEL_CORRUPT', `${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Loads the head, the claims (embedding them once) and, unless given, the encoder.
 * Rejects with a MisinfoModelError whose `code` is MODEL_MISSING (folder or file absent) or
 * MODEL_CORRUPT (unparsable, inconsistent, or not made for this encoder); an encoder it loads
 * itself rejects the same way (EncoderError, a MisinfoModelError).
 */
export async function createMisinformationStage(options: CreateMisinformationStageOptions = {}): Promise<LoadedMisinformationStage> {
  const dir = resolve(options.modelDir ?? DEFAULT_MODEL_DIR);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new MisinfoModelError('MODEL_MISSING', `misinformation model folder not found: ${dir} (expected head.json and claims.json, see models/misinfo/MODEL_CARD.md)`);
  const [head, claims] = await Promise.all([readModelJson<HeadFile>(dir, 'head.json'), readModelJson<ClaimsFile>(dir, 'claims.json')]);
  try {
    validateHead(head, head?.dim);
    if (!head.claimMatch || !head.calibration || !['max', 'message', 'geomean', 'geomean-mean'].includes(head.combine)) throw new Error('head.json lacks calibration, combine or claimMatch');
    validateClaims(claims);
  } catch (e) {
    throw new MisinfoModelError('MODEL_CORRUPT', `${dir}: ${(e as Error).message}`, { cause: e });
  }
  if (options.encoder && options.encoder.dim !== head.dim)
    throw new MisinfoModelError('MODEL_CORRUPT', `${dir}/head.json was trained on ${head.dim}-d embeddings, the encoder gives ${options.encoder.dim}`);
  let encoder = options.encoder;
  let owned = false;
  if (!encoder) {
    const { loadEncoder } = await import('./encoder.js');
    encoder = await loadEncoder(options.encoderDir ? { modelDir: options.encoderDir } : {});
    owned = true;
  }
  try {
    const index = await ClaimIndex.build(claims, encoder);
    const scorer = new MisinfoScorer(encoder, head, index);
    const stage = misinformationStage(scorer, options);
    const enc = encoder;
    return {
      ...stage,
      name: stage.name,
      run: stage.run.bind(stage),
      scorer,
      async close() {
        if (owned) await enc.close();
      },
    };
  } catch (e) {
    if (owned) await encoder.close().catch(() => undefined);
    throw e;
  }
}
