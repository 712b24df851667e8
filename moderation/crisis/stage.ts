import type { Encoder } from '../misinfo/types.js';
import type { Finding, Stage, StageInput } from '../types.js';
import { CrisisClassifier, loadCrisisModel, predictedKinds, thresholdFor, type CrisisModelFile, type CrisisPrediction } from './classifier.js';
import { classifierGate, classifierVetoes, compileLexicon, detectCrisis, type CrisisHit } from './detect.js';
import { CRISIS_LEXICON_V1, type CrisisKind, type CrisisLexicon } from './lexicons.v1.js';
import { crisisPolicyOf } from './policy.js';

/**
 * Optional message-level scorer (e.g. a classifier on the project's encoder, later), called only
 * for kinds with some lexical evidence. Must not log or keep the text.
 */
export type CrisisScorer = (text: string, kind: CrisisKind) => number | Promise<number>;

export interface CrisisStageOptions {
  lexicon?: CrisisLexicon;
  /** Blended as (1 - w) * lexical + w * scorer against the lexicon threshold. */
  scorer?: CrisisScorer;
  scorerWeight?: number;
  timeoutMs?: number;
  /**
   * The encoder classifier (see createCrisisStage): runs on every checked message alongside the
   * rules, and either path can report a crisis.
   */
  classifier?: CrisisClassifier;
  /** Longest wait for the classifier; past it (or on an encoder error) the rules' findings stand alone. */
  classifierTimeoutMs?: number;
  /** Evaluation only: false turns the rules off so the classifier can be measured alone. */
  rules?: boolean;
}

/**
 * Crisis detection: suicidal thoughts, self-harm, intentional overdose, a medical emergency now,
 * abuse in progress. Every finding is urgent with action 'hold': the server sends the community's
 * crisis resources to the author at once, puts the message at the top of the queue and alerts
 * moderators. The finding message (for the author) is warm and carries the resources.
 */
export function crisisStage(options: CrisisStageOptions = {}): Stage {
  const lex = compileLexicon(options.lexicon ?? CRISIS_LEXICON_V1);
  const classifier = options.classifier;
  const classifierTimeoutMs = options.classifierTimeoutMs ?? Math.max(100, (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) - 500);
  const useRules = options.rules !== false;
  return {
    name: 'crisis',
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : classifier ? { timeoutMs: DEFAULT_TIMEOUT_MS } : {}),
    async run(input: StageInput): Promise<Finding[]> {
      const policy = crisisPolicyOf(input.policy);
      if (!policy.enabled || !policy.roles.includes(input.authorRole)) return [];
      // The classifier's request goes out first, so the encoder works while the rules run.
      const predicted =
        classifier && policy.classifier && classifierGate(lex, input.text) ? predictWithin(classifier, input.text, classifierTimeoutMs) : undefined;
      // Every kind with some lexical evidence (any cue weight); the rules report those at the
      // lexicon's threshold, and the classifier needs a stricter score where there is none.
      const evidence = useRules || predicted ? detectCrisis(lex, input.text, 0).filter((h) => policy.kinds.includes(h.kind)) : [];
      let hits: CrisisHit[] = useRules ? (options.scorer ? evidence : evidence.filter((h) => h.score >= lex.threshold)) : [];
      if (options.scorer) {
        const w = Math.min(1, Math.max(0, options.scorerWeight ?? 0.5));
        const blended = [];
        for (const h of hits) {
          const raw = await options.scorer(input.text, h.kind);
          const clf = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0;
          const score = (1 - w) * h.score + w * clf;
          if (score >= lex.threshold) blended.push({ ...h, score });
        }
        hits = blended;
      }
      const found = new Map<CrisisKind, { hit?: CrisisHit; model?: number }>();
      for (const h of hits) found.set(h.kind, { hit: h });
      const prediction = predicted ? await predicted : undefined;
      if (prediction && classifier) {
        const vetoed = classifierVetoes(lex, input.text);
        const threshold = thresholdFor(classifier.model, evidence.length > 0, policy.classifierThreshold, policy.classifierSoloThreshold);
        for (const kind of predictedKinds(classifier.model, prediction, policy.kinds, threshold)) {
          if (vetoed.has(kind)) continue;
          const slot = found.get(kind) ?? {};
          slot.model = prediction.p;
          found.set(kind, slot);
        }
      }
      if (found.size === 0) return [];
      // Most pressing kind first (the lexicon's priority order); one wording for the whole message.
      const ordered = lex.kinds.filter((k) => found.has(k.entry.kind));
      const resources = (input.policy.crisisResources ?? []).map((r) => r.trim()).filter(Boolean);
      const message = [ordered[0]!.entry.message, ...resources].join(' ');
      const whole = messageSpan(input.text);
      return ordered.map(({ entry }) => {
        const { hit, model } = found.get(entry.kind)!;
        const score = Math.max(hit?.score ?? 0, model ?? 0);
        const detail: Record<string, unknown> = {
          kind: entry.kind,
          source: hit && model !== undefined ? 'rules+classifier' : hit ? 'rules' : 'classifier',
          lexicon: lex.id,
          lexiconVersion: lex.version,
          cues: hit?.cues ?? [],
        };
        if (classifier) {
          detail.model = classifier.model.id;
          detail.modelVersion = classifier.model.modelVersion;
          if (prediction) detail.classifierScore = Math.round(prediction.p * 1000) / 1000;
          else if (predicted) detail.classifierScore = null;
        }
        return {
          stage: 'crisis',
          type: 'CRISIS',
          start: hit?.start ?? whole.start,
          end: hit?.end ?? whole.end,
          score: Math.round(score * 1000) / 1000,
          rule: entry.rule,
          message,
          action: 'hold',
          urgent: true,
          detail,
        } satisfies Finding;
      });
    },
  };
}

