import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { currentUser } from '../plugins/app/auth.js';
import { Id, IdParams } from './schemas.js';

const Verification = Type.Object({
  fullName: Type.String({ minLength: 2, maxLength: 200 }),
  credential: Type.String({ minLength: 2, maxLength: 60, description: 'e.g. MD, RN, PharmD, RD' }),
  jurisdiction: Type.String({ minLength: 2, maxLength: 120 }),
  licenceNumber: Type.String({ minLength: 2, maxLength: 60 }),
}, { additionalProperties: false });

export default async function adminRoutes(app: FastifyInstance) {
  const auth = { preHandler: app.authenticate };

  app.get('/api/admin/users', {
    ...auth,
    schema: { tags: ['admin'], summary: 'Find users by handle (admin)', querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 64 })) }) },
  }, async (request) => app.services.accounts.search(currentUser(request), (request.query as { q?: string }).q ?? ''));

  app.post('/api/users/:id/sanctions', {
    ...auth,
    schema: {
      tags: ['moderation'], summary: 'Warn, mute (moderators) or suspend (admins) an author; audited', params: IdParams,
      body: Type.Object({
        communityId: Id,
        kind: Type.Union([Type.Literal('warn'), Type.Literal('mute'), Type.Literal('suspend')]),
        minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 * 24 * 365 })),
        reason: Type.String({ minLength: 3, maxLength: 500 }),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) =>
    reply.status(201).send(await app.services.sanctions.apply(currentUser(request), (request.params as { id: string }).id, request.body as never)));

  app.put('/api/admin/users/:id/role', {
    ...auth,
    schema: {
      tags: ['admin'], summary: 'Set a user\u2019s global role (admin, audited)', params: IdParams,
      body: Type.Object({ role: Type.Union([Type.Literal('member'), Type.Literal('moderator'), Type.Literal('admin')]) }, { additionalProperties: false }),
    },
  }, async (request) => app.services.accounts.setRole(currentUser(request), (request.params as { id: string }).id, (request.body as { role: 'member' }).role));

  app.post('/api/admin/users/:id/clinician-verification', {
    ...auth, schema: { tags: ['admin'], summary: 'Verify a clinician (admin, audited)', params: IdParams, body: Verification },
  }, async (request, reply) =>
    reply.status(201).send(await app.services.accounts.verifyClinician(currentUser(request), (request.params as { id: string }).id, request.body as never)));

  app.delete('/api/admin/users/:id/clinician-verification', {
    ...auth,
    schema: { tags: ['admin'], summary: 'Revoke a clinician verification (admin, audited)', params: IdParams, body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false }) },
  }, async (request) =>
    app.services.accounts.revokeClinician(currentUser(request), (request.params as { id: string }).id, (request.body as { reason: string }).reason));
}
