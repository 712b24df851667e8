import type { FastifyInstance } from 'fastify';
import { DEFAULT_BOUNDARY_RULE_SETS } from '../../moderation/boundaries/index.js';
import { CRISIS_LEXICON_V1 } from '../../moderation/crisis/index.js';
import { PHI_TYPES } from '../../moderation/phi/index.js';
import { currentUser } from '../plugins/app/auth.js';

/**
 * The rules behind the pipeline, as data, for moderators: which stages run, the versioned
 * clinician boundary rule sets (description, default action, what the clinician is told,
 * the guidance they follow, examples) and the crisis lexicon's kinds and version.
 */
export default async function rulesRoutes(app: FastifyInstance) {
  app.get('/api/moderation/rules', {
    preHandler: app.authenticate,
    schema: { tags: ['moderation'], summary: 'Pipeline stages and the versioned rule sets moderators apply' },
  }, async (request) => {
    currentUser(request);
    return {
      stages: app.pipeline.stageNames,
      phiTypes: PHI_TYPES,
      boundaryRuleSets: DEFAULT_BOUNDARY_RULE_SETS.map((set) => ({
        id: set.id, version: set.version, updated: set.updated, description: set.description,
        rules: set.rules.map((r) => ({
          id: r.id, title: r.title, description: r.description, defaultAction: r.defaultAction, explanation: r.explanation,
          note: r.note, guidance: r.guidance, appliesTo: r.appliesTo, findingType: r.findingType, examples: r.examples,
        })),
      })),
      crisis: { id: CRISIS_LEXICON_V1.id, version: CRISIS_LEXICON_V1.version, kinds: CRISIS_LEXICON_V1.kinds.map((k) => k.kind) },
    };
  });
}