const DEFAULT_TIMEOUT_MS = 3000;

/** The classifier's prediction, or undefined when the encoder fails or is slower than `ms` (the rules still stand). */
async function predictWithin(classifier: CrisisClassifier, text: string, ms: number): Promise<CrisisPrediction | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  const run = classifier.predict(text).catch(() => undefined);
  try {
    return await Promise.race([run, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The trimmed message, for findings the classifier alone raised (it judges the message as a whole). */
function messageSpan(text: string): { start: number; end: number } {
  const start = text.length - text.trimStart().length;
  const end = Math.max(start, text.trimEnd().length);
  return { start, end };
}

export interface CreateCrisisStageOptions extends Omit<CrisisStageOptions, 'classifier'> {
  /**
   * The project's sentence encoder (USE-lite: the server's shared worker pool, or loadEncoder()).
   * Not closed by the stage: whoever created it closes it. Without one the stage is rules-only.
   */
  encoder?: Encoder;
  /** Folder with head.json (default models/crisis). */
  modelDir?: string;
  /** An already loaded model (instead of modelDir). */
  model?: CrisisModelFile;
}

export type CrisisStage = Stage & {
  /** The classifier in use, if any. */
  readonly classifier?: CrisisClassifier;
  /** Releases nothing of the caller's (the encoder stays open); present so servers can close stages uniformly. */
  close(): Promise<void>;
};

/**
 * The crisis stage with the encoder classifier when an encoder is given, rules-only otherwise.
 * Throws CrisisModelError (code MODEL_MISSING / MODEL_CORRUPT) when the model cannot be used.
 *
 *   const crisis = createCrisisStage({ encoder: pool, timeoutMs: 3000 });
 *   ...
 *   await crisis.close();   // then close the pool
 */
export function createCrisisStage(options: CreateCrisisStageOptions = {}): CrisisStage {
  const { encoder, modelDir, model, ...rest } = options;
  const classifier = encoder ? new CrisisClassifier(encoder, model ?? loadCrisisModel(modelDir, encoder.dim)) : undefined;
  const stage = crisisStage({ ...rest, ...(classifier ? { classifier } : {}) });
  return Object.assign(stage, { ...(classifier ? { classifier } : {}), close: async () => undefined });
}
