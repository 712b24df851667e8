import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { currentUser } from '../plugins/app/auth.js';
import { Id, Limit } from './schemas.js';

export default async function auditRoutes(app: FastifyInstance) {
  app.get('/api/audit', {
    preHandler: app.authenticate,
    schema: {
      tags: ['audit'], summary: 'Append-only audit log (admins: all; moderators: their communities)',
      querystring: Type.Object({
        communityId: Type.Optional(Id), targetId: Type.Optional(Id), action: Type.Optional(Type.String({ maxLength: 64 })),
        before: Type.Optional(Type.Integer({ minimum: 1 })), limit: Limit,
      }),
    },
  }, async (request) => app.services.audit.list(currentUser(request), request.query as never));
}
