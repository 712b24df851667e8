import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { currentUser } from '../plugins/app/auth.js';
import { REPORT_REASONS, type ReportReason } from '../services/messages.js';
import { track } from './communities.js';
import { Id, IdParams, Limit, MessageText } from './schemas.js';

const Send = Type.Object({ text: MessageText, replyToId: Type.Optional(Id) }, { additionalProperties: false });

export default async function messageRoutes(app: FastifyInstance) {
  const auth = { preHandler: app.authenticate };
  const svc = () => app.services.messages;

  app.get('/api/threads/:id', {
    ...auth,
    schema: { tags: ['forum'], summary: 'A thread with the messages you can see', params: IdParams, querystring: Type.Object({ limit: Limit }) },
  }, async (request) => svc().thread(currentUser(request), (request.params as { id: string }).id, (request.query as { limit?: number }).limit ?? 200));

  app.post('/api/threads/:id/messages', { ...auth, schema: { tags: ['forum'], summary: 'Reply in a thread (moderated first)', params: IdParams, body: Send } }, async (request, reply) => {
    const { text, replyToId } = request.body as { text: string; replyToId?: string };
    const work = svc().submit(currentUser(request), { kind: 'reply', threadId: (request.params as { id: string }).id, text, replyToId });
    return reply.status(201).send(await track(app, work));
  });

  app.get('/api/rooms/:id/messages', {
    ...auth,
    schema: { tags: ['chat'], summary: 'Recent chat messages you can see', params: IdParams, querystring: Type.Object({ limit: Limit, before: Type.Optional(Type.Integer({ minimum: 0 })) }) },
  }, async (request) => {
    const { limit, before } = request.query as { limit?: number; before?: number };
    return svc().roomMessages(currentUser(request), (request.params as { id: string }).id, limit ?? 100, before);
  });

  app.post('/api/rooms/:id/messages', { ...auth, schema: { tags: ['chat'], summary: 'Send a chat message (moderated first; WebSocket also works)', params: IdParams, body: Send } }, async (request, reply) => {
    const { text, replyToId } = request.body as { text: string; replyToId?: string };
    const work = svc().submit(currentUser(request), { kind: 'chat', roomId: (request.params as { id: string }).id, text, replyToId });
    return reply.status(201).send(await track(app, work));
  });

  app.get('/api/messages/:id', { ...auth, schema: { tags: ['messages'], summary: 'One message: published ones, or your own in any state', params: IdParams } }, async (request) =>
    svc().get(currentUser(request), (request.params as { id: string }).id));

  app.post('/api/messages/:id/reports', {
    ...auth,
    schema: {
      tags: ['messages'], summary: 'Report a published message', params: IdParams,
      body: Type.Object({ reason: Type.Union(REPORT_REASONS.map((r) => Type.Literal(r))) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const result = await svc().report(currentUser(request), (request.params as { id: string }).id, (request.body as { reason: ReportReason }).reason);
    return reply.status(201).send(result);
  });
}
