import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { currentUser, SESSION_COOKIE, tokenFrom } from '../plugins/app/auth.js';
import { Handle, Password } from './schemas.js';

const Credentials = Type.Object({ handle: Handle, password: Password }, { additionalProperties: false });
const LoginCredentials = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export default async function authRoutes(app: FastifyInstance) {
  const cookie = (token: string, maxAgeSeconds: number) =>
    `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;

  app.post('/api/auth/register', { schema: { tags: ['auth'], summary: 'Create a member account', security: [], body: Credentials } }, async (request, reply) => {
    const { handle, password } = request.body as { handle: string; password: string };
    const result = await app.services.accounts.register(handle, password);
    reply.header('set-cookie', cookie(result.token, app.config.sessionTtlHours * 3600));
    return reply.status(201).send(result);
  });

  app.post('/api/auth/login', { schema: { tags: ['auth'], summary: 'Log in; returns a session token (also set as an HttpOnly cookie)', security: [], body: LoginCredentials } }, async (request, reply) => {
    const { handle, password } = request.body as { handle: string; password: string };
    const result = await app.services.accounts.login(handle, password);
    reply.header('set-cookie', cookie(result.token, app.config.sessionTtlHours * 3600));
    return result;
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End this session' }, preHandler: app.authenticate }, async (request, reply) => {
    await app.services.accounts.logout(tokenFrom(request)!);
    reply.header('set-cookie', cookie('', 0));
    return reply.status(204).send();
  });

  app.get('/api/me', { schema: { tags: ['auth'], summary: 'The logged-in user and their memberships' }, preHandler: app.authenticate }, async (request) =>
    app.services.accounts.me(currentUser(request)));
}
