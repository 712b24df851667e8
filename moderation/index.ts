/** Public surface of the moderation library. */
export * from './types.js';
export { createPipeline, type Pipeline, type PipelineOptions } from './pipeline.js';
export { decide, applyRedactions, mapSpansToPublished, defaultPolicy, resolvePolicy } from './policy.js';
export { defaultStages } from './stages/index.js';
