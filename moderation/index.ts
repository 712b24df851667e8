/** Public surface of the moderation library. */
export * from './types.js';
export { createPipeline, stageFailure, type Pipeline, type PipelineOptions } from './pipeline.js';
export { decide, applyRedactions, mapSpansToPublished, defaultPolicy, resolvePolicy } from './policy.js';
export { defaultStages, withModelStages, type ModelStagesOptions } from './stages/index.js';
