/** Third-party Fastify plugins, configured in one place. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';

export async function registerExternalPlugins(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Haven API', version: '0.1.0', description: 'Moderated peer-support communities. Every message passes the moderation pipeline before anyone else sees it.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(websocket, { options: { maxPayload: Math.max(64 * 1024, config.maxMessageChars * 4 + 4096) } });
}
