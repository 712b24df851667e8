import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { UserRow } from '../../db/repositories/index.js';
import { HavenError } from '../lib/errors.js';
import { tokenFrom } from '../plugins/app/auth.js';
import type { Channel } from '../realtime/bus.js';
import { track } from './communities.js';

const AUTH_TIMEOUT_MS = 10_000;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'subscribe' | 'unsubscribe'; room?: string; thread?: string; community?: string }
  | { type: 'chat.send'; roomId: string; text: string; replyToId?: string; ref?: string }
  | { type: 'ping' };

/**
 * Live chat and live updates. The socket authenticates with the session cookie or
 * Authorization header at upgrade, or with a first `{"type":"auth","token":…}` message.
 * A user is subscribed to their own channel (status of their messages) and, as a
 * moderator, to their communities' queue channels; rooms and threads on request,
 * after the same membership check as REST.
 */
export default async function realtimeRoutes(app: FastifyInstance) {
  app.get('/ws', { websocket: true, schema: { tags: ['realtime'], summary: 'WebSocket: live chat, message status and queue events', hide: true } }, (socket: WebSocket, request) => {
    let user: UserRow | undefined;
    const send = (payload: Record<string, unknown>) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
    };
    const fail = (error: unknown, ref?: string) => {
      if (error instanceof HavenError) return send({ type: 'error', code: error.code, message: error.message, ...(ref ? { ref } : {}) });
      request.log.error({ err: error }, 'websocket handler failed');
      send({ type: 'error', code: 'INTERNAL', message: 'Something went wrong on our side.', ...(ref ? { ref } : {}) });
    };

    const becomeReady = async (authenticated: UserRow) => {
      user = authenticated;
      app.hub.subscribe(socket, `user:${user.id}`);
      const moderates = await app.services.communities.moderatedCommunityIds(user);
      for (const communityId of moderates) app.hub.subscribe(socket, `moderators:${communityId}`);
      send({ type: 'ready', user: { id: user.id, handle: user.handle, role: user.role }, moderates });
    };

    const authTimer = setTimeout(() => {
      if (!user) socket.close(4401, 'authentication required');
    }, AUTH_TIMEOUT_MS);
    const headerToken = tokenFrom(request);
    const ready = headerToken
      ? app.services.accounts.authenticate(headerToken).then((u) => (u ? becomeReady(u) : undefined))
      : Promise.resolve();

    socket.on('close', () => {
      clearTimeout(authTimer);
      app.hub.remove(socket);
    });

    socket.on('message', (raw) => {
      void ready.then(() => handle(raw.toString())).catch((error: unknown) => fail(error));
    });

    async function handle(raw: string) {
      let msg: ClientMessage;
      try {
        msg = JSON.parse(raw) as ClientMessage;
      } catch {
        return send({ type: 'error', code: 'INVALID_JSON', message: 'Messages must be JSON objects.' });
      }
      if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') {
        return send({ type: 'error', code: 'INVALID_MESSAGE', message: 'Each message needs a "type".' });
      }
      if (msg.type === 'ping') return send({ type: 'pong' });
      if (msg.type === 'auth') {
        if (user) return send({ type: 'error', code: 'ALREADY_AUTHENTICATED', message: 'This socket is already logged in.' });
        const authenticated = typeof msg.token === 'string' ? await app.services.accounts.authenticate(msg.token) : undefined;
        if (!authenticated) {
          send({ type: 'error', code: 'UNAUTHENTICATED', message: 'Please log in first.' });
          return socket.close(4401, 'invalid token');
        }
        return becomeReady(authenticated);
      }
      if (!user) return send({ type: 'error', code: 'UNAUTHENTICATED', message: 'Send {"type":"auth","token":…} first.' });
      const me = user;

      if (msg.type === 'subscribe' || msg.type === 'unsubscribe') {
        const channel = await channelFor(me, msg);
        if (msg.type === 'subscribe') app.hub.subscribe(socket, channel);
        else app.hub.unsubscribe(socket, channel);
        return send({ type: msg.type === 'subscribe' ? 'subscribed' : 'unsubscribed', channel });
      }
      if (msg.type === 'chat.send') {
        const ref = typeof msg.ref === 'string' ? msg.ref.slice(0, 64) : undefined;
        if (typeof msg.roomId !== 'string' || !ID.test(msg.roomId) || typeof msg.text !== 'string') {
          return send({ type: 'error', code: 'INVALID_MESSAGE', message: 'chat.send needs "roomId" and "text".', ...(ref ? { ref } : {}) });
        }
        try {
          const replyToId = typeof msg.replyToId === 'string' && ID.test(msg.replyToId) ? msg.replyToId : undefined;
          const result = await track(app, app.services.messages.submit(me, { kind: 'chat', roomId: msg.roomId, text: msg.text, replyToId }));
          return send({ type: 'chat.ack', ...(ref ? { ref } : {}), ...result });
        } catch (error) {
          return fail(error, ref);
        }
      }
      return send({ type: 'error', code: 'UNKNOWN_TYPE', message: 'Unknown message type.' });
    }

    async function channelFor(me: UserRow, msg: { room?: string; thread?: string; community?: string }): Promise<Channel> {
      if (typeof msg.room === 'string' && ID.test(msg.room)) {
        const room = await app.services.communities.room(me, msg.room);
        return `room:${room.id}`;
      }
      if (typeof msg.thread === 'string' && ID.test(msg.thread)) {
        const thread = await app.repos.messages.threadById(msg.thread);
        if (!thread) throw new HavenError(404, 'NOT_FOUND', 'Thread was not found.');
        await app.services.communities.requireMember(me, thread.communityId);
        return `thread:${thread.id}`;
      }
      if (typeof msg.community === 'string' && ID.test(msg.community)) {
        const community = await app.services.communities.find(msg.community);
        await app.services.communities.requireMember(me, community.id);
        return `community:${community.id}`;
      }
      throw new HavenError(400, 'INVALID_MESSAGE', 'Subscribe to a "room", "thread" or "community" by id.');
    }
  });
}
