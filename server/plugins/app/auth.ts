import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { UserRow } from '../../../db/repositories/index.js';
import { unauthorized } from '../../lib/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRow | null;
  }
  interface FastifyInstance {
    /** preHandler that requires a logged-in user. */
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
}

export const SESSION_COOKIE = 'haven_session';

/** Bearer token from the Authorization header, or the session cookie set by the web app. */
export function tokenFrom(request: Pick<FastifyRequest, 'headers'>): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookie = request.headers.cookie;
  if (cookie) {
    for (const part of cookie.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
    }
  }
  return undefined;
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const token = tokenFrom(request);
    const user = token ? await app.services.accounts.authenticate(token) : undefined;
    if (!user) throw unauthorized();
    request.user = user;
  });
}, { name: 'haven-auth', dependencies: ['haven-core'] });

/** The authenticated user of a route that used `preHandler: app.authenticate`. */
export function currentUser(request: FastifyRequest): UserRow {
  if (!request.user) throw unauthorized();
  return request.user;
}
