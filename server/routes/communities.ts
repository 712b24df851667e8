import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { currentUser } from '../plugins/app/auth.js';
import { Id, IdParams, Limit, Title } from './schemas.js';

const CreateCommunity = Type.Object({
  slug: Type.String({ minLength: 2, maxLength: 48, pattern: '^[a-z0-9-]+$' }),
  name: Type.String({ minLength: 2, maxLength: 120 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  policy: Type.Optional(Type.Object({}, { additionalProperties: true })),
}, { additionalProperties: false });

const PolicyUpdate = Type.Object({
  policy: Type.Object({}, { additionalProperties: true, description: 'Partial CommunityPolicy overriding the defaults' }),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
}, { additionalProperties: false });

export default async function communityRoutes(app: FastifyInstance) {
  const auth = { preHandler: app.authenticate };
  const svc = () => app.services.communities;

  app.get('/api/communities', { ...auth, schema: { tags: ['communities'], summary: 'All communities, with your membership' } }, async (request) =>
    svc().list(currentUser(request)));

  app.post('/api/communities', { ...auth, schema: { tags: ['communities'], summary: 'Create a community (admin)', body: CreateCommunity } }, async (request, reply) =>
    reply.status(201).send(await svc().create(currentUser(request), request.body as never)));

  app.get('/api/communities/:id', { ...auth, schema: { tags: ['communities'], summary: 'One community (by id or slug); moderators also get its policy', params: IdParams } }, async (request) =>
    svc().get(currentUser(request), (request.params as { id: string }).id));

  app.post('/api/communities/:id/join', { ...auth, schema: { tags: ['communities'], summary: 'Join a community', params: IdParams } }, async (request) =>
    svc().join(currentUser(request), (request.params as { id: string }).id));

  app.put('/api/communities/:id/policy', { ...auth, schema: { tags: ['communities'], summary: 'Replace the policy overrides (admin, audited)', params: IdParams, body: PolicyUpdate } }, async (request) => {
    const { policy, reason } = request.body as { policy: Record<string, unknown>; reason: string };
    return svc().updatePolicy(currentUser(request), (request.params as { id: string }).id, policy, reason);
  });

  app.put('/api/communities/:id/moderators/:userId', {
    ...auth,
    schema: { tags: ['communities'], summary: 'Appoint a moderator (admin, audited)', params: Type.Object({ id: Id, userId: Id }) },
  }, async (request, reply) => {
    const { id, userId } = request.params as { id: string; userId: string };
    await svc().appointModerator(currentUser(request), id, userId, true);
    return reply.status(204).send();
  });

  app.delete('/api/communities/:id/moderators/:userId', {
    ...auth,
    schema: { tags: ['communities'], summary: 'Remove a moderator (admin, audited)', params: Type.Object({ id: Id, userId: Id }) },
  }, async (request, reply) => {
    const { id, userId } = request.params as { id: string; userId: string };
    await svc().appointModerator(currentUser(request), id, userId, false);
    return reply.status(204).send();
  });

  app.get('/api/communities/:id/rooms', { ...auth, schema: { tags: ['chat'], summary: 'Chat rooms of a community', params: IdParams } }, async (request) =>
    svc().rooms(currentUser(request), (request.params as { id: string }).id));

  app.post('/api/communities/:id/rooms', {
    ...auth,
    schema: { tags: ['chat'], summary: 'Create a chat room (moderator)', params: IdParams, body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false }) },
  }, async (request, reply) =>
    reply.status(201).send(await svc().createRoom(currentUser(request), (request.params as { id: string }).id, (request.body as { name: string }).name)));

  app.get('/api/communities/:id/threads', {
    ...auth,
    schema: { tags: ['forum'], summary: 'Forum threads you can see, most recently active first', params: IdParams, querystring: Type.Object({ limit: Limit }) },
  }, async (request) =>
    app.services.messages.listThreads(currentUser(request), (request.params as { id: string }).id, (request.query as { limit?: number }).limit ?? 50));

  app.post('/api/communities/:id/threads', {
    ...auth,
    schema: {
      tags: ['forum'], summary: 'Start a thread; the opening message passes moderation first', params: IdParams,
      body: Type.Object({ title: Title, text: Type.String({ minLength: 1, maxLength: 100_000 }) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const { title, text } = request.body as { title: string; text: string };
    const work = app.services.messages.submit(currentUser(request), { kind: 'thread', communityId: (request.params as { id: string }).id, title, text });
    return reply.status(201).send(await track(app, work));
  });
}

/** Keeps in-flight moderation visible to graceful shutdown. */
export async function track<T>(app: FastifyInstance, work: Promise<T>): Promise<T> {
  app.inflight.add(work);
  try {
    return await work;
  } finally {
    app.inflight.delete(work);
  }
}
