/**
 * The web app: community pages (members, clinicians), the moderator console, the audit log,
 * the dashboard and the admin pages. Server-sent HTML shells with small vanilla ES modules
 * under `web/assets`; no build step. Everything talks to the JSON API and `/ws` with the
 * HttpOnly session cookie, so no token is ever readable by page scripts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');

/** Page path → HTML shell in web/pages. */
const PAGES: Record<string, string> = {
  '/': 'community.html',
  '/login': 'login.html',
  '/console': 'console.html',
  '/console/dashboard': 'dashboard.html',
  '/console/audit': 'audit.html',
  '/admin': 'admin.html',
};

/**
 * Strict policy: scripts, styles and connections only from this origin (same-origin WebSocket
 * included), no inline script, no framing, no referrer leaking community paths.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export default async function webRoutes(app: FastifyInstance) {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });

  // Assets revalidate on every load (ETag), so a deploy never leaves a stale script behind.
  await app.register(fastifyStatic, {
    root: path.join(WEB_ROOT, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    cacheControl: true,
    maxAge: 0,
    etag: true,
    index: false,
    schemaHide: true,
  });

  const sendPage = async (reply: FastifyReply, file: string) => {
    const html = await readFile(path.join(WEB_ROOT, 'pages', file), 'utf8');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  };
  for (const [url, file] of Object.entries(PAGES)) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => sendPage(reply, file));
  }
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/assets/favicon.svg', 301));
}
