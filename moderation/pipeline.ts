import { decide } from './policy.js';
import type { Finding, ModerationResult, Stage, StageInput } from './types.js';

export interface PipelineOptions {
  /** Time budget for a stage that does not set its own. */
  stageTimeoutMs: number;
}

export interface Pipeline {
  /** The stage objects when they run in this thread (empty when the pipeline runs elsewhere, e.g. worker threads). */
  readonly stages: readonly Stage[];
  /** Names of the stages, in the order their findings are listed. */
  readonly stageNames: readonly string[];
  moderate(input: StageInput): Promise<ModerationResult>;
}

class StageTimeout extends Error {}

/**
 * Runs every stage on the message and lets the policy decide. Stages run concurrently:
 * they do not see each other's findings, so order only fixes how findings are listed.
 * A stage that throws or overruns its budget yields a hold finding: a message is never
 * published unchecked.
 */
export function createPipeline(stages: Stage[], options: PipelineOptions): Pipeline {
  const frozen = Object.freeze([...stages]);
  return {
    stages: frozen,
    stageNames: frozen.map((s) => s.name),
    async moderate(input: StageInput): Promise<ModerationResult> {
      const started = performance.now();
      const stageMs: Record<string, number> = {};
      const perStage = await Promise.all(
        frozen.map(async (stage) => {
          // Timed around the stage's own work: stages start together, so a clock started here
          // would also count the synchronous stages scheduled before this one.
          let t0 = 0;
          let t1: number | undefined;
          try {
            const run = Promise.resolve().then(() => {
              t0 = performance.now();
              const out = stage.run(input);
              if (!isPromise(out)) {
                t1 = performance.now();
                return out;
              }
              return out.finally(() => {
                t1 = performance.now();
              });
            });
            return await withTimeout(run, stage.timeoutMs ?? options.stageTimeoutMs);
          } catch (error) {
            return [stageFailure(stage.name, error instanceof StageTimeout)];
          } finally {
            stageMs[stage.name] = round((t1 ?? performance.now()) - (t0 || started));
          }
        }),
      );
      const findings = perStage.flat();
      const decision = decide(input.text, findings);
      return { ...decision, findings, ms: round(performance.now() - started), stageMs };
    },
  };
}

/** The hold finding of a check that could not finish (a stage that threw or overran, or a lost worker). */
export function stageFailure(stage: string, timedOut: boolean): Finding {
  return {
    stage,
    type: 'STAGE_ERROR',
    start: 0,
    end: 0,
    score: 1,
    rule: timedOut ? 'STAGE_TIMEOUT' : 'STAGE_FAILED',
    message: 'One of our automatic checks could not finish, so a person will look at your message.',
    action: 'hold',
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StageTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
