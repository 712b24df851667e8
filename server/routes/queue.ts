import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { HavenError } from '../lib/errors.js';
import { currentUser } from '../plugins/app/auth.js';
import { REJECT_REASON_CODES, type Decision } from '../services/queue.js';
import { Id, IdParams, Limit } from './schemas.js';

const DecisionBody = Type.Union([
  Type.Object({ action: Type.Literal('approve'), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('reject'), reasonCode: Type.Union(REJECT_REASON_CODES.map((c) => Type.Literal(c))), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
  Type.Object({
    action: Type.Literal('edit_approve'), text: Type.String({ minLength: 1, maxLength: 100_000 }), title: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('escalate'), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
]);

export default async function queueRoutes(app: FastifyInstance) {
  const auth = { preHandler: app.authenticate };
  const svc = () => app.services.queue;
  const id = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.get('/api/queue', {
    ...auth,
    schema: {
      tags: ['queue'], summary: 'Held and reported items you may moderate: urgent first, then riskiest, then oldest',
      querystring: Type.Object({
        communityId: Type.Optional(Id),
        status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('escalated'), Type.Literal('all')])),
        reason: Type.Optional(Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_:]+$' })),
        urgent: Type.Optional(Type.Boolean()),
        olderThanMinutes: Type.Optional(Type.Integer({ minimum: 0 })),
        sort: Type.Optional(Type.Union([Type.Literal('priority'), Type.Literal('oldest')])),
        limit: Limit,
      }),
    },
  }, async (request) => svc().list(currentUser(request), request.query as never));

  app.post('/api/queue/bulk', {
    ...auth,
    schema: {
      tags: ['queue'], summary: 'Approve or reject several items at once (each is claimed, decided and audited)',
      body: Type.Object({
        itemIds: Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true }),
        action: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
        reasonCode: Type.Optional(Type.Union(REJECT_REASON_CODES.map((c) => Type.Literal(c)))),
      }, { additionalProperties: false }),
    },
  }, async (request) => {
    const { itemIds, action, reasonCode } = request.body as { itemIds: string[]; action: 'approve' | 'reject'; reasonCode?: (typeof REJECT_REASON_CODES)[number] };
    if (action === 'reject' && !reasonCode) throw new HavenError(400, 'REASON_REQUIRED', 'Choose a reason code to reject.');
    return svc().bulk(currentUser(request), itemIds, action === 'reject' ? { action, reasonCode: reasonCode! } : { action });
  });

  app.get('/api/stats', {
    ...auth,
    schema: {
      tags: ['queue'], summary: 'Dashboard: queue depth over time, median time to decision, decisions by reason',
      querystring: Type.Object({ communityId: Type.Optional(Id), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })) }),
    },
  }, async (request) => app.services.stats.dashboard(currentUser(request), request.query as never));

  app.get('/api/queue/:id', { ...auth, schema: { tags: ['queue'], summary: 'One item with findings, thread context, author history and notes', params: IdParams } }, async (request) =>
    svc().detail(currentUser(request), id(request)));

  app.post('/api/queue/:id/claim', { ...auth, schema: { tags: ['queue'], summary: 'Claim (or renew) an item; the lease expires', params: IdParams } }, async (request) =>
    svc().claim(currentUser(request), id(request)));

  app.post('/api/queue/:id/release', { ...auth, schema: { tags: ['queue'], summary: 'Give a claimed item back', params: IdParams } }, async (request) =>
    svc().release(currentUser(request), id(request)));

  app.post('/api/queue/:id/decision', {
    ...auth,
    schema: { tags: ['queue'], summary: 'Approve, reject with a reason code, edit-and-approve, or escalate (claim required, audited)', params: IdParams, body: DecisionBody },
  }, async (request) => {
    const { note, ...decision } = request.body as Decision & { note?: string };
    return svc().decide(currentUser(request), id(request), decision as Decision, note);
  });

  app.post('/api/queue/:id/notes', {
    ...auth,
    schema: { tags: ['queue'], summary: 'Add a moderator note', params: IdParams, body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }) },
  }, async (request, reply) => reply.status(201).send(await svc().addNote(currentUser(request), id(request), (request.body as { text: string }).text)));

  app.post('/api/queue/:id/reveal', {
    ...auth,
    schema: {
      tags: ['queue'], summary: 'Reveal the original text of a claimed redacted or held item (audited)', params: IdParams,
      body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false }),
    },
  }, async (request) => svc().reveal(currentUser(request), id(request), (request.body as { reason: string }).reason));
}
